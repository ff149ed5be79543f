//!native
/**
 * The naive Bayes variants beyond `naiveBayes.ts`, as mergeable statistics:
 * Complement naive Bayes derives its weights from the Multinomial counts
 * (`computeMultinomialNaiveBayesPartial`, `mergeCountNaiveBayesPartials`), and Categorical naive
 * Bayes keeps, per class and feature, how often each category 0, 1, … occurred.
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { assertMatrix, describeShape } from "../matrix/validate";
import { describeValue, isFiniteNumber } from "../core/describe";
import { assertClasses, assertData, assertPartial, assertSameClasses, classIndices } from "./validate";
import { CountNaiveBayesPartial } from "./naiveBayes";

/** Complement naive Bayes parameters. */
export interface ComplementNaiveBayesParameters {
	classes: Array<number>;
	/** Class priors (k×1): counts / n (Complement naive Bayes does not use them to predict). */
	priors: Matrix;
	/** Per-class feature weights (k×c): the joint score of a row x is Σⱼ xⱼ wₖⱼ. */
	featureWeights: Matrix;
}

/**
 * Complement naive Bayes (Rennie et al. 2003): with the counts of every class but k,
 * θ̃ₖⱼ = (Σ_{l≠k} sum_lj + α) / (Σ_{l≠k} Σⱼ sum_lj + α·c), the weights are wₖⱼ = −log θ̃ₖⱼ
 * (a feature frequent outside class k counts against k); with `normalize`,
 * wₖⱼ = log θ̃ₖⱼ / Σⱼ log θ̃ₖⱼ (each class's weights summing to 1).
 */
export function finalizeComplementNaiveBayes(partial: CountNaiveBayesPartial, alpha = 1, normalize = false): ComplementNaiveBayesParameters {
	const where = "finalizeComplementNaiveBayes";
	assertPartial(partial, "partial", "n", ["counts", "featureSums"], where);
	if (!isFiniteNumber(alpha) || alpha <= 0) error(`[Hivemind] ${where}: alpha must be a finite number > 0, got ${describeValue(alpha)}`, 2);
	if (partial.n < 1) error(`[Hivemind] ${where}: partial.n must be ≥ 1, got ${partial.n}`, 2);
	const sums = partial.featureSums;
	const c = sums[0].size();
	const totals = table.create<number>(c, 0);
	for (const row of sums) for (const j of $range(0, c - 1)) totals[j] += row[j];
	const featureWeights = sums.map((row) => {
		const complement = row.map((v, j) => totals[j] - v + alpha);
		let total = 0;
		for (const v of complement) total += v;
		const logged = complement.map((v) => math.log(v / total));
		if (!normalize) return logged.map((v) => -v);
		let loggedSum = 0;
		for (const v of logged) loggedSum += v;
		return logged.map((v) => v / loggedSum);
	});
	return { classes: [...partial.classes], priors: partial.counts.map((row) => [row[0] / partial.n]), featureWeights };
}

/** One shard's category counts (Categorical naive Bayes). */
export interface CategoricalNaiveBayesPartial {
	n: number;
	/** The class labels, in order. */
	classes: Array<number>;
	/** Rows per class (k×1). */
	counts: Matrix;
	/** Per feature j, a k×mⱼ table: how many rows of class k had category l in feature j (mⱼ = largest category seen + 1). */
	categoryCounts: Array<Matrix>;
}

/** Throws unless every entry of X (rows `first` … `last`, 0-based; all by default) is a category: an integer ≥ 0. */
export function assertCategories(X: Matrix, where: string, first = 0, last = X.size() - 1) {
	for (const i of $range(first, last)) {
		const row = X[i];
		for (const j of $range(0, row.size() - 1)) {
			const v = row[j];
			if (v < 0 || v !== math.floor(v)) error(`[Hivemind] ${where}: X[${i + 1}][${j + 1}] must be a category (an integer ≥ 0), got ${v}`, 3);
		}
	}
}

/** Per-class category counts of X (n×c, integer categories ≥ 0) with labels y (n×1) among `classes`. */
export function computeCategoricalNaiveBayesPartial(X: Matrix, y: Matrix, classes: Array<number>): CategoricalNaiveBayesPartial {
	const where = "computeCategoricalNaiveBayesPartial";
	assertData(X, y, where);
	assertClasses(classes, where);
	assertCategories(X, where);
	const k = classes.size();
	const indices = classIndices(y, classes, where);
	const counts = zeros(k, 1);
	const categoryCounts = new Array<Matrix>();
	for (const j of $range(0, X[0].size() - 1)) {
		let largest = 0;
		for (const row of X) largest = math.max(largest, row[j]);
		categoryCounts.push(zeros(k, largest + 1));
	}
	for (const i of $range(0, X.size() - 1)) {
		const row = X[i];
		const c = indices[i];
		counts[c][0] += 1;
		for (const j of $range(0, row.size() - 1)) categoryCounts[j][c][row[j]] += 1;
	}
	return { n: X.size(), classes: [...classes], counts, categoryCounts };
}

