// Shared by the parallel specs: seeded data, a relative matrix comparison and a yield counter.
import { Matrix } from "../../src/matrix/types";
import { RandomGenerator } from "../../src/matrix/random";
import { ModelParameters, parameterEntries } from "../../src/parameters";
import { setDefaultFrameBudget, setYieldObserver } from "../../src/parallel/FrameBudget";

/** n×p uniform features in [-1, 1) and targets y = X·w + noise from a seeded stream. */
export function regressionData(n: number, p: number, seed: number): LuaTuple<[Matrix, Array<number>]> {
	const rng = new RandomGenerator(seed);
	const w = new Array<number>();
	for (const _j of $range(0, p - 1)) w.push(rng.uniform(-2, 2));
	const X = new Array<Array<number>>();
	const y = new Array<number>();
	for (const _ of $range(1, n)) {
		const row = new Array<number>();
		let t = 0.5;
		for (const j of $range(0, p - 1)) {
			row.push(rng.uniform(-1, 1));
			t += row[j] * w[j];
		}
		X.push(row);
		y.push(t + rng.normal(0, 0.1));
	}
	return $tuple(X, y);
}

/** The largest |a − b| over every entry, divided by the largest |b| (relative difference). */
export function relativeDifference(a: ModelParameters, b: ModelParameters): number {
	const bs = parameterEntries(b);
	let worst = 0;
	let scale = 0;
	parameterEntries(a).forEach(([, m], k) => {
		const other = bs[k][1];
		for (const i of $range(0, m.size() - 1)) {
			for (const j of $range(0, m[i].size() - 1)) {
				worst = math.max(worst, math.abs(m[i][j] - other[i][j]));
				scale = math.max(scale, math.abs(other[i][j]));
			}
		}
	});
	return scale > 0 ? worst / scale : worst;
}

/** Runs `fn` counting the yields of every frame budget meanwhile. */
export function countingYields(fn: () => void): number {
	let yields = 0;
	const previous = setYieldObserver(() => (yields += 1));
	const [ok, err] = pcall(fn);
	setYieldObserver(previous);
	if (!ok) error(err, 0);
	return yields;
}

/** Runs `fn` with the library's default budget set to `budgetMs`, then puts the default back. */
export function withDefaultBudget<T>(budgetMs: number, fn: () => T): T {
	const previous = setDefaultFrameBudget(budgetMs);
	const [ok, result] = pcall(fn);
	setDefaultFrameBudget(previous);
	if (!ok) error(result, 0);
	return result as T;
}

/** `run()` at a budget of 0 and at a tiny one (a yield at every check): both results, and the yields of the second. */
export function bothWays<T>(run: () => T): LuaTuple<[T, T, number]> {
	const unsliced = withDefaultBudget(0, run);
	let sliced: T | undefined;
	const yields = countingYields(() => (sliced = withDefaultBudget(1e-6, run)));
	return $tuple(unsliced, sliced as T, yields);
}
