// Gradient descent on a one-feature linear regression, computed by hand for the loop specs.
import type { Matrix } from "../../../src/matrix/types";

/**
 * Plain gradient descent on (bias, slope) from 0 for the squared error on `X` (n×1), `y`: one step
 * per batch of row indices, epoch by epoch, each by `rate` × the batch's mean gradient. Returns the
 * parameters (2×1) and each epoch's mean batch loss (each batch's loss taken before its step).
 */
export function descentByHand(X: Matrix, y: Array<number>, epochs: Array<Array<Array<number>>>, rate: number): LuaTuple<[Matrix, Array<number>]> {
	let bias = 0;
	let slope = 0;
	const costs = new Array<number>();
	for (const batches of epochs) {
		let loss = 0;
		let rows = 0;
		for (const batch of batches) {
			let gb = 0;
			let gs = 0;
			for (const i of batch) {
				const r = bias + slope * X[i][0] - y[i];
				loss += r * r;
				gb += 2 * r;
				gs += 2 * r * X[i][0];
			}
			bias -= (rate * gb) / batch.size();
			slope -= (rate * gs) / batch.size();
			rows += batch.size();
		}
		costs.push(loss / rows);
	}
	return $tuple([[bias], [slope]], costs);
}
