/** The soft-margin support vector machine (binary), solved exactly in the dual by SMO. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { anyOf, anyFinite, ConstraintTable, integerAtLeast, numberAbove, oneOf } from "../../options";
import { ModelParameters, ParameterRecord } from "../../parameters";
import { Label } from "../../utilities/labels";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { TWO_CLASSES } from "../linear/BinaryClassifier";
import { ClassLabels } from "../base/ClassLabels";
import { canonicalRowOrder } from "../base/rowOrder";
import { expectRecord, expectShape } from "../base/recordParameters";
import { KERNEL_NAMES, KernelName, KernelSettings, kernelExpansion, kernelGram, resolveGamma } from "./kernels";
import { solveSmo } from "./smo";
import { Classifier } from "../base/capabilities";

/** Options of `SupportVectorMachine`. */
export interface SupportVectorMachineOptions {
	/** "linear", "polynomial", "rbf" or "sigmoid": default "rbf". */
	kernel: KernelName;
	/** The penalty on margin violations (larger: a harder margin): > 0, default 1. */
	C: number;
	/** Polynomial degree: integer ≥ 1, default 3. */
	degree: number;
	/** γ of the polynomial, RBF and sigmoid kernels: a number > 0, "scale" (1 / (p · Var(X))) or "auto" (1 / p); default "scale". */
	gamma: number | "scale" | "auto";
	/** The constant of the polynomial and sigmoid kernels: finite, default 0. */
	coef0: number;
	/** Stop when the KKT violation gap is below this: > 0, default 1e-3. */
	tolerance: number;
	/** At most this many SMO pair updates per `train`: integer ≥ 1, default 100000. */
	maximumNumberOfIterations: number;
	/** The two labels: the first is the negative class (−1), the second the positive (+1); default {-1, 1}. */
	classesList: Array<Label>;
}

const DEFAULTS: SupportVectorMachineOptions = {
	kernel: "rbf",
	C: 1,
	degree: 3,
	gamma: "scale",
	coef0: 0,
	tolerance: 1e-3,
	maximumNumberOfIterations: 100000,
	classesList: [-1, 1],
};

const CONSTRAINTS: ConstraintTable<SupportVectorMachineOptions> = {
	kernel: oneOf(...KERNEL_NAMES),
	C: numberAbove(0),
	degree: integerAtLeast(1),
	gamma: anyOf(numberAbove(0), oneOf("scale", "auto")),
	coef0: anyFinite,
	tolerance: numberAbove(0),
	maximumNumberOfIterations: integerAtLeast(1),
	classesList: TWO_CLASSES,
};

const ENTRIES = ["bias", "dualCoefficients", "gamma", "supportVectors"];
const WHAT = "bias 1×1, dualCoefficients m×1 (αᵢyᵢ), gamma 1×1, supportVectors m×p";

/**
 * A binary soft-margin SVM: f(x) = Σ αᵢyᵢ k(xᵢ, x) + b, the dual solved by SMO with
 * second-order working-set selection. Parameters: `supportVectors` (m×p), `dualCoefficients`
 * (αᵢyᵢ, m×1), `bias` (1×1) and the `gamma` used (1×1). For more than two classes, wrap it in
 * `OneVsAll`.
 * @example
 * const svm = new SupportVectorMachine({ kernel: "rbf", C: 10, classesList: ["blue", "red"] });
 * svm.train(X, labels);
 * const [predicted, decisionValues] = svm.predict(X);
 */
export class SupportVectorMachine extends BaseModel<SupportVectorMachineOptions, ParameterRecord> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList, 2);

	constructor(options?: Partial<SupportVectorMachineOptions>) {
		super("SupportVectorMachine", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["kernel", "degree", "coef0", "classesList"];
	}

	/** The two class labels (negative first). */
	getClassesList(): Array<Label> {
		return this.labels.get()!;
	}

	private kernelSettings(gamma: number): KernelSettings {
		return { kernel: this.options.kernel, degree: this.options.degree, gamma, coef0: this.options.coef0 };
	}

	/**
	 * Solves the dual on `X` (n×p) and labels `y` (two classes); replaces any earlier solution.
	 * Returns `{ f(α) }`, the dual objective ½αᵀQα − Σα at the solution.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where);
		const indices = this.labels.encode(y, x.size(), where, describeShape(x));
		// Canonical row order: the solver's path, hence the result, ignores the order rows came in.
		const order = canonicalRowOrder(x, indices);
		const rows = order.map((i) => x[i]);
		const signs = order.map((i) => (indices[i] === 1 ? 1 : -1));
		const gamma = resolveGamma(this.options.gamma, rows);
		const k = kernelGram(rows, this.kernelSettings(gamma));
		const result = solveSmo(k, signs, this.options.C, this.options.tolerance, this.options.maximumNumberOfIterations);
		const supportVectors = new Array<Array<number>>();
		const coefficients = new Array<Array<number>>();
		let objective = 0;
		// each support vector's term is O(n): fixed row blocks within the frame budget
		forEachBlock(rows.size(), rowsPerBlock(rows.size()), new FrameBudget(), (first, last) => {
			for (const i of $range(first, last)) {
				const a = result.alpha[i];
				if (a <= 0) continue;
				supportVectors.push(table.clone(rows[i]));
				coefficients.push([a * signs[i]]);
				let s = 0;
				const ki = k[i];
				for (const j of $range(0, rows.size() - 1)) s += result.alpha[j] * signs[j] * buffer.readf64(ki, j * 8);
				objective += a * (0.5 * signs[i] * s - 1);
			}
		});
		if (supportVectors.size() === 0) {
			// No α > 0 (one class only): f ≡ b; one zero row keeps the matrices non-empty.
			supportVectors.push(table.create<number>(x[0].size(), 0));
			coefficients.push([0]);
		}
		this.parameters = { bias: [[result.bias]], dualCoefficients: coefficients, gamma: [[gamma]], supportVectors };
		return [objective];
	}

	/** The decision values f(x) (n×1) of the rows of `X`. */
	private decisionValues(X: unknown, where: string): Matrix {
		const p = this.requireParameters(where);
		const vectors = p.supportVectors;
		const x = featureMatrix(X, where, vectors[0].size());
		// b + Σⱼ cⱼ·k(x, vⱼ) a row at a time: never the n×m kernel matrix
		const values = kernelExpansion(x, vectors, p.dualCoefficients, this.kernelSettings(p.gamma[0][0]), p.bias[0][0]);
		return mapInBlocks(values.size(), 1, (i) => [values[i]]);
	}

	/**
	 * The predicted labels (positive class where f(x) > 0) and, as a second value, the decision
	 * values f(x) (n×1; the signed distance to the boundary times ‖w‖).
	 * @example local labels, decisionValues = svm:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const values = this.decisionValues(X, where);
		return $tuple(this.labels.decodeSigns(values, where), values);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ParameterRecord {
		const record = expectRecord(parameters, ENTRIES, WHAT, where);
		const m = record.supportVectors.size();
		expectShape(record.bias, "bias", 1, 1, where);
		expectShape(record.gamma, "gamma", 1, 1, where);
		expectShape(record.dualCoefficients, "dualCoefficients", m, 1, where);
		if (record.gamma[0][0] <= 0) error(`[Hivemind] ${where}: parameters.gamma must hold a number > 0, got ${record.gamma[0][0]}`, 3);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as SupportVectorMachine).labels.copyFrom(this.labels);
	}
}
