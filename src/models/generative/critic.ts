//!native
/**
 * The Wasserstein critic's constraints. Weight clipping keeps every weight in [−c, c]. The
 * gradient penalty λ Σᵢ (‖gᵢ‖ − 1)², gᵢ = ∇ₓD(x̂ᵢ) at x̂ᵢ = εᵢ xᵢ + (1 − εᵢ) x̃ᵢ (real and generated
 * rows, εᵢ ~ U(0, 1)), needs its gradient with respect to the critic's weights θ: with
 * uᵢ = gᵢ / ‖gᵢ‖ held fixed, ∂‖gᵢ‖/∂θ = ∂(uᵢ · ∇ₓD(x̂ᵢ))/∂θ, and the directional derivative
 * uᵢ · ∇ₓD(x̂ᵢ) = (D(x̂ᵢ + h uᵢ) − D(x̂ᵢ − h uᵢ)) / 2h + O(h²), so
 * ∂penalty/∂θ ≈ Σᵢ λ (‖gᵢ‖ − 1) / h · (∇θD(x̂ᵢ + h uᵢ) − ∇θD(x̂ᵢ − h uᵢ)): two backward passes
 * instead of second derivatives (exact up to O(h²) for smooth activations; h = 1e-4).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { NeuralNetwork } from "../neural/NeuralNetwork";

const STEP = 1e-4;

/** Clamps every weight of `critic` to [−c, c] in place. */
export function clipWeights(critic: NeuralNetwork, c: number) {
	const weights = critic.getModelParameters(true) as Array<Matrix>;
	for (const w of weights) {
		for (const row of w) {
			for (const j of $range(0, row.size() - 1)) row[j] = math.clamp(row[j], -c, c);
		}
	}
}

/** The interpolates x̂ᵢ = εᵢ realᵢ + (1 − εᵢ) fakeᵢ, εᵢ ~ U(0, 1) from `rng`. */
export function interpolates(real: Matrix, fake: Matrix, rng: RandomGenerator): Matrix {
	return real.map((row, i) => {
		const e = rng.nextFloat();
		return row.map((v, j) => e * v + (1 - e) * fake[i][j]);
	});
}

/**
 * The penalty λ Σᵢ (‖gᵢ‖ − 1)² at the rows `points` (the norm over the first `width` input
 * columns: a conditional critic's condition columns are not interpolated) and its gradient with
 * respect to the critic's weights (summed, the shape `applyGradients` takes).
 */
export function gradientPenalty(critic: NeuralNetwork, points: Matrix, width: number, lambda: number): LuaTuple<[number, Array<Matrix>]> {
	const [, inputGradient] = critic.backpropagate(points, (output) => output.map(() => [1]));
	const shifted = new Array<Array<number>>();
	const rowGradient = new Array<Array<number>>();
	let penalty = 0;
	points.forEach((point, i) => {
		const g = inputGradient[i];
		let norm = 0;
		for (const j of $range(0, width - 1)) norm += g[j] * g[j];
		norm = math.sqrt(norm);
		penalty += lambda * (norm - 1) * (norm - 1);
		const scale = norm > 0 ? STEP / norm : 0;
		const weight = (lambda * (norm - 1)) / STEP;
		shifted.push(point.map((v, j) => (j < width ? v + scale * g[j] : v)));
		rowGradient.push([weight]);
	});
	points.forEach((point, i) => {
		const g = inputGradient[i];
		let norm = 0;
		for (const j of $range(0, width - 1)) norm += g[j] * g[j];
		const scale = norm > 0 ? STEP / math.sqrt(norm) : 0;
		shifted.push(point.map((v, j) => (j < width ? v - scale * g[j] : v)));
		rowGradient.push([-rowGradient[i][0]]);
	});
	const [gradients] = critic.backpropagate(shifted, () => rowGradient);
	return $tuple(penalty, gradients);
}
