/** Small environments shared by the reinforcement-learning specs. */
import { RandomGenerator } from "../../src/matrix/random";
import type { Vector } from "../../src/matrix/types";
import { Environment, StepResult } from "../../src/reinforcement/types";
import { GridWorld } from "../../src/reinforcement/environments/GridWorld";

/**
 * A contextual choice: the state is a one-hot cue among 3; the action equal to the cue pays +1,
 * any other −1; 5 cues per episode. The optimal policy returns 5.
 */
export class CueTask implements Environment<Vector, number> {
	private cue = 0;
	private t = 0;
	constructor(private readonly rng: RandomGenerator) {}
	private observe(): Vector {
		this.cue = this.rng.integer(0, 2);
		return [0, 1, 2].map((k) => (k === this.cue ? 1 : 0));
	}
	reset(): Vector {
		this.t = 0;
		return this.observe();
	}
	step(action: number): StepResult<Vector> {
		const reward = action === this.cue ? 1 : -1;
		this.t += 1;
		return { state: this.observe(), reward, done: this.t >= 5, truncated: false };
	}
}

/** One-hot cell of the grid world (16 inputs). */
export function oneHot(s: number): Vector {
	const v = new Array<number>();
	for (const k of $range(0, 15)) v.push(k === s ? 1 : 0);
	return v;
}

/** The grid world seen through one-hot state vectors. */
export class OneHotGrid implements Environment<Vector, number> {
	readonly grid = new GridWorld();
	reset(): Vector {
		return oneHot(this.grid.reset());
	}
	step(action: number): StepResult<Vector> {
		const r = this.grid.step(action);
		return { ...r, state: oneHot(r.state) };
	}
}

/** The return of the greedy policy from the grid world's start (at most 20 steps). */
export function greedyReturn(values: (s: Vector) => Vector): number {
	const grid = new GridWorld();
	let s = grid.reset();
	let total = 0;
	for (const _ of $range(1, 20)) {
		const q = values(oneHot(s));
		let best = 0;
		for (const a of $range(1, 3)) if (q[a] > q[best]) best = a;
		const r = grid.step(best);
		total += r.reward;
		s = r.state;
		if (r.done) break;
	}
	return total;
}
