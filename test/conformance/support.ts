// Helpers for the conformance suite: build a registered model with its example data.
import { RandomGenerator } from "../../src/matrix/random";
import { ExampleDataset, GradientSaving, isGradientSaving, isStatisticsModel, Model, ModelRegistration, StatisticsModel } from "../../src/models";

/** The example dataset of `r` (seeded) and a fresh model built with its options. */
export function setup(r: ModelRegistration, seed = 7, featureCount = 3, sampleCount = 40): LuaTuple<[Model, ExampleDataset]> {
	const data = r.example(new RandomGenerator(seed), featureCount, sampleCount);
	return $tuple(fresh(r, data), data);
}

/** A fresh model with the example's options. */
export function fresh(r: ModelRegistration, data: ExampleDataset): Model {
	return r.create(data.options);
}

/** A fresh gradient-trained model (an error when `r` has not the capability its tag claims). */
export function gradientModel(r: ModelRegistration, options?: object): GradientSaving {
	const model = r.create(options);
	if (!isGradientSaving(model)) error(`${r.name} is tagged "gradient" but has not the GradientSaving API`);
	return model;
}

/** A fresh statistics model (an error when `r` has not the capability its tag claims). */
export function statisticsModel(r: ModelRegistration, options?: object): StatisticsModel {
	const model = r.create(options);
	if (!isStatisticsModel(model)) error(`${r.name} is tagged "statistics" but has no computePartial/mergePartials/trainFromPartial`);
	return model;
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
