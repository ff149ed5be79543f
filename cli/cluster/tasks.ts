/**
 * The learning tasks the experience simulator and the demo train across simulated servers:
 * a linear model of minutes played merged by exact statistics (XᵀX, Xᵀy, n) and a logistic model
 * of "comes back tomorrow" merged by weighted parameter averaging (FedAvg). Each server's
 * players differ (region, level band); the vector each server exchanges is padded with zeros to
 * the simulated parameter count.
 */
import { RandomGenerator } from "../../src/matrix/random";
import { solve } from "../../src/matrix/linalg/solve";

/** Features per player: level/10, skill, ping (s), friends online; plus the bias. */
export const FEATURES = 4;
const WIDTH = FEATURES + 1;
/** Minutes played = 12 + 9·level/10 + 14·skill − 6·ping + 3·friends + noise (sd 3). */
const LINEAR_TRUTH = [12, 9, 14, -6, 3];
/** log-odds of returning = −1 + 0.8·level/10 + 1.5·skill − 1.2·ping + 0.4·friends. */
const LOGISTIC_TRUTH = [-1, 0.8, 1.5, -1.2, 0.4];

/** Which task. */
export type TaskName = "linear" | "logistic";

/** One player session: features with the bias first, and the target. */
export interface Sample {
	x: Array<number>;
	y: number;
}

/** A player of server `server` (its region sets ping, its age sets level and skill). */
export function samplePlayer(rng: RandomGenerator, server: number, task: TaskName, heterogeneous: boolean): Sample {
	const band = heterogeneous ? server % 8 : 3.5;
	const level = math.max(0.1, rng.normal(0.5 + 0.6 * band, 0.4));
	const skill = math.clamp(rng.normal(0.2 + 0.1 * band, 0.1), 0, 1.5);
	const ping = math.max(0.05, rng.normal(heterogeneous ? 0.1 + 0.05 * ((server * 3) % 8) : 0.25, 0.05));
	const friends = rng.integer(0, 4);
	const x = [1, level, skill, ping, friends];
	const truth = task === "linear" ? LINEAR_TRUTH : LOGISTIC_TRUTH;
	let z = 0;
	for (const j of $range(0, FEATURES)) z += truth[j] * x[j];
	const y = task === "linear" ? z + rng.normal(0, 3) : rng.nextFloat() < 1 / (1 + math.exp(-z)) ? 1 : 0;
	return { x, y };
}

/** Length of the linear task's statistics: XᵀX (5×5), Xᵀy (5), n. */
export const LINEAR_STATISTICS = WIDTH * WIDTH + WIDTH + 1;

/** Adds samples' XᵀX, Xᵀy and n to `into` (a statistics vector, padded or not). */
export function addStatistics(into: Array<number>, samples: Array<Sample>) {
	for (const s of samples) {
		for (const i of $range(0, FEATURES)) {
			for (const j of $range(0, FEATURES)) into[i * WIDTH + j] += s.x[i] * s.x[j];
			into[WIDTH * WIDTH + i] += s.x[i] * s.y;
		}
		into[WIDTH * WIDTH + WIDTH] += 1;
	}
}

/** Least-squares weights from a statistics vector (a tiny ridge keeps an empty start solvable). */
export function solveStatistics(stats: Array<number>): Array<number> {
	const a = new Array<Array<number>>();
	const b = new Array<Array<number>>();
	for (const i of $range(0, FEATURES)) {
		const row = new Array<number>();
		for (const j of $range(0, FEATURES)) row.push(stats[i * WIDTH + j] + (i === j ? 1e-9 : 0));
		a.push(row);
		b.push([stats[WIDTH * WIDTH + i]]);
	}
	return solve(a, b).map((r) => r[0]);
}

function predict(w: Array<number>, x: Array<number>): number {
	let z = 0;
	for (const j of $range(0, FEATURES)) z += w[j] * x[j];
	return z;
}

/** Mean loss of weights `w` on `samples`: squared error (linear) or log loss (logistic). */
export function taskLoss(task: TaskName, w: Array<number>, samples: Array<Sample>): number {
	let total = 0;
	for (const s of samples) {
		const z = predict(w, s.x);
		if (task === "linear") total += (z - s.y) ** 2;
		else {
			const p = math.clamp(1 / (1 + math.exp(-z)), 1e-12, 1 - 1e-12);
			total -= s.y * math.log(p) + (1 - s.y) * math.log(1 - p);
		}
	}
	return total / math.max(1, samples.size());
}

/** `steps` full-batch gradient steps of logistic regression from `w` (a copy is returned). */
export function logisticSteps(w: Array<number>, samples: Array<Sample>, steps: number, rate: number): Array<number> {
	const out = [...w];
	const g = new Array<number>();
	for (const _ of $range(0, FEATURES)) g.push(0);
	for (const _ of $range(1, steps)) {
		for (const j of $range(0, FEATURES)) g[j] = 0;
		for (const s of samples) {
			const err = 1 / (1 + math.exp(-predict(out, s.x))) - s.y;
			for (const j of $range(0, FEATURES)) g[j] += err * s.x[j];
		}
		for (const j of $range(0, FEATURES)) out[j] -= (rate * g[j]) / math.max(1, samples.size());
	}
	return out;
}
