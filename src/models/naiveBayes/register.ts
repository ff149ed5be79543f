/** Registers the naive Bayes variants with their tags and example datasets. */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { ExampleDataset, registerModel } from "../registry";
import { Model } from "../base/capabilities";
import { blobs } from "../base/examples";
import { GaussianNaiveBayes } from "./GaussianNaiveBayes";
import { MultinomialNaiveBayes } from "./MultinomialNaiveBayes";
import { BernoulliNaiveBayes } from "./BernoulliNaiveBayes";
import { ComplementNaiveBayes } from "./ComplementNaiveBayes";
import { CategoricalNaiveBayes } from "./CategoricalNaiveBayes";

const NAMES = ["low", "middle", "high"];

/** Three classes; feature values from `value(rng, blob, j)`. */
function dataset(rng: RandomGenerator, p: number, n: number, value: (rng: RandomGenerator, blob: number, j: number) => number): ExampleDataset {
	const X: Matrix = [];
	const y = new Array<string>();
	for (const i of $range(0, n - 1)) {
		const blob = i % 3;
		const row = new Array<number>();
		for (const j of $range(0, p - 1)) row.push(value(rng, blob, j));
		X.push(row);
		y.push(NAMES[blob]);
	}
	return { X, y, options: { classesList: NAMES } };
}

/** Counts 0…5, larger where feature j matches the class. */
const counts = (rng: RandomGenerator, blob: number, j: number) => math.floor(rng.uniform(0, 3)) + (j % 3 === blob ? 3 : 0);

function register(name: string, create: (options?: object) => Model, example: (rng: RandomGenerator, p: number, n: number) => ExampleDataset) {
	registerModel({ name, create, tags: ["classifier", "statistics"], example });
}

register(
	"GaussianNaiveBayes",
	(o) => new GaussianNaiveBayes(o),
	(rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 3);
		return { X, y: blob.map((b) => NAMES[b]), options: { classesList: NAMES } };
	},
);
register(
	"MultinomialNaiveBayes",
	(o) => new MultinomialNaiveBayes(o),
	(rng, p, n) => dataset(rng, p, n, counts),
);
register(
	"ComplementNaiveBayes",
	(o) => new ComplementNaiveBayes(o),
	(rng, p, n) => dataset(rng, p, n, counts),
);
register(
	"BernoulliNaiveBayes",
	(o) => new BernoulliNaiveBayes(o),
	(rng, p, n) => dataset(rng, p, n, (r, blob, j) => (r.uniform(0, 1) < (j % 3 === blob ? 0.8 : 0.2) ? 1 : 0)),
);
register(
	"CategoricalNaiveBayes",
	(o) => new CategoricalNaiveBayes(o),
	(rng, p, n) => dataset(rng, p, n, (r, blob, j) => (blob + j + (r.uniform(0, 1) < 0.3 ? 1 : 0)) % 4),
);
