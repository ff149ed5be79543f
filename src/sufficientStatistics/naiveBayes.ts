//!native
/**
 * Naive Bayes as mergeable statistics: counting apart from deriving parameters. Gaussian keeps
 * per-class moments (count, mean, M2, merged with Chan–Golub–LeVeque); Multinomial and Bernoulli
 * keep per-class counts and feature sums. Labels y are n×1, matched against a `classes` list that
 * every child shares (class order = row order of every result).
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { assertData, assertCompatiblePartials, assertPartial, assertClasses, classIndices, assertSameClasses } from "./validate";
import { chanCombineRows, rowMoments } from "./moments";
import { describeValue, isFiniteNumber } from "../core/describe";

/** One shard's per-class moments (Gaussian naive Bayes). */
export interface GaussianNaiveBayesPartial {
	n: number;
	/** The class labels, in order. */
	classes: Array<number>;
	/** Rows per class (k×1). */
	counts: Matrix;
	/** Per-class feature means (k×c). */
	means: Matrix;
	/** Per-class sums of squared deviations (k×c). */
	m2: Matrix;
}

/** One shard's per-class counts and feature sums (Multinomial and Bernoulli naive Bayes). */
export interface CountNaiveBayesPartial {
	n: number;
	/** The class labels, in order. */
	classes: Array<number>;
	/** Rows per class (k×1). */
	counts: Matrix;
	/** Per-class sums of each feature (Bernoulli: of the binarized feature) (k×c). */
	featureSums: Matrix;
}

function groupRows(X: Matrix, y: Matrix, classes: Array<number>, where: string): Array<Array<number>> {
	assertData(X, y, where);
	assertClasses(classes, where);
	const groups = classes.map(() => new Array<number>());
	classIndices(y, classes, where).forEach((k, i) => groups[k].push(i));
	return groups;
}

/** Per-class moments of X (n×c) with labels y (n×1) among `classes`. */
export function computeGaussianNaiveBayesPartial(X: Matrix, y: Matrix, classes: Array<number>): GaussianNaiveBayesPartial {
	const groups = groupRows(X, y, classes, "computeGaussianNaiveBayesPartial");
	const means = new Array<Array<number>>();
	const m2 = new Array<Array<number>>();
	for (const rows of groups) {
		const [mean, squares] = rowMoments(X, rows, rows.size());
		means.push(mean[0]);
		m2.push(squares[0]);
	}
	return { n: X.size(), classes: [...classes], counts: groups.map((rows) => [rows.size()]), means, m2 };
}

/** The per-class moments of the union of two shards (pure; associative up to rounding). */
export function mergeGaussianNaiveBayesPartials(a: GaussianNaiveBayesPartial, b: GaussianNaiveBayesPartial): GaussianNaiveBayesPartial {
	const where = "mergeGaussianNaiveBayesPartials";
	assertCompatiblePartials(a, b, "n", ["counts", "means", "m2"], where, { nonNegative: ["counts", "m2"] });
	assertClasses(b.classes, where);
	assertSameClasses(a.classes, b.classes, where);
	const means = new Array<Array<number>>();
	const m2 = new Array<Array<number>>();
	for (const k of $range(0, a.classes.size() - 1)) {
		const [mean, squares] = chanCombineRows(a.counts[k][0], a.means[k], a.m2[k], b.counts[k][0], b.means[k], b.m2[k]);
		means.push(mean);
		m2.push(squares);
	}
	return { n: a.n + b.n, classes: [...a.classes], counts: a.counts.map((row, k) => [row[0] + b.counts[k][0]]), means, m2 };
}

/** Gaussian naive Bayes parameters. */
export interface GaussianNaiveBayesParameters {
	classes: Array<number>;
	/** Class priors (k×1): counts / n. */
	priors: Matrix;
	/** Per-class means (k×c). */
	means: Matrix;
	/** Per-class variances (k×c), M2/count plus ε = varianceSmoothing × the largest feature variance of all the data. */
	variances: Matrix;
}

/** Derives priors, means and smoothed variances (a class with no rows: mean 0, variance ε). */
export function finalizeGaussianNaiveBayes(partial: GaussianNaiveBayesPartial, varianceSmoothing = 1e-9): GaussianNaiveBayesParameters {
	const where = "finalizeGaussianNaiveBayes";
	assertPartial(partial, "partial", "n", ["counts", "means", "m2"], where, { nonNegative: ["counts", "m2"] });
	if (!isFiniteNumber(varianceSmoothing) || varianceSmoothing < 0)
		error(`[Hivemind] ${where}: varianceSmoothing must be a finite number ≥ 0, got ${describeValue(varianceSmoothing)}`, 2);
	if (partial.n < 1) error(`[Hivemind] ${where}: partial.n must be ≥ 1, got ${partial.n}`, 2);
	let n = 0;
	let mean = partial.means[0].map(() => 0);
	let m2 = partial.means[0].map(() => 0);
	partial.counts.forEach((row, k) => {
		[mean, m2] = chanCombineRows(n, mean, m2, row[0], partial.means[k], partial.m2[k]);
		n += row[0];
	});
	let largest = 0;
	for (const v of m2) largest = math.max(largest, v / n);
	const epsilon = varianceSmoothing * largest;
	const variances = partial.m2.map((row, k) => row.map((v) => (partial.counts[k][0] > 0 ? v / partial.counts[k][0] : 0) + epsilon));
	return {
		classes: [...partial.classes],
		priors: partial.counts.map((row) => [row[0] / partial.n]),
		means: partial.means.map((row) => [...row]),
		variances,
	};
}

