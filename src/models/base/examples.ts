/** Example datasets for the registry (conformance suite, docs): seeded Gaussian blobs. */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";

/**
 * `n` rows of `p` features in `k` blobs: row i belongs to blob i mod k, centred at 3·blob on every
 * feature (alternating sign by feature), spread N(0, 0.6²). Returns the rows and the blob indices.
 */
export function blobs(rng: RandomGenerator, p: number, n: number, k: number): LuaTuple<[Matrix, Array<number>]> {
	const x = new Array<Array<number>>();
	const blob = new Array<number>();
	for (const i of $range(0, n - 1)) {
		const b = i % k;
		const row = new Array<number>();
		for (const j of $range(0, p - 1)) row.push((j % 2 === 0 ? 3 : -3) * b + rng.normal(0, 0.6));
		x.push(row);
		blob.push(b);
	}
	return $tuple(x, blob);
}
