//!native
/**
 * Helpers the clustering and mixture models share (and the outlier models may import): k-means++
 * seeding, pairwise distance matrices, nearest-centre assignment and parameter checks.
 */
import { Matrix, Vector } from "../../matrix/types";
import { BufferRows } from "../../matrix/rowBuffers";
import { RandomGenerator } from "../../matrix/random";
import { describeShape } from "../../matrix/validate";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { allocatingRowsPerBlock, FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { DistanceName, distanceBetween } from "../neighbours/search";
import { mapInBlocks, symmetricBufferRows } from "../base/data";

/**
 * The k-means++ seeds among `rows`: the first uniformly, each next one with probability
 * proportional to its squared `distance` to the nearest seed so far (uniformly when all are 0).
 * The distance updates run in fixed row blocks within `budget` (the result never depends on it).
 */
export function kMeansPlusPlus(
	rows: Matrix,
	k: number,
	rng: RandomGenerator,
	distance: DistanceName = "euclidean",
	budget = new FrameBudget(),
): Matrix {
	const n = rows.size();
	const squared = (a: Vector, b: Vector) => {
		const d = distanceBetween(a, b, distance);
		return d * d;
	};
	const seeds = [table.clone(rows[rng.integer(0, n - 1)])];
	const nearest = table.create<number>(n, math.huge);
	const block = rowsPerBlock(rows[0].size() + 8);
	const closer = (seed: Vector) =>
		forEachBlock(n, block, budget, (first, last) => {
			for (const i of $range(first, last)) nearest[i] = math.min(nearest[i], squared(rows[i], seed));
		});
	closer(seeds[0]);
	// the sum and the weighted draw visit the rows in order, in blocks (the same additions as one loop)
	const scan = rowsPerBlock(4);
	while (seeds.size() < k) {
		let total = 0;
		forEachBlock(n, scan, budget, (first, last) => {
			for (const i of $range(first, last)) total += nearest[i];
		});
		let chosen = rng.integer(0, n - 1);
		if (total > 0) {
			let target = rng.nextFloat() * total;
			chosen = n - 1;
			let found = false;
			forEachBlock(n, scan, budget, (first, last) => {
				if (found) return;
				for (const i of $range(first, last)) {
					target -= nearest[i];
					if (target < 0) {
						chosen = i;
						found = true;
						return;
					}
				}
			});
		}
		const seed = table.clone(rows[chosen]);
		seeds.push(seed);
		closer(seed);
	}
	return seeds;
}

/**
 * Fills `into` with the `distance` from row `i` of `x` to every row (0 for itself, as a distance
 * matrix's diagonal); distances are symmetric bit for bit, so this is row i of that matrix.
 */
export function distancesFrom(x: Matrix, i: number, distance: DistanceName, into: Array<number>) {
	const xi = x[i];
	for (const j of $range(0, x.size() - 1)) into[j] = distanceBetween(xi, x[j], distance);
	into[i] = 0;
}

/**
 * The n×n matrix of `distance` between the rows of `x` as buffer rows (symmetric bit for bit, zero
 * diagonal; `matrix/rowBuffers.ts`): each pair computed once, checking `budget` after each row.
 */
export function pairwiseDistances(x: Matrix, distance: DistanceName = "euclidean", budget = new FrameBudget()): BufferRows {
	return symmetricBufferRows(x.size(), (i, j) => (i === j ? 0 : distanceBetween(x[i], x[j], distance)), budget);
}

/**
 * For each row of `x`: the index of its nearest row of `centres` (ties: the lower index), and the
 * n×k distances; in fixed row blocks within `budget` (default: the library's).
 */
export function assignToCentres(
	x: Matrix,
	centres: Matrix,
	distance: DistanceName = "euclidean",
	budget = new FrameBudget(),
): LuaTuple<[Array<number>, Matrix]> {
	const n = x.size();
	const labels = table.create<number>(n, 0);
	const distances = table.create<Array<number>>(n);
	forEachBlock(n, allocatingRowsPerBlock(centres.size() * (x[0].size() + 8)), budget, (first, last) => {
		for (const i of $range(first, last)) {
			const row = x[i];
			const d = centres.map((c) => distanceBetween(row, c, distance));
			let best = 0;
			for (const m of $range(1, d.size() - 1)) if (d[m] < d[best]) best = m;
			labels[i] = best;
			distances[i] = d;
		}
	});
	return $tuple(labels, distances);
}

/** Throws unless `parameters` is one matrix of `rows` rows (`rows` undefined: any count); `what` names it. */
export function assertCentreMatrix(parameters: ModelParameters, rows: number | undefined, what: string, where: string) {
	if (parameterKind(parameters) !== "matrix" || (rows !== undefined && (parameters as Matrix).size() !== rows)) {
		error(`[Hivemind] ${where}: parameters must be ${what}, got ${describeParameters(parameters)}`, 4);
	}
}

/**
 * Throws unless `parameters` is a record holding at least the matrices `names`, with `points`
 * n×p and every other named entry n×1 (`extra` names entries of any shape that may be present).
 */
export function assertPointRecord(parameters: ModelParameters, names: Array<string>, where: string, extra: Array<string> = []) {
	const record = parameters as { [name: string]: Matrix };
	const expected = `a record {${[...names, ...extra].join(", ")}} with points n×p and the others n×1`;
	let ok = parameterKind(parameters) === "record" && record.points !== undefined;
	if (ok) {
		const n = record.points.size();
		for (const name of names) {
			const m = record[name];
			if (name !== "points" && (m === undefined || m.size() !== n || m[0].size() !== 1)) ok = false;
		}
		for (const [key] of pairs(record)) if (!names.includes(key as string) && !extra.includes(key as string)) ok = false;
	}
	if (!ok) error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
}

/** An n×1 column from a list, made in allocating blocks within `budget` (a new table a row). */
export function column(values: Array<number>, budget = new FrameBudget()): Matrix {
	return mapInBlocks(values.size(), 1, (i) => [values[i]], budget);
}

/** "k×p" for messages. */
export function shapeOf(x: Matrix): string {
	return describeShape(x);
}

/** Throws unless `x` has at least `count` rows; `option` names the option asking for them. */
export function assertEnoughRows(x: Matrix, count: number, option: string, where: string) {
	if (count > x.size()) error(`[Hivemind] ${where}: X must have at least ${option} (${count}) rows, got ${describeShape(x)}`, 3);
}