function countPartial(
	X: Matrix,
	y: Matrix,
	classes: Array<number>,
	where: string,
	value: (x: number, i: number, j: number) => number,
): CountNaiveBayesPartial {
	const groups = groupRows(X, y, classes, where);
	const c = X[0].size();
	const featureSums = zeros(classes.size(), c);
	groups.forEach((rows, k) => {
		const s = featureSums[k];
		for (const i of rows) for (const j of $range(0, c - 1)) s[j] += value(X[i][j], i, j);
	});
	return { n: X.size(), classes: [...classes], counts: groups.map((rows) => [rows.size()]), featureSums };
}

/** Per-class counts and feature sums of non-negative counts X (n×c) (Multinomial naive Bayes). */
export function computeMultinomialNaiveBayesPartial(X: Matrix, y: Matrix, classes: Array<number>): CountNaiveBayesPartial {
	const where = "computeMultinomialNaiveBayesPartial";
	return countPartial(X, y, classes, where, (x, i, j) => {
		if (x < 0) error(`[Hivemind] ${where}: X[${i + 1}][${j + 1}] must be a count ≥ 0, got ${x}`, 4);
		return x;
	});
}

/** Per-class counts of features above `threshold` (Bernoulli naive Bayes; default 0: x > 0 counts as present). */
export function computeBernoulliNaiveBayesPartial(X: Matrix, y: Matrix, classes: Array<number>, threshold = 0): CountNaiveBayesPartial {
	const where = "computeBernoulliNaiveBayesPartial";
	if (!isFiniteNumber(threshold)) error(`[Hivemind] ${where}: threshold must be a finite number, got ${describeValue(threshold)}`, 2);
	return countPartial(X, y, classes, where, (x) => (x > threshold ? 1 : 0));
}

/** The counts of the union of two shards (Multinomial or Bernoulli; pure, associative). */
export function mergeCountNaiveBayesPartials(a: CountNaiveBayesPartial, b: CountNaiveBayesPartial): CountNaiveBayesPartial {
	const where = "mergeCountNaiveBayesPartials";
	assertCompatiblePartials(a, b, "n", ["counts", "featureSums"], where);
	assertClasses(b.classes, where);
	assertSameClasses(a.classes, b.classes, where);
	return {
		n: a.n + b.n,
		classes: [...a.classes],
		counts: a.counts.map((row, k) => [row[0] + b.counts[k][0]]),
		featureSums: a.featureSums.map((row, k) => row.map((v, j) => v + b.featureSums[k][j])),
	};
}

/** Multinomial or Bernoulli naive Bayes parameters. */
export interface CountNaiveBayesParameters {
	classes: Array<number>;
	/** Class priors (k×1): counts / n. */
	priors: Matrix;
	/** Per-class feature probabilities (k×c), Laplace/Lidstone-smoothed by alpha. */
	featureProbabilities: Matrix;
}

function finalizeCounts(
	partial: CountNaiveBayesPartial,
	alpha: number,
	where: string,
	probability: (sum: number, k: number, rowTotal: number) => number,
): CountNaiveBayesParameters {
	assertPartial(partial, "partial", "n", ["counts", "featureSums"], where);
	if (!isFiniteNumber(alpha) || alpha <= 0) error(`[Hivemind] ${where}: alpha must be a finite number > 0, got ${describeValue(alpha)}`, 3);
	if (partial.n < 1) error(`[Hivemind] ${where}: partial.n must be ≥ 1, got ${partial.n}`, 3);
	return {
		classes: [...partial.classes],
		priors: partial.counts.map((row) => [row[0] / partial.n]),
		featureProbabilities: partial.featureSums.map((row, k) => {
			let total = 0;
			for (const v of row) total += v;
			return row.map((v) => probability(v, k, total));
		}),
	};
}

/** P(feature j | class k) = (sum_kj + α) / (Σ_j sum_kj + α·c). */
export function finalizeMultinomialNaiveBayes(partial: CountNaiveBayesPartial, alpha = 1): CountNaiveBayesParameters {
	const c =
		typeIs(partial, "table") && typeIs(partial.featureSums, "table") && typeIs(partial.featureSums[0], "table")
			? partial.featureSums[0].size()
			: 0;
	return finalizeCounts(partial, alpha, "finalizeMultinomialNaiveBayes", (v, _, total) => (v + alpha) / (total + alpha * c));
}

/** P(feature j present | class k) = (count_kj + α) / (count_k + 2α). */
export function finalizeBernoulliNaiveBayes(partial: CountNaiveBayesPartial, alpha = 1): CountNaiveBayesParameters {
	return finalizeCounts(partial, alpha, "finalizeBernoulliNaiveBayes", (v, k) => (v + alpha) / (partial.counts[k][0] + 2 * alpha));
}
