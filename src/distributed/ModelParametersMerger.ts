/**
 * Merges several children's parameters into one set: plain or weighted averages, the best child,
 * FedAvg, the exact least-squares combination, or robust coordinate-wise statistics.
 */
import { Matrix } from "../matrix/types";
import { assertDenseArray, assertMatrix, describeShape } from "../matrix/validate";
import { assertSameStructure, copyParameters, isModelParameters, describeParameters, ModelParameters, zipParameters } from "../parameters/tree";
import { constraint, objectWith, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { coordinateMedian, coordinateTrimmedMean, regressionMean, weightedSum } from "./merging/combine";
import { MergeModelType, normalizeWeights, scoreChildren } from "./merging/scoring";
import { ParameterScoring } from "../models/base/capabilities";
import { DATAPREDICT_HINT, describeValue, isFiniteNumber } from "../core/describe";

/**
 * How children are merged:
 * - `Average`: the plain mean.
 * - `WeightedAverage`: weights = each child's score on the validation data (see `scorePrediction`:
 *   accuracy for classifiers; max(0, 1 − Σ|ŷ−y| / Σ|y−ȳ|) for regression and clustering),
 *   normalised to sum 1; the plain mean when every score is 0.
 * - `WeightedAverageEqual`: equal weights among the children whose score is > 0, the others 0;
 *   the plain mean when no score is > 0.
 * - `Best`: a copy of the child with the highest score; ties go to the lowest child index.
 * - `Custom`: the weights of `setCustomSplitPercentageArray`, normalised.
 * - `SampleWeighted`: FedAvg, weights ∝ the sample counts of `setSampleCounts`.
 * - `RegressionMean`: (Σ XᵢᵀXᵢ)⁻¹ Σ XᵢᵀXᵢ θᵢ with the Gram matrices of `setGramMatrices`: exactly
 *   the least-squares solution on the union of the children's data.
 * - `Median`: the coordinate-wise median.
 * - `TrimmedMean`: per coordinate, the mean after dropping ⌊trimFraction · children⌋ values at each end.
 */
export type MergeType =
	"Average" | "WeightedAverage" | "WeightedAverageEqual" | "Best" | "Custom" | "SampleWeighted" | "RegressionMean" | "Median" | "TrimmedMean";

/** Options of {@link ModelParametersMerger}. */
export interface ModelParametersMergerOptions {
	/** A model used to score children (needed by WeightedAverage, WeightedAverageEqual, Best). */
	model?: ParameterScoring;
	/** Chooses the score. Default "Regression". */
	modelType?: MergeModelType;
	/** Default "Average". */
	mergeType?: MergeType;
	/** TrimmedMean's share of children dropped at each end, in [0, 0.5). Default 0.2. */
	trimFraction?: number;
}

const MERGE_TYPES = [
	"Average",
	"WeightedAverage",
	"WeightedAverageEqual",
	"Best",
	"Custom",
	"SampleWeighted",
	"RegressionMean",
	"Median",
	"TrimmedMean",
];
const SCORED = ["WeightedAverage", "WeightedAverageEqual", "Best"];
const WHERE = "ModelParametersMerger";

const CONSTRAINTS = {
	model: objectWith("a model with setModelParameters and predict", "setModelParameters", "predict"),
	modelType: oneOf("Regression", "Classification", "Clustering"),
	mergeType: oneOf(...MERGE_TYPES),
	trimFraction: constraint((v) => isFiniteNumber(v) && v >= 0 && v < 0.5, "a number in [0, 0.5)"),
};

/** Throws unless `values` is a non-empty array of non-negative finite numbers with a positive sum. */
function assertWeights(values: unknown, argName: string, where: string): asserts values is Array<number> {
	if (!typeIs(values, "table") || (values as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: ${argName} must be a non-empty array of numbers ≥ 0, got ${describeShape(values)}`, 3);
	}
	assertDenseArray(values, argName, "an array of numbers ≥ 0", where);
	let total = 0;
	const list = values as Array<unknown>;
	for (const i of $range(0, list.size() - 1)) {
		const v = list[i];
		if (!isFiniteNumber(v) || v < 0) error(`[Hivemind] ${where}: ${argName}[${i + 1}] must be a finite number ≥ 0, got ${describeValue(v)}`, 3);
		total += v;
	}
	if (total <= 0) error(`[Hivemind] ${where}: ${argName} must have a positive sum, got 0`, 3);
}

/** Merges children's parameters (a Matrix, a list of matrices or a string-keyed table of them). */
export class ModelParametersMerger {
	private readonly options: Readonly<Required<Omit<ModelParametersMergerOptions, "model">>>;
	private readonly model: ParameterScoring | undefined;
	private validationX: Matrix | undefined;
	private validationY: Matrix | undefined;
	private customWeights: Array<number> | undefined;
	private sampleCounts: Array<number> | undefined;
	private gramMatrices: Array<Matrix> | undefined;
	private lastWeights: Array<number> | undefined;
	private lastScores: Array<number> | undefined;

	/**
	 * @example
	 * const merger = new ModelParametersMerger({ model, modelType: "Classification", mergeType: "Best" });
	 * merger.setData(validationX, validationY);
	 * const merged = merger.merge([childA.getModelParameters(), childB.getModelParameters()]);
	 */
	constructor(options?: ModelParametersMergerOptions) {
		const resolved = resolveOptions(`${WHERE}.new`, { modelType: "Regression", mergeType: "Average", trimFraction: 0.2 }, options, CONSTRAINTS);
		this.model = (options as ModelParametersMergerOptions | undefined)?.model;
		this.options = resolved as Readonly<Required<Omit<ModelParametersMergerOptions, "model">>>;
	}

	/** The merge type in use. */
	getMergeType(): MergeType {
		return this.options.mergeType;
	}

	/** Sets the validation data the scored merge types (WeightedAverage, WeightedAverageEqual, Best) use. */
	setData(X: Matrix, y: Matrix) {
		assertMatrix(X, "X", `${WHERE}.setData`);
		assertMatrix(y, "y", `${WHERE}.setData`);
		if (X.size() !== y.size()) {
			error(`[Hivemind] ${WHERE}.setData: y must have ${X.size()} rows like X, got ${describeShape(y)}`, 2);
		}
		this.validationX = X;
		this.validationY = y;
	}

	/** Sets the weights of the Custom merge type (one per child, ≥ 0, positive sum; normalised when merging). */
	setCustomSplitPercentageArray(weights: Array<number>) {
		assertWeights(weights, "weights", `${WHERE}.setCustomSplitPercentageArray`);
		this.customWeights = [...weights];
	}

	/** Sets each child's sample count for the SampleWeighted merge type (≥ 0, positive sum). */
	setSampleCounts(counts: Array<number>) {
		assertWeights(counts, "counts", `${WHERE}.setSampleCounts`);
		this.sampleCounts = [...counts];
	}

	/** Sets each child's Gram matrix XᵢᵀXᵢ (d×d, d = rows of the parameters) for RegressionMean. */
	setGramMatrices(grams: Array<Matrix>) {
		const where = `${WHERE}.setGramMatrices`;
		if (!typeIs(grams, "table") || grams.size() === 0)
			error(`[Hivemind] ${where}: grams must be a non-empty array of matrices, got ${describeShape(grams)}`, 2);
		assertDenseArray(grams, "grams", "an array of matrices", where);
		for (const i of $range(0, grams.size() - 1)) {
			assertMatrix(grams[i], `grams[${i + 1}]`, where);
			if (grams[i].size() !== grams[i][0].size())
				error(`[Hivemind] ${where}: grams[${i + 1}] must be square, got ${describeShape(grams[i])}`, 2);
		}
		this.gramMatrices = [...grams];
	}

	/** The normalised weights of the last merge (undefined after Median, TrimmedMean, RegressionMean). */
	getLastMergeWeights(): Array<number> | undefined {
		return this.lastWeights !== undefined ? [...this.lastWeights] : undefined;
	}

	/** The children's scores in the last scored merge. */
	getLastScores(): Array<number> | undefined {
		return this.lastScores !== undefined ? [...this.lastScores] : undefined;
	}

	/** Merges the children's parameters (all of the same structure and shapes) into a new set. */
	merge(parameterSetsArray: Array<ModelParameters>, ...extra: Array<unknown>): ModelParameters {
		const where = `${WHERE}.merge`;
		if (extra.size() > 0) {
			error(
				`[Hivemind] ${where}: takes ONE array of the children's parameter sets, merge({ p1, p2, ... }), got ${1 + extra.size()} arguments ${DATAPREDICT_HINT}`,
				2,
			);
		}
		if (!typeIs(parameterSetsArray, "table") || parameterSetsArray.size() === 0) {
			error(`[Hivemind] ${where}: parameterSetsArray must be a non-empty array of parameter sets, got ${describeShape(parameterSetsArray)}`, 2);
		}
		assertDenseArray(parameterSetsArray, "parameterSetsArray", "an array of parameter sets", where);
		const children = parameterSetsArray;
		const count = children.size();
		for (const i of $range(0, count - 1)) {
			if (!isModelParameters(children[i])) {
				error(
					`[Hivemind] ${where}: child ${i} must be a matrix, a list of matrices or a string-keyed table of matrices, got ${describeParameters(children[i])}`,
					2,
				);
			}
			if (i > 0) assertSameStructure(children[0], children[i], where, "child 0", `child ${i}`);
		}
		this.lastWeights = undefined;
		this.lastScores = undefined;
		const mergeType = this.options.mergeType;
		if (mergeType === "Median") return zipParameters(children, (matrices) => coordinateMedian(matrices));
		if (mergeType === "TrimmedMean") {
			const trim = math.floor(this.options.trimFraction * count);
			return zipParameters(children, (matrices) => coordinateTrimmedMean(matrices, trim));
		}
		if (mergeType === "RegressionMean") return this.mergeRegressionMean(children, where);
		const weights = this.weightsFor(children, where);
		this.lastWeights = weights;
		if (mergeType === "Best") return copyParameters(children[weights.indexOf(1)]);
		return zipParameters(children, (matrices) => weightedSum(matrices, weights));
	}

	private weightsFor(children: Array<ModelParameters>, where: string): Array<number> {
		const count = children.size();
		const mergeType = this.options.mergeType;
		if (mergeType === "Custom" || mergeType === "SampleWeighted") {
			const given = mergeType === "Custom" ? this.customWeights : this.sampleCounts;
			const setter = mergeType === "Custom" ? "setCustomSplitPercentageArray(weights)" : "setSampleCounts(counts)";
			if (given === undefined) error(`[Hivemind] ${where}: mergeType "${mergeType}" needs ${setter} first, got none`, 3);
			if (given.size() !== count)
				error(`[Hivemind] ${where}: mergeType "${mergeType}" needs ${count} weights (one per child), got ${given.size()}`, 3);
			return normalizeWeights(given);
		}
		if (!SCORED.includes(mergeType)) return normalizeWeights(children.map(() => 1));
		const model = this.model;
		const X = this.validationX;
		const y = this.validationY;
		if (model === undefined) error(`[Hivemind] ${where}: mergeType "${mergeType}" needs options.model to score children, got none`, 3);
		if (X === undefined || y === undefined)
			error(`[Hivemind] ${where}: mergeType "${mergeType}" needs validation data from setData(X, y), got none`, 3);
		const scores = scoreChildren(model, children, X, y, this.options.modelType, where);
		this.lastScores = scores;
		if (mergeType === "Best") {
			let best = 0;
			for (const i of $range(1, count - 1)) if (scores[i] > scores[best]) best = i;
			return scores.map((_, i) => (i === best ? 1 : 0));
		}
		if (mergeType === "WeightedAverageEqual") return normalizeWeights(scores.map((s) => (s > 0 ? 1 : 0)));
		return normalizeWeights(scores);
	}

	private mergeRegressionMean(children: Array<ModelParameters>, where: string): ModelParameters {
		const grams = this.gramMatrices;
		if (grams === undefined) error(`[Hivemind] ${where}: mergeType "RegressionMean" needs setGramMatrices(grams) first, got none`, 3);
		if (grams.size() !== children.size()) {
			error(`[Hivemind] ${where}: mergeType "RegressionMean" needs ${children.size()} Gram matrices (one per child), got ${grams.size()}`, 3);
		}
		const d = grams[0].size();
		for (const i of $range(1, grams.size() - 1)) {
			if (grams[i].size() !== d)
				error(`[Hivemind] ${where}: Gram matrix ${i + 1} must be ${d}×${d} like Gram matrix 1, got ${describeShape(grams[i])}`, 3);
		}
		return zipParameters(children, (matrices, name) => {
			if (matrices[0].size() !== d) {
				const label = name === "" ? "the parameters" : `entry "${name}"`;
				error(`[Hivemind] ${where}: ${label} must have ${d} rows to match the ${d}×${d} Gram matrices, got ${describeShape(matrices[0])}`, 4);
			}
			return regressionMean(matrices, grams);
		});
	}
}
