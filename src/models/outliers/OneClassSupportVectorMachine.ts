/**
 * The one-class support vector machine (Schölkopf et al. 2001), ν-formulation as libsvm solves it:
 *
 *     minimize ½ αᵀKα   subject to  0 ≤ αᵢ ≤ 1,  Σ αᵢ = ν·n,
 *
 * by the SVM's SMO solver (all yᵢ = 1, linear term 0) from α = (1, …, 1, ν·n − ⌊ν·n⌋, 0, …).
 * The score of a row is Σ αᵢ k(xᵢ, x) (scikit-learn's `score_samples`); the decision value is the
 * score minus ρ; ν bounds the share of training outliers from above and of support vectors from below.
 */
import { Matrix, Vector } from "../../matrix/types";
import { anyOf, anyFinite, constraint, ConstraintTable, integerAtLeast, numberAbove, oneOf } from "../../options";
import { ModelParameters } from "../../parameters";
import { expectRecord, expectShape } from "../base/recordParameters";
import { KERNEL_NAMES, KernelName, KernelSettings, kernelExpansion, kernelGram, resolveGamma } from "../svm/kernels";
import { solveSmo } from "../svm/smo";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { OutlierDetector, OutlierFit, OutlierParameters } from "./OutlierDetector";
import { CONTAMINATION, Contamination } from "./threshold";

/** Options of `OneClassSupportVectorMachine`. */
export interface OneClassSupportVectorMachineOptions {
	/** ν ∈ (0, 1]: an upper bound on the share of training outliers: default 0.5. */
	nu: number;
	/** "linear", "polynomial", "rbf" or "sigmoid": default "rbf". */
	kernel: KernelName;
	/** Polynomial degree: integer ≥ 1, default 3. */
	degree: number;
	/** γ: a number > 0, "scale" (1 / (p · Var(X))) or "auto" (1 / p); default "scale". */
	gamma: number | "scale" | "auto";
	/** The constant of the polynomial and sigmoid kernels: finite, default 0. */
	coef0: number;
	/** Stop when the KKT violation gap is below this: > 0, default 1e-3. */
	tolerance: number;
	/** At most this many SMO pair updates per `train`: integer ≥ 1, default 100000. */
	maximumNumberOfIterations: number;
	/** "auto" (offset ρ, the solution's own boundary) or the expected share of outliers in (0, 0.5]: default "auto". */
	contamination: Contamination;
}

const DEFAULTS: OneClassSupportVectorMachineOptions = {
	nu: 0.5,
	kernel: "rbf",
	degree: 3,
	gamma: "scale",
	coef0: 0,
	tolerance: 1e-3,
	maximumNumberOfIterations: 100000,
	contamination: "auto",
};
const CONSTRAINTS: ConstraintTable<OneClassSupportVectorMachineOptions> = {
	nu: constraint((v) => typeIs(v, "number") && v > 0 && v <= 1, "a number in (0, 1]"),
	kernel: oneOf(...KERNEL_NAMES),
	degree: integerAtLeast(1),
	gamma: anyOf(numberAbove(0), oneOf("scale", "auto")),
	coef0: anyFinite,
	tolerance: numberAbove(0),
	maximumNumberOfIterations: integerAtLeast(1),
	contamination: CONTAMINATION,
};
const ENTRIES = ["dualCoefficients", "gamma", "offset", "rho", "supportVectors"];
const WHAT = "supportVectors m×p, dualCoefficients m×1 (αᵢ), gamma 1×1, rho 1×1, offset 1×1";

/**
 * One-class SVM. Parameters: `supportVectors` (m×p), `dualCoefficients` (αᵢ, m×1), the `gamma`
 * used, `rho` and `offset`. `train` returns `{ ½αᵀKα }`, the dual objective at the solution.
 * @example
 * const detector = new OneClassSupportVectorMachine({ nu: 0.05, gamma: 0.5 });
 * detector.train(normalSessions);
 * const [labels, decision] = detector.predict(newSessions);   // −1 marks the outliers
 */
export class OneClassSupportVectorMachine extends OutlierDetector<OneClassSupportVectorMachineOptions> {
	constructor(options?: Partial<OneClassSupportVectorMachineOptions>) {
		super("OneClassSupportVectorMachine", DEFAULTS, CONSTRAINTS, options);
	}

	private kernelSettings(gamma: number): KernelSettings {
		return { kernel: this.options.kernel, degree: this.options.degree, gamma, coef0: this.options.coef0 };
	}

	protected fit(rows: Matrix, budget: FrameBudget): OutlierFit {
		const n = rows.size();
		const gamma = resolveGamma(this.options.gamma, rows);
		const k = kernelGram(rows, this.kernelSettings(gamma));
		const total = this.options.nu * n;
		const whole = math.floor(total);
		const alpha = rows.map((_, i) => (i < whole ? 1 : i === whole ? total - whole : 0));
		const ones = rows.map(() => 1);
		const o = this.options;
		const result = solveSmo(k, ones, 1, o.tolerance, o.maximumNumberOfIterations, { alpha, linear: rows.map(() => 0) });
		const supportVectors = new Array<Array<number>>();
		const coefficients = new Array<Array<number>>();
		const trainingScores = table.create<number>(n, 0);
		let objective = 0;
		// each row O(n): in fixed row blocks within the frame budget, in row order
		// a row reads n buffer entries (≈ 3 multiply-adds' time each: rowsPerBlock(n) made 3 ms blocks at n = 2000)
		forEachBlock(n, rowsPerBlock(3 * n), budget, (first, last) => {
			for (const i of $range(first, last)) {
				let s = 0;
				const ki = k[i];
				for (const j of $range(0, n - 1)) s += result.alpha[j] * buffer.readf64(ki, j * 8);
				trainingScores[i] = s;
				const a = result.alpha[i];
				if (a <= 0) continue;
				objective += 0.5 * a * s;
				supportVectors.push(table.clone(rows[i]));
				coefficients.push([a]);
			}
		});
		const rho = -result.bias;
		return {
			parameters: { supportVectors, dualCoefficients: coefficients, gamma: [[gamma]], rho: [[rho]] },
			trainingScores,
			history: [objective],
		};
	}

	protected scoreRows(parameters: OutlierParameters, x: Matrix): Vector {
		const coefficients = parameters.dualCoefficients;
		return kernelExpansion(x, parameters.supportVectors, coefficients, this.kernelSettings(parameters.gamma[0][0]), 0);
	}

	protected autoOffset(parameters: OutlierParameters): number {
		return parameters.rho[0][0];
	}

	protected featureCount(parameters: OutlierParameters): number {
		return parameters.supportVectors[0].size();
	}

	protected validateEntries(parameters: ModelParameters, where: string): OutlierParameters {
		const record = expectRecord(parameters, ENTRIES, WHAT, where);
		const m = record.supportVectors.size();
		expectShape(record.dualCoefficients, "dualCoefficients", m, 1, where);
		expectShape(record.gamma, "gamma", 1, 1, where);
		expectShape(record.rho, "rho", 1, 1, where);
		if (record.gamma[0][0] <= 0) error(`[Hivemind] ${where}: parameters.gamma must hold a number > 0, got ${record.gamma[0][0]}`, 4);
		return record;
	}
}
