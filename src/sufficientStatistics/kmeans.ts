//!native
/**
 * One Lloyd iteration of k-means as mergeable statistics: given the current centroids (shared by
 * every child), each child assigns its rows to the nearest centroid (ties to the lowest index) and
 * sends per-cluster sums and counts; the main model divides. Exactly the centralized iteration.
 */
import { Matrix } from "../matrix/types";
import { copy, zeros } from "../matrix/creation";
import { describeShape } from "../matrix/validate";
import { assertData, assertCompatiblePartials, assertPartial } from "./validate";

/** One shard's cluster sums: plain data, sendable as a "statistics" payload. */
export interface KMeansPartial {
	/** Number of rows. */
	n: number;
	/** Per-cluster sums of the assigned rows (k×c). */
	sums: Matrix;
	/** Per-cluster counts (k×1). */
	counts: Matrix;
	/** Σ squared distance of each row to its nearest current centroid. */
	inertia: number;
}

function assertCentroids(X: Matrix, centroids: unknown, where: string): asserts centroids is Matrix {
	assertData(centroids, undefined, where);
	if ((centroids as Matrix)[0].size() !== X[0].size()) {
		error(`[Hivemind] ${where}: centroids must have ${X[0].size()} columns like X, got ${describeShape(centroids)}`, 3);
	}
}

/**
 * Assigns rows `first` … `last` (0-based) of X to their nearest centroids (ties: the lowest index)
 * and adds them into `sums` (k×c) and `counts` (k×1), in row order; returns the block's Σ squared
 * distance (from 0). Shapes are trusted.
 */
export function addKMeansAssignment(X: Matrix, first: number, last: number, centroids: Matrix, sums: Matrix, counts: Matrix): number {
	const k = centroids.size();
	const c = X[0].size();
	let inertia = 0;
	for (const i of $range(first, last)) {
		const row = X[i];
		let best = 0;
		let bestDistance = math.huge;
		for (const m of $range(0, k - 1)) {
			const centroid = centroids[m];
			let distance = 0;
			for (const j of $range(0, c - 1)) {
				const d = row[j] - centroid[j];
				distance += d * d;
			}
			if (distance < bestDistance) {
				bestDistance = distance;
				best = m;
			}
		}
		const s = sums[best];
		for (const j of $range(0, c - 1)) s[j] += row[j];
		counts[best][0] += 1;
		inertia += bestDistance;
	}
	return inertia;
}

/** Assigns each row of X (n×c) to its nearest centroid (k×c) and sums per cluster. */
export function computeKMeansPartial(X: Matrix, centroids: Matrix): KMeansPartial {
	assertData(X, undefined, "computeKMeansPartial");
	assertCentroids(X, centroids, "computeKMeansPartial");
	const sums = zeros(centroids.size(), X[0].size());
	const counts = zeros(centroids.size(), 1);
	const inertia = addKMeansAssignment(X, 0, X.size() - 1, centroids, sums, counts);
	return { n: X.size(), sums, counts, inertia };
}

/** The cluster sums of the union of two shards (pure; associative up to rounding). */
export function mergeKMeansPartials(a: KMeansPartial, b: KMeansPartial): KMeansPartial {
	assertCompatiblePartials(a, b, "n", ["sums", "counts"], "mergeKMeansPartials");
	const sums = a.sums.map((row, i) => row.map((v, j) => v + b.sums[i][j]));
	const counts = a.counts.map((row, i) => [row[0] + b.counts[i][0]]);
	return { n: a.n + b.n, sums, counts, inertia: a.inertia + b.inertia };
}

/** The result of one Lloyd iteration. */
export interface KMeansStep {
	/** The new centroids (k×c): cluster means; a cluster with no rows keeps its current centroid. */
	centroids: Matrix;
	/** Rows per cluster (k×1). */
	counts: Matrix;
	/** Σ squared distance to the centroids the rows were assigned with (before this update). */
	inertia: number;
}

/** Divides the merged sums by the counts; `centroids` are the current ones (kept for empty clusters). */
export function finalizeKMeans(partial: KMeansPartial, centroids: Matrix): KMeansStep {
	assertPartial(partial, "partial", "n", ["sums", "counts"], "finalizeKMeans");
	assertData(centroids, undefined, "finalizeKMeans");
	if (centroids.size() !== partial.sums.size() || centroids[0].size() !== partial.sums[0].size()) {
		error(`[Hivemind] finalizeKMeans: centroids must be ${describeShape(partial.sums)} like partial.sums, got ${describeShape(centroids)}`, 2);
	}
	const updated = copy(centroids);
	for (const m of $range(0, updated.size() - 1)) {
		const count = partial.counts[m][0];
		if (count > 0) updated[m] = partial.sums[m].map((v) => v / count);
	}
	return { centroids: updated, counts: copy(partial.counts), inertia: partial.inertia };
}
