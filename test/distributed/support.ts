// Shared fixtures of the distributed specs: a hand-driven signal and least-squares helpers.
import { Matrix } from "../../src/matrix/types";
import { matmul, transposeMatmul } from "../../src/matrix/product";
import { subtract } from "../../src/matrix/elementwise";
import { sliceRows } from "../../src/matrix/shape";
import { RandomGenerator } from "../../src/matrix/random";
import { ModelParameters } from "../../src/parameters/tree";

/** A signal fired by hand, synchronously (no timing in specs). */
export class ManualSignal {
	private callbacks = new Array<() => void>();
	Connect(callback: () => void) {
		this.callbacks.push(callback);
		return {
			Disconnect: () => {
				const i = this.callbacks.indexOf(callback);
				if (i >= 0) this.callbacks.remove(i);
			},
		};
	}
	Fire() {
		for (const callback of [...this.callbacks]) callback();
	}
	listenerCount() {
		return this.callbacks.size();
	}
}

/** The gradient of ½Σ(Xθ − y)², summed over the rows: Xᵀ(Xθ − y). */
export function leastSquaresGradient(X: Matrix, y: Matrix, theta: Matrix): Matrix {
	return transposeMatmul(X, subtract(matmul(X, theta), y));
}

/** y = 1 + 2x₁ − 3x₂ + noise on `rows` rows with a bias column, seeded. */
export function regressionData(rows: number, seed: number): [Matrix, Matrix] {
	const rng = new RandomGenerator(seed);
	const X: Matrix = [];
	const y: Matrix = [];
	for (const _ of $range(1, rows)) {
		const a = rng.uniform(-1, 1);
		const b = rng.uniform(-1, 1);
		X.push([1, a, b]);
		y.push([1 + 2 * a - 3 * b + rng.normal(0, 0.05)]);
	}
	return [X, y];
}

/** Splits the rows of m into consecutive shards of the given sizes. */
export function splitRows(m: Matrix, sizes: Array<number>): Array<Matrix> {
	const out = new Array<Matrix>();
	let start = 0;
	for (const size of sizes) {
		out.push(sliceRows(m, start, start + size));
		start += size;
	}
	return out;
}

/** A child whose "training" sets its single parameter to the mean of y (ignoring where it started). */
export class MeanChild {
	constructor(public parameters?: Matrix) {}
	train(_X: unknown, y: unknown) {
		let total = 0;
		for (const row of y as Matrix) total += row[0];
		this.parameters = [[total / (y as Matrix).size()]];
		return [0];
	}
	getModelParameters() {
		return this.parameters;
	}
	setModelParameters(p: ModelParameters) {
		this.parameters = p as Matrix;
	}
}
