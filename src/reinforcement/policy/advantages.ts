//!native
/** Returns and advantage estimates for the policy-gradient agents. */

/** Discounted returns Gₜ = rₜ + γGₜ₊₁ backwards from `bootstrap` (0 at a terminal end). */
export function discountedReturns(rewards: Array<number>, gamma: number, bootstrap = 0): Array<number> {
	const out = rewards.map(() => 0);
	let g = bootstrap;
	for (const t of $range(rewards.size() - 1, 0, -1)) {
		g = rewards[t] + gamma * g;
		out[t] = g;
	}
	return out;
}

/**
 * Generalized advantage estimates (Schulman et al. 2016): δₜ = rₜ + γV(sₜ₊₁) − V(sₜ),
 * Âₜ = Σₖ (γλ)ᵏ δₜ₊ₖ; `values` has one more entry than `rewards` (the bootstrap value, 0 when terminal).
 * λ = 1 gives Gₜ − V(sₜ) (n-step returns over the rollout), λ = 0 the one-step TD error.
 */
export function generalizedAdvantages(rewards: Array<number>, values: Array<number>, gamma: number, lambda: number): Array<number> {
	const out = rewards.map(() => 0);
	let running = 0;
	for (const t of $range(rewards.size() - 1, 0, -1)) {
		const delta = rewards[t] + gamma * values[t + 1] - values[t];
		running = delta + gamma * lambda * running;
		out[t] = running;
	}
	return out;
}
