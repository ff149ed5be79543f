//!native
/**
 * The dueling aggregation (Wang et al. 2016) applied outside the network: a network with n + 1
 * outputs (V, A₁…Aₙ) gives Q(s, a) = V(s) + A(s, a) − (1/n) Σₐ′ A(s, a′), and a gradient ∂loss/∂Q
 * chains back to ∂loss/∂V = Σₐ ∂loss/∂Qₐ, ∂loss/∂Aⱼ = ∂loss/∂Qⱼ − (1/n) Σₐ ∂loss/∂Qₐ.
 */
import { Vector } from "../../matrix/types";

/** Q(s, ·) from one output row (V, A₁…Aₙ). */
export function duelingValues(row: Vector): Vector {
	const n = row.size() - 1;
	let mean = 0;
	for (const j of $range(2, n + 1)) mean += row[j - 1] / n;
	const q = new Array<number>();
	for (const j of $range(2, n + 1)) q.push(row[0] + row[j - 1] - mean);
	return q;
}

/** ∂loss/∂(V, A₁…Aₙ) from ∂loss/∂Q (one row). */
export function duelingGradient(dQ: Vector): Vector {
	const n = dQ.size();
	let total = 0;
	for (const g of dQ) total += g;
	const out = [total];
	for (const g of dQ) out.push(g - total / n);
	return out;
}
