//!native
/**
 * The two adversarial objectives, as per-row gradients with respect to the discriminator's output
 * (a logit for the minimax game, a critic value for the Wasserstein one), summed over the rows.
 *
 * Minimax (Goodfellow et al. 2014, non-saturating generator): the discriminator minimizes
 * Σ softplus(−d(real)) + Σ softplus(d(fake)) (binary cross-entropy on σ(d)); the generator
 * minimizes Σ softplus(−d(fake)), i.e. −log σ(d).
 * Wasserstein (Arjovsky et al. 2017): the critic minimizes Σ d(fake) − Σ d(real); the generator
 * minimizes −Σ d(fake).
 */
import { Matrix } from "../../matrix/types";

/** Gradient rows (one per output row) and the summed cost. */
export interface GameTerm {
	/** ∂cost/∂output, n×1. */
	readonly gradient: Matrix;
	/** The summed cost. */
	readonly cost: number;
}

/** One adversarial objective. */
export interface Game {
	/** The discriminator's term on real outputs (`real`) or on generated ones. */
	discriminator(outputs: Matrix, real: boolean): GameTerm;
	/** The generator's term on the discriminator's outputs for generated rows. */
	generator(outputs: Matrix): GameTerm;
	/** What `predict` shows of an output: σ(d) (probability of real) or the critic value. */
	shown(output: number): number;
}

function softplus(x: number): number {
	return math.max(x, 0) + math.log(1 + math.exp(-math.abs(x)));
}

function sigmoid(x: number): number {
	if (x >= 0) return 1 / (1 + math.exp(-x));
	const e = math.exp(x);
	return e / (1 + e);
}

/** The minimax game on logits (binary cross-entropy; non-saturating generator). */
export const MINIMAX: Game = {
	discriminator(outputs, real) {
		let cost = 0;
		const gradient = outputs.map((row) => {
			const d = row[0];
			cost += softplus(real ? -d : d);
			return [real ? sigmoid(d) - 1 : sigmoid(d)];
		});
		return { gradient, cost };
	},
	generator(outputs) {
		let cost = 0;
		const gradient = outputs.map((row) => {
			cost += softplus(-row[0]);
			return [sigmoid(row[0]) - 1];
		});
		return { gradient, cost };
	},
	shown(output) {
		return sigmoid(output);
	},
};

/** The Wasserstein game on critic values. */
export const WASSERSTEIN: Game = {
	discriminator(outputs, real) {
		let cost = 0;
		const gradient = outputs.map((row) => {
			cost += real ? -row[0] : row[0];
			return [real ? -1 : 1];
		});
		return { gradient, cost };
	},
	generator(outputs) {
		let cost = 0;
		const gradient = outputs.map((row) => {
			cost -= row[0];
			return [-1];
		});
		return { gradient, cost };
	},
	shown(output) {
		return output;
	},
};
