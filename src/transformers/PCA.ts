/**
 * Principal component analysis from the covariance (`src/sufficientStatistics/covariance.ts`: n, mean and
 * co-moments, mergeable across servers) and its eigen-decomposition (`symmetricEigen`).
 */
import { Matrix } from "../matrix/types";
import { describeShape } from "../matrix/validate";
import { integerAtLeast, ConstraintTable } from "../options";
import { ModelParameters, ParameterRecord } from "../parameters";
import { addColumnSums, addComoments, CovariancePartial, finalizePca, mergeCovariancePartials } from "../sufficientStatistics/covariance";
import { mirrorUpperTriangle } from "../matrix/product";
import { zeros } from "../matrix/creation";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../parallel/FrameBudget";
import { BaseModel } from "../models/base/BaseModel";
import { featureMatrix, mapInBlocks } from "../models/base/data";
import { expectRecord, expectShape } from "../models/base/recordParameters";
import { InvertibleTransformer, StatisticsModel } from "../models/base/capabilities";

/** Options of `PCA`. */
export interface PCAOptions {
	/** Components kept (≤ features): integer ≥ 1, default all features. */
	numberOfComponents?: number;
}

const DEFAULTS: PCAOptions = {};
const CONSTRAINTS: ConstraintTable<PCAOptions> = { numberOfComponents: integerAtLeast(1) };

const ENTRIES = ["components", "explainedVariance", "explainedVarianceRatio", "mean"];
const WHAT = "components p×k, explainedVariance 1×k, explainedVarianceRatio 1×k, mean 1×p";

/**
 * `computeCovariancePartial(x)` (x validated) in fixed row blocks within the frame budget: the same
 * two passes in row order, so the same numbers.
 */
function covarianceInBlocks(x: Matrix): CovariancePartial {
	const n = x.size();
	const c = x[0].size();
	const budget = new FrameBudget();
	const sums = table.create<number>(c, 0);
	forEachBlock(n, rowsPerBlock(c), budget, (first, last) => addColumnSums(x, first, last, sums));
	const mean = [sums.map((v) => v / n)];
	const comoment = zeros(c, c);
	const scratch = table.create<number>(c, 0);
	forEachBlock(n, rowsPerBlock((c * (c + 3)) / 2), budget, (first, last) => addComoments(x, first, last, mean[0], comoment, scratch));
	return { n, mean, comoment: mirrorUpperTriangle(comoment) };
}

/**
 * PCA: the top eigenvectors of the (population) covariance. Parameters: `components` (p×k, as
 * columns, by decreasing variance, each column's largest-magnitude entry positive), `mean` (1×p),
 * `explainedVariance` and `explainedVarianceRatio` (1×k). `predict` = `transform`.
 * @example
 * const pca = new PCA({ numberOfComponents: 2 });
 * pca.train(X);
 * const Z = pca.transform(X);               // n×2
 * const back = pca.inverseTransform(Z);     // n×p, the best rank-2 approximation of X
 */
