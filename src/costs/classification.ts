//!native
/** Classification costs: binary and categorical cross-entropy (on probabilities), hinge (on scores). */
import { CostFunction } from "./types";
import { elementwiseCost } from "./elementwise";

/** Probabilities are clipped to [ε, 1 − ε] inside logarithms and divisions. */
export const PROBABILITY_EPSILON = 1e-15;

function clampProbability(p: number): number {
	return math.clamp(p, PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
}

/**
 * Σ −[y·log p + (1 − y)·log(1 − p)] for probabilities p and labels y ∈ {0, 1} (or soft labels);
 * gradient (p − y) / (p(1 − p)), which a logistic link turns into p − y.
 */
export function binaryCrossEntropy(): CostFunction {
	return elementwiseCost("BinaryCrossEntropy", {
		loss: (p, y) => {
			const q = clampProbability(p);
			return -(y * math.log(q) + (1 - y) * math.log(1 - q));
		},
		derivative: (p, y) => {
			const q = clampProbability(p);
			return (q - y) / (q * (1 - q));
		},
	});
}

/**
 * Σ −y·log p over every entry, for class probabilities p (n×k rows summing to 1) and one-hot
 * labels y; gradient −y / p, which the softmax Jacobian turns into p − y.
 */
export function categoricalCrossEntropy(): CostFunction {
	return elementwiseCost("CategoricalCrossEntropy", {
		loss: (p, y) => (y === 0 ? 0 : -y * math.log(clampProbability(p))),
		derivative: (p, y) => (y === 0 ? 0 : -y / clampProbability(p)),
	});
}

/**
 * Σ max(0, 1 − t·s) for raw scores s and labels y, where t = 1 when y > 0 and −1 otherwise (so
 * labels 0/1 and −1/+1 both work); subgradient −t where the margin t·s < 1, else 0.
 */
export function hingeLoss(): CostFunction {
	return elementwiseCost("Hinge", {
		loss: (s, y) => math.max(0, 1 - (y > 0 ? 1 : -1) * s),
		derivative: (s, y) => {
			const t = y > 0 ? 1 : -1;
			return t * s < 1 ? -t : 0;
		},
	});
}
