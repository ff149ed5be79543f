import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { GridWorld } from "../../src/reinforcement/environments/GridWorld";
import { QLearning } from "../../src/reinforcement/tabular/QLearning";
import { SARSA } from "../../src/reinforcement/tabular/SARSA";
import { ExpectedSARSA } from "../../src/reinforcement/tabular/ExpectedSARSA";
import { DoubleQLearning } from "../../src/reinforcement/tabular/DoubleQLearning";
import { MonteCarloControl } from "../../src/reinforcement/tabular/MonteCarloControl";
import { OffPolicyMonteCarloControl } from "../../src/reinforcement/tabular/OffPolicyMonteCarloControl";
import { runEpisode } from "../../src/reinforcement/runEpisode";

const GAMMA = 0.95;

/** V* by value iteration on the grid's model (synchronous sweeps until the change is below 1e-12). */
function valueIteration(grid: GridWorld): Array<number> {
	const v = new Array<number>();
	for (const _ of $range(1, grid.stateCount)) v.push(0);
	for (const _ of $range(1, 1000)) {
		let change = 0;
		const nextState = v.map((value, s) => {
			if (grid.isTerminal(s) || grid.cellOf(s) === "#") return 0;
			let best = -math.huge;
			for (const a of $range(0, 3)) {
				const [s2, r] = grid.transition(s, a);
				best = math.max(best, r + GAMMA * (grid.isTerminal(s2) ? 0 : v[s2]));
			}
			change = math.max(change, math.abs(best - value));
			return best;
		});
		nextState.forEach((value, s) => (v[s] = value));
		if (change < 1e-12) break;
	}
	return v;
}

/** Q*(s, a) from V*. */
function optimalQ(grid: GridWorld, v: Array<number>, s: number, a: number): number {
	const [s2, r] = grid.transition(s, a);
	return r + GAMMA * (grid.isTerminal(s2) ? 0 : v[s2]);
}

/** Follows the greedy policy from the start; every action on the way must be optimal, and the walk must reach the goal. */
function expectOptimalPath(grid: GridWorld, v: Array<number>, greedy: (s: number) => number, moves = 6, paid = -5) {
	let s = grid.reset();
	let steps = 0;
	let total = 0;
	while (!grid.isTerminal(s) && steps < 50) {
		const a = greedy(s);
		expectClose(optimalQ(grid, v, s, a), v[s], 1e-9, `Q*(${s}, ${a}) vs V*(${s})`);
		const [s2, r] = grid.transition(s, a);
		total += r;
		s = s2;
		steps += 1;
	}
	expect(grid.cellOf(s)).toBe("G");
	// corner to corner (6 moves on 4×4); the last one (into the goal) pays 0
	expect(steps).toBe(moves);
	expect(total).toBe(paid);
}

function train(
	agent: { reinforce(s: number, r: number): number; episodeUpdate(r: number, f?: number): void; reset(): void },
	episodes: number,
	map?: Array<string>,
) {
	const grid = new GridWorld(map === undefined ? undefined : { map });
	for (const _ of $range(1, episodes)) runEpisode(agent as never, grid);
	return grid;
}

