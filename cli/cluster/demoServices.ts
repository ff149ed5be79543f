/**
 * The demo's run through the services: the demo's eight servers send the exact statistics
 * (XᵀX, Xᵀy, n) of each round's new sessions through the stand-in DataStore, MemoryStore and
 * MessagingService while 10% of notifications are lost and the main model's owner is killed
 * once; one progress line per merge, then the merged weights.
 */
import { Matrix } from "../../src/matrix/types";
import { runExperience, ExperienceProgress, ExperienceResult } from "./experience";
import { addStatistics, LINEAR_STATISTICS, Sample, solveStatistics } from "./tasks";

/** One server's scaled sessions. */
export interface DemoShard {
	X: Matrix;
	y: Matrix;
}

function kilobytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? string.format("%.1f MB", bytes / 1024 / 1024) : string.format("%.1f kB", bytes / 1024);
}

/** Runs the demo's servers through the stand-in services; `say` prints each progress line. */
export function runDemoThroughServices(
	shards: Array<DemoShard>,
	playersOf: (server: number) => number,
	testLoss: (weights: Array<number>) => number,
	seed: number,
	rounds: number,
	say: (line: string) => void,
): ExperienceResult {
	const samples = shards.map((s) => s.X.map((row, i): Sample => ({ x: [1, ...row], y: s.y[i][0] })));
	const initial = new Array<number>();
	for (const _ of $range(1, LINEAR_STATISTICS)) initial.push(0);
	const roundSeconds = 20;
	const taken = new Map<number, number>();
	const result = runExperience({
		servers: shards.size(),
		players: playersOf,
		parameters: LINEAR_STATISTICS,
		minutes: ((rounds + 2) * roundSeconds) / 60,
		arity: 4,
		seed,
		task: "linear",
		encoding: "f64",
		faults: { messageLoss: 0.1, messageDelaySeconds: 1 },
		ownerKills: [math.floor(rounds / 2) * roundSeconds + 5],
		restartSeconds: 15,
		roundSeconds,
		heterogeneous: true,
		custom: {
			modelName: "MinutesPlayed",
			kind: "statistics",
			initial,
			// Each round a server sends the statistics of the next 1/rounds of its sessions; a restarted
			// server goes on with the sessions after those its predecessor took (what that one took but
			// had not yet had acknowledged died with it).
			trainer: (k) => {
				return {
					update: () => {
						const all = samples[k];
						const sent = taken.get(k) ?? 0;
						if (sent >= all.size()) return undefined;
						const upto = math.min(all.size(), sent + math.ceil(all.size() / rounds));
						const fresh = all.filter((_, i) => i >= sent && i < upto);
						taken.set(k, upto);
						const stats = [...initial];
						addStatistics(stats, fresh);
						return [stats, fresh.size()];
					},
				};
			},
			evaluate: (state) => (state[LINEAR_STATISTICS - 1] > 5 ? testLoss(solveStatistics(state)) : 0 / 0),
		},
		onMerge: (p: ExperienceProgress) =>
			say(
				string.format(
					"  t=%3ds round %2d  test MSE %8.3f min²  DataStore %s, %d requests  MemoryStore %d units  Messaging %d msgs  headroom %.2f / %.2f / %.2f",
					p.time,
					p.round,
					p.loss,
					kilobytes(p.bytes.DataStore),
					p.requests.DataStore,
					p.requests.MemoryStore,
					p.requests.MessagingService,
					p.headroom.DataStore,
					p.headroom.MemoryStore,
					p.headroom.MessagingService,
				),
			),
	});
	// The newest checkpoint holds the summed statistics: its n is every session merged.
	result.sessionsMerged = result.weights[LINEAR_STATISTICS - 1];
	result.weights = solveStatistics(result.weights);
	return result;
}