/** Throws unless `p` is a categorical partial: n, classes, counts k×1 and one k×m table per feature. */
export function assertCategoricalPartial(p: unknown, label: string, where: string): asserts p is CategoricalNaiveBayesPartial {
	assertPartial(p, label, "n", ["counts"], where);
	const partial = p as CategoricalNaiveBayesPartial;
	assertClasses(partial.classes, where);
	const tables = partial.categoryCounts;
	if (!typeIs(tables, "table") || tables.size() === 0) {
		error(`[Hivemind] ${where}: ${label}.categoryCounts must be a non-empty array of k×m matrices, got ${describeValue(tables)}`, 3);
	}
	const k = partial.classes.size();
	for (const j of $range(0, tables.size() - 1)) {
		assertMatrix(tables[j], `${label}.categoryCounts[${j + 1}]`, where);
		if (tables[j].size() !== k)
			error(`[Hivemind] ${where}: ${label}.categoryCounts[${j + 1}] must have ${k} rows (one per class), got ${describeShape(tables[j])}`, 3);
	}
	if (partial.counts.size() !== k)
		error(`[Hivemind] ${where}: ${label}.counts must be ${k}×1 (one per class), got ${describeShape(partial.counts)}`, 3);
}

/** The category counts of the union of two shards (pure, associative); tables widen to the larger category range. */
export function mergeCategoricalNaiveBayesPartials(a: CategoricalNaiveBayesPartial, b: CategoricalNaiveBayesPartial): CategoricalNaiveBayesPartial {
	const where = "mergeCategoricalNaiveBayesPartials";
	assertCategoricalPartial(a, "a", where);
	assertCategoricalPartial(b, "b", where);
	assertSameClasses(a.classes, b.classes, where);
	if (a.categoryCounts.size() !== b.categoryCounts.size()) {
		error(
			`[Hivemind] ${where}: b.categoryCounts must have ${a.categoryCounts.size()} features like a.categoryCounts, got ${b.categoryCounts.size()}`,
			2,
		);
	}
	const k = a.classes.size();
	const categoryCounts = a.categoryCounts.map((ta, j) => {
		const tb = b.categoryCounts[j];
		const width = math.max(ta[0].size(), tb[0].size());
		const out = zeros(k, width);
		for (const c of $range(0, k - 1)) {
			const row = out[c];
			for (const l of $range(0, ta[c].size() - 1)) row[l] += ta[c][l];
			for (const l of $range(0, tb[c].size() - 1)) row[l] += tb[c][l];
		}
		return out;
	});
	return { n: a.n + b.n, classes: [...a.classes], counts: a.counts.map((row, c) => [row[0] + b.counts[c][0]]), categoryCounts };
}

/** Categorical naive Bayes parameters. */
export interface CategoricalNaiveBayesParameters {
	classes: Array<number>;
	/** Class priors (k×1): counts / n. */
	priors: Matrix;
	/** Per feature j, the k×mⱼ table P(xⱼ = l | class k) = (count_kjl + α) / (count_k + α·mⱼ). */
	categoryProbabilities: Array<Matrix>;
}

/** Derives priors and Laplace/Lidstone-smoothed category probabilities. */
export function finalizeCategoricalNaiveBayes(partial: CategoricalNaiveBayesPartial, alpha = 1): CategoricalNaiveBayesParameters {
	const where = "finalizeCategoricalNaiveBayes";
	assertCategoricalPartial(partial, "partial", where);
	if (!isFiniteNumber(alpha) || alpha <= 0) error(`[Hivemind] ${where}: alpha must be a finite number > 0, got ${describeValue(alpha)}`, 2);
	if (partial.n < 1) error(`[Hivemind] ${where}: partial.n must be ≥ 1, got ${partial.n}`, 2);
	const categoryProbabilities = partial.categoryCounts.map((t) => {
		const m = t[0].size();
		return t.map((row, c) => row.map((v) => (v + alpha) / (partial.counts[c][0] + alpha * m)));
	});
	return { classes: [...partial.classes], priors: partial.counts.map((row) => [row[0] / partial.n]), categoryProbabilities };
}
