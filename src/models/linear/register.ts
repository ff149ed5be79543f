/** Registers the linear models with their tags and example datasets. */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { ExampleDataset, registerModel } from "../registry";
import { ModelTag } from "../base/types";
import { Model } from "../base/capabilities";
import { LinearRegression } from "./LinearRegression";
import { HuberRegression } from "./HuberRegression";
import { QuantileRegression } from "./QuantileRegression";
import { PoissonRegression } from "./PoissonRegression";
import { LogisticRegression } from "./LogisticRegression";
import { BinaryRegression } from "./BinaryRegression";
import { SoftmaxRegression } from "./SoftmaxRegression";
import { NormalLinearRegression } from "./NormalLinearRegression";
import { RidgeRegression } from "./RidgeRegression";
import { BayesianLinearRegression } from "./BayesianLinearRegression";

function features(rng: RandomGenerator, p: number, n: number): Matrix {
	const x = new Array<Array<number>>();
	for (const _ of $range(1, n)) {
		const row = new Array<number>();
		for (const _j of $range(1, p)) row.push(rng.uniform(-1, 1));
		x.push(row);
	}
	return x;
}

/** 1 + Σ 0.5·(j + 1)·xⱼ for row `row`. */
function linearScore(row: Array<number>): number {
	let s = 1;
	for (const j of $range(0, row.size() - 1)) s += 0.5 * (j + 1) * row[j];
	return s;
}

const FAST = { maximumNumberOfIterations: 100, learningRate: 0.1 };

function regression(rng: RandomGenerator, p: number, n: number): ExampleDataset {
	const X = features(rng, p, n);
	return { X, y: X.map((row) => linearScore(row) + 0.05 * rng.normal()), options: FAST };
}

function binary(rng: RandomGenerator, p: number, n: number): ExampleDataset {
	const X = features(rng, p, n);
	return { X, y: X.map((row) => (linearScore(row) - 1 + 0.1 * rng.normal() > 0 ? 1 : 0)), options: FAST };
}

function multinomial(rng: RandomGenerator, p: number, n: number): ExampleDataset {
	const X = features(rng, p, n);
	const names = ["low", "middle", "high"];
	const y = X.map((row) => {
		const s = linearScore(row) - 1;
		return names[s < -0.3 ? 0 : s < 0.3 ? 1 : 2];
	});
	return { X, y, options: { ...FAST, classesList: names } };
}

function counts(rng: RandomGenerator, p: number, n: number): ExampleDataset {
	const X = features(rng, p, n);
	return { X, y: X.map((row) => math.floor(math.exp(0.5 * linearScore(row)) + rng.uniform(0, 1))), options: { ...FAST, learningRate: 0.05 } };
}

function exact(rng: RandomGenerator, p: number, n: number): ExampleDataset {
	const X = features(rng, p, n);
	return { X, y: X.map((row) => linearScore(row) + 0.05 * rng.normal()) };
}

/**
 * `example` with gradient steps chosen over the model's default second-order solver: the
 * registry's examples exercise the shared gradient loop (one step there equals one applied
 * gradient, as distributed training assumes).
 */
function byGradientSteps(example: (rng: RandomGenerator, p: number, n: number) => ExampleDataset) {
	return (rng: RandomGenerator, p: number, n: number): ExampleDataset => {
		const data = example(rng, p, n);
		return { ...data, options: { ...(data.options ?? {}), solver: "GradientDescent" } };
	};
}

function register(
	name: string,
	create: (options?: object) => Model,
	tags: Array<ModelTag>,
	example: (rng: RandomGenerator, p: number, n: number) => ExampleDataset,
) {
	registerModel({ name, create, tags, example });
}

const GRADIENT_REGRESSOR: Array<ModelTag> = ["gradient", "online", "regressor"];
const GRADIENT_CLASSIFIER: Array<ModelTag> = ["gradient", "online", "classifier"];
const STATISTICS_REGRESSOR: Array<ModelTag> = ["statistics", "regressor"];

register("LinearRegression", (o) => new LinearRegression(o), GRADIENT_REGRESSOR, regression);
register("HuberRegression", (o) => new HuberRegression(o), GRADIENT_REGRESSOR, byGradientSteps(regression));
register("QuantileRegression", (o) => new QuantileRegression(o), GRADIENT_REGRESSOR, byGradientSteps(regression));
register("PoissonRegression", (o) => new PoissonRegression(o), GRADIENT_REGRESSOR, byGradientSteps(counts));
register("LogisticRegression", (o) => new LogisticRegression(o), GRADIENT_CLASSIFIER, byGradientSteps(binary));
register("BinaryRegression", (o) => new BinaryRegression(o), GRADIENT_CLASSIFIER, binary);
register("SoftmaxRegression", (o) => new SoftmaxRegression(o), GRADIENT_CLASSIFIER, multinomial);
register("NormalLinearRegression", (o) => new NormalLinearRegression(o), STATISTICS_REGRESSOR, exact);
register("RidgeRegression", (o) => new RidgeRegression(o), STATISTICS_REGRESSOR, exact);
register("BayesianLinearRegression", (o) => new BayesianLinearRegression(o), STATISTICS_REGRESSOR, exact);