describe("tabular agents on the 4×4 grid world", () => {
	const grid = new GridWorld();
	const v = valueIteration(grid);
	const options = {
		stateCount: 16,
		actionCount: 4,
		learningRate: 0.5,
		discountFactor: GAMMA,
		epsilon: 0.5,
		epsilonDecayFactor: 0.99,
		minimumEpsilon: 0.01,
		seed: 7,
	};

	it("value iteration gives V*(start) = −Σ 0.95ᵏ over 5 paid steps", () => {
		expectClose(v[0], -(1 - math.pow(GAMMA, 5)) / (1 - GAMMA), 1e-12);
	});
	it("Q-learning learns Q* on every free state (500 episodes, seed 7)", () => {
		const agent = new QLearning(options);
		train(agent, 500);
		for (const s of $range(0, 15)) {
			if (grid.isTerminal(s) || grid.cellOf(s) === "#") continue;
			expectClose(optimalQ(grid, v, s, agent.greedyAction(s)), v[s], 1e-9, `state ${s}`);
		}
		expectOptimalPath(grid, v, (s) => agent.greedyAction(s));
	});
	it("SARSA, SARSA(λ = 0.8), Expected SARSA, Watkins Q(λ) and Double Q-learning find an optimal path", () => {
		const agents = [
			new SARSA(options),
			new SARSA({ ...options, traceDecay: 0.8 }),
			new SARSA({ ...options, traceDecay: 0.8, traceType: "Replacing" }),
			new ExpectedSARSA(options),
			new QLearning({ ...options, traceDecay: 0.8 }),
			new DoubleQLearning(options),
		];
		for (const agent of agents) {
			train(agent, 500);
			expectOptimalPath(grid, v, (s) => agent.greedyAction(s));
		}
	});
	// Monte Carlo averages whole returns, so early episodes that fell into a pit weigh on it for long: the pit-free map
	const open = ["S...", ".#..", "....", "...G"];
	const openGrid = new GridWorld({ map: open });
	const openV = valueIteration(openGrid);
	it("on-policy Monte Carlo control (sample averages and constant α = 0.1) finds an optimal path on the pit-free map (2000 episodes)", () => {
		for (const alpha of [0, 0.1]) {
			const onPolicy = new MonteCarloControl({ ...options, learningRate: alpha });
			train(onPolicy, 2000, open);
			expectOptimalPath(openGrid, openV, (s) => onPolicy.greedyAction(s));
		}
	});
	it("off-policy Monte Carlo control applies weighted importance sampling (one state, ε = 1 so b(a) = ½, γ = 1; by hand)", () => {
		const agent = new OffPolicyMonteCarloControl({ stateCount: 1, actionCount: 2, epsilon: 1, discountFactor: 1, seed: 3 });
		const a0 = agent.reinforce(0, 0);
		const a1 = agent.reinforce(0, 1);
		agent.episodeUpdate(2);
		// backwards: t = 1, G = 2, W = 1: C(a1) = 1, Q(a1) = 2 (now greedy unless a1 = 0 ties… Q = 2 > 0 makes a1 greedy), W = 1 / ½ = 2;
		// t = 0, G = 3: C(a0) += 2, Q(a0) += (2 / C(a0))(3 − Q(a0))
		const q = [0, 0];
		const c = [0, 0];
		c[a1] += 1;
		q[a1] = 2;
		c[a0] += 2;
		q[a0] += (2 / c[a0]) * (3 - q[a0]);
		expect(agent.getModelParameters()).toEqual({ Q: [q], counts: [c] });
	});
	it("keeps plain-data parameters and validates inputs", () => {
		const agent = new QLearning(options);
		train(agent, 20);
		const twin = new DoubleQLearning(options);
		const copyAgent = new QLearning(options);
		copyAgent.setModelParameters(agent.getModelParameters());
		expect(copyAgent.getModelParameters()).toEqual(agent.getModelParameters());
		expectError(
			() => copyAgent.setModelParameters({ Q1: [[0]], Q2: [[0]] }),
			"[Hivemind] QLearning.setModelParameters: parameters must be a record {Q}",
		);
		expectError(() => twin.setModelParameters({ Q1: [[0]], Q2: [[0]] }), "parameters.Q1 must be 16×4, got 1×1");
		expectError(() => agent.reinforce(16, 0), "[Hivemind] QLearning.reinforce: state must be an integer in [0, 15], got 16");
		expectError(() => agent.reinforce(0, 0 / 0), "[Hivemind] QLearning.reinforce: reward must be a finite number, got NaN");
		expectError(() => agent.episodeUpdate(math.huge), "[Hivemind] QLearning.episodeUpdate: reward must be a finite number, got inf");
		expectError(() => new SARSA({ actionCount: 4 }), "[Hivemind] SARSA.new: options must give stateCount and actionCount");
		expectError(
			() => new SARSA({ stateCount: 4, actionCount: 2, traceDecay: 2 }),
			"[Hivemind] SARSA.new: traceDecay must be a number in [0, 1], got 2",
		);
		expectError(() => grid.step(4), "[Hivemind] GridWorld.step: action must be an integer in [0, 3], got 4");
		expectError(() => new GridWorld({ map: ["..", "G."] }), '[Hivemind] GridWorld.new: map must hold exactly one "S", got 0');
	});
});