export class PCA
	extends BaseModel<PCAOptions, ParameterRecord>
	implements StatisticsModel<CovariancePartial>, InvertibleTransformer<unknown, Matrix>
{
	constructor(options?: Partial<PCAOptions>) {
		super("PCA", DEFAULTS, CONSTRAINTS, options);
	}

	private record(where: string): ParameterRecord {
		return this.requireParameters(where);
	}

	/** The statistics of `X` (`computeCovariancePartial`), to merge across servers. */
	computePartial(X: unknown): CovariancePartial {
		const where = `${this.modelName}.computePartial`;
		this.assertAlive(where);
		return covarianceInBlocks(featureMatrix(X, where));
	}

	/** The statistics of the union of two shards (`mergeCovariancePartials`; pure, associative). */
	mergePartials(a: CovariancePartial, b: CovariancePartial): CovariancePartial {
		this.assertAlive(`${this.modelName}.mergePartials`);
		return mergeCovariancePartials(a, b);
	}

	/**
	 * Fits the components from (merged) statistics, replacing the current ones. Returns the mean
	 * squared reconstruction error per row: the variance of the discarded directions.
	 */
	trainFromPartial(partial: CovariancePartial): number {
		const where = `${this.modelName}.trainFromPartial`;
		this.assertAlive(where);
		const p = typeIs(partial, "table") && typeIs(partial.mean, "table") && typeIs(partial.mean[0], "table") ? partial.mean[0].size() : 0;
		const k = this.options.numberOfComponents ?? p;
		if (k > p) error(`[Hivemind] ${where}: numberOfComponents (${k}) must be ≤ the number of features (${p})`, 2);
		const result = finalizePca(partial, k);
		this.parameters = {
			components: result.components,
			explainedVariance: result.explainedVariance,
			explainedVarianceRatio: result.explainedVarianceRatio,
			mean: result.mean,
		};
		let total = 0;
		for (const i of $range(0, p - 1)) total += partial.comoment[i][i] / partial.n;
		let kept = 0;
		for (const v of result.explainedVariance[0]) kept += v;
		return math.max(0, total - kept);
	}

	/** Fits the components to `X` (n×p; `y` ignored). Returns `{ mean squared reconstruction error }`. */
	train(X: unknown, _y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where);
		const k = this.options.numberOfComponents;
		if (k !== undefined && k > x[0].size())
			error(`[Hivemind] ${where}: numberOfComponents (${k}) must be ≤ the number of features of X, got ${describeShape(x)}`, 2);
		return [this.trainFromPartial(covarianceInBlocks(x))];
	}

	/**
	 * The coordinates of the rows of `X` along the components: (X − mean)·components (n×k).
	 * @example local Z = pca:transform(X)
	 */
	transform(X: unknown): Matrix {
		return this.project(X, `${this.modelName}.transform`);
	}

	/** Same as `transform` (the model contract's verb). */
	predict(X: unknown): Matrix {
		return this.project(X, `${this.modelName}.predict`);
	}

	private project(X: unknown, where: string): Matrix {
		const record = this.record(where);
		const mean = record.mean[0];
		const components = record.components;
		const x = featureMatrix(X, where, mean.size());
		const k = components[0].size();
		return mapInBlocks(x.size(), k * x[0].size() + 2, (i) => {
			const row = x[i];
			const out = table.create<number>(k, 0);
			for (const j of $range(0, row.size() - 1)) {
				const d = row[j] - mean[j];
				const cj = components[j];
				for (const c of $range(0, k - 1)) out[c] += d * cj[c];
			}
			return out;
		});
	}

	/**
	 * Rows back in feature space: Z·componentsᵀ + mean (n×p); exact for k = p, else the best
	 * rank-k approximation.
	 */
	inverseTransform(Z: unknown): Matrix {
		const where = `${this.modelName}.inverseTransform`;
		const record = this.record(where);
		const components = record.components;
		const z = featureMatrix(Z, where, components[0].size(), "Z");
		return mapInBlocks(z.size(), (z[0].size() + 2) * components.size(), (i) => {
			const row = z[i];
			return record.mean[0].map((m, j) => {
				let s = m;
				const cj = components[j];
				for (const c of $range(0, row.size() - 1)) s += row[c] * cj[c];
				return s;
			});
		});
	}

	/** The variance along each kept component (a copy of the 1×k `explainedVariance`). */
	getExplainedVariance(): Array<number> {
		return [...this.record(`${this.modelName}.getExplainedVariance`).explainedVariance[0]];
	}

	/** Each kept component's share of the total variance (1×k `explainedVarianceRatio`). */
	getExplainedVarianceRatio(): Array<number> {
		return [...this.record(`${this.modelName}.getExplainedVarianceRatio`).explainedVarianceRatio[0]];
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ParameterRecord {
		const record = expectRecord(parameters, ENTRIES, WHAT, where);
		const [p, k] = [record.components.size(), record.components[0].size()];
		expectShape(record.mean, "mean", 1, p, where);
		expectShape(record.explainedVariance, "explainedVariance", 1, k, where);
		expectShape(record.explainedVarianceRatio, "explainedVarianceRatio", 1, k, where);
		const wanted = this.options.numberOfComponents;
		if (wanted !== undefined && k !== wanted)
			error(
				`[Hivemind] ${where}: parameters.components must have numberOfComponents (${wanted}) columns, got ${describeShape(record.components)}`,
				3,
			);
	}
}
