// Helpers for the conformance suite: build a registered model with its example data.
import { RandomGenerator } from "../../src/matrix/random";
import { BaseModel, ExampleDataset, ModelRegistration } from "../../src/models";
import { LinearPartial } from "../../src/sufficientStatistics/linear";
import { ModelParameters } from "../../src/parameters";

/** A model as the conformance checks drive it (predict may return two values). */
export interface AnyModel {
	train(X: unknown, y?: unknown): Array<number>;
	predict(X: unknown): LuaTuple<[unknown, unknown?]>;
	/** Generative models: n samples (conditional: with conditions). */
	generate?(n: number, condition?: unknown): unknown;
	getModelParameters(noCopy?: boolean): ModelParameters | undefined;
	setModelParameters(parameters: unknown, noCopy?: boolean): void;
	getOptions(): object;
	clone(): AnyModel;
	destroy(): void;
	modelName: string;
}

/** A model with the distributed-gradient API. */
export interface GradientApi extends AnyModel {
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]>;
	applyGradients(g?: ModelParameters, n?: number): void;
	setAreGradientsSaved(flag: boolean): void;
	getGradients(): ModelParameters | undefined;
	getGradientSampleCount(): number;
}

/** A model with the sufficient-statistics API. */
export interface StatisticsApi extends AnyModel {
	computePartial(X: unknown, y: unknown): LinearPartial;
	mergePartials(a: LinearPartial, b: LinearPartial): LinearPartial;
	trainFromPartial(partial: LinearPartial): void;
}

/** The example dataset of `r` (seeded) and a fresh model built with its options. */
export function setup(r: ModelRegistration, seed = 7, featureCount = 3, sampleCount = 40): LuaTuple<[AnyModel, ExampleDataset]> {
	const data = r.example(new RandomGenerator(seed), featureCount, sampleCount);
	return $tuple(fresh(r, data), data);
}

/** A fresh model with the example's options. */
export function fresh(r: ModelRegistration, data: ExampleDataset): AnyModel {
	return r.create(data.options) as unknown as AnyModel;
}

/** Rows [start, finish) of a matrix or label list. */
export function rows<T extends defined>(list: Array<T>, start: number, finish: number): Array<T> {
	const out = new Array<T>();
	for (const i of $range(start, finish - 1)) out.push(list[i]);
	return out;
}

/** `X` with row `i` replaced by a row whose column `j` is `value`. */
export function withEntry(X: Array<Array<number>>, i: number, j: number, value: number): Array<Array<number>> {
	const out = X.map((row) => table.clone(row));
	out[i][j] = value;
	return out;
}

/** The model's base type, for signatures that take registered models. */
export type Model = BaseModel<object>;
