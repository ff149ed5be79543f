/**
 * `hivemind demo` (npm run demo): eight simulated game servers, each with its own players'
 * data, train child models; a main model absorbs them three ways — exact sufficient statistics,
 * FedAvg parameter averaging, and gradient pushes — with live progress, then a table compares
 * centralized training, each child alone, and each merge on held-out players.
 */
import { Command } from "./command";
import { Host } from "../host";
import { formatHelp, OptionSpec, parseOptions } from "../args";
import { Matrix } from "../../src/matrix/types";
import { RandomGenerator } from "../../src/matrix/random";
import { concatVertical } from "../../src/matrix/shape";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { NormalLinearRegression } from "../../src/models/linear/NormalLinearRegression";
import { ModelParameters } from "../../src/parameters/tree";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { FederatedTrainer } from "../../src/simulation/FederatedTrainer";
import { StandardScaler } from "../../src/transformers/StandardScaler";
import { mergeScalerStatistics, ScalerStatistics } from "../../src/transformers/scalerStatistics";
import { Metrics } from "../../src/utilities";
import { runDemoThroughServices } from "../cluster/demoServices";

const OPTIONS: Array<OptionSpec> = [
	{ name: "seed", kind: "number", description: "main seed; each server's data and model derive from it and the server id", defaultText: "2026" },
	{ name: "rounds", kind: "number", description: "FedAvg rounds (gradient rounds are 20× as many)", defaultText: "15" },
	{ name: "json", kind: "flag", description: "print only the final comparison as JSON" },
];

const FEATURES = ["level", "skill", "ping (s)", "friendsOnline"];
// Sessions each player plays on the demo's servers (one row of data per session).
const SESSIONS = 5;
// The game's true relation, which no server sees whole: minutes = 12 + 0.9·level + 14·skill − 6·ping + 3·friends + noise.
const TRUE_WEIGHTS = [12, 0.9, 14, -6, 3];
const SERVERS = 8;

interface Shard {
	X: Matrix;
	y: Matrix;
	region: string;
}

const REGIONS = ["EU-West", "EU-East", "US-East", "US-West", "Brazil", "Japan", "Australia", "India"];

/** One server's players: the region sets the ping, the server's age sets levels and skill. */
function makeShard(rng: RandomGenerator, server: number, players: number): Shard {
	const X = new Array<Array<number>>();
	const y = new Array<Array<number>>();
	// Each server sees a narrow slice of the game: one region's ping, one range of levels and skill.
	const pingMean = 0.3 + 0.25 * server;
	const levelMean = 5 + 5 * ((server * 5) % 8);
	const skillMean = 0.2 + 0.1 * ((server * 3) % 8);
	for (const _ of $range(1, players)) {
		const level = math.max(1, rng.normal(levelMean, 2));
		const skill = math.clamp(rng.normal(skillMean, 0.05), 0, 1.5);
		const ping = math.max(0.05, rng.normal(pingMean, 0.05));
		const friends = rng.integer(0, 2 + (server % 3) * 2);
		const row = [level, skill, ping, friends];
		let minutes = TRUE_WEIGHTS[0];
		for (const j of $range(0, 3)) minutes += TRUE_WEIGHTS[j + 1] * row[j];
		X.push(row);
		y.push([minutes + rng.normal(0, 3)]);
	}
	return { X, y, region: REGIONS[server] };
}

function testLoss(parameters: ModelParameters, X: Matrix, y: Matrix): number {
	const evaluator = new LinearRegression();
	evaluator.setModelParameters(parameters);
	return Metrics.meanSquaredError(y, evaluator.predict(X));
}

function pad(text: string, width: number): string {
	return text.size() >= width ? text : text + string.rep(" ", width - text.size());
}

function quote(text: string): string {
	const [escaped] = text.gsub('[\\"]', (c) => "\\" + c);
	return `"${escaped}"`;
}

function fmt17(value: number): string {
	return string.format("%.17g", value);
}

function run(host: Host, argv: Array<string>): number {
	const options = parseOptions("demo", argv, OPTIONS);
	const seed = (options.get("seed") as number | undefined) ?? 2026;
	const rounds = (options.get("rounds") as number | undefined) ?? 15;
	const json = options.get("json") === true;
	const say = (line: string) => {
		if (!json) host.write(line + "\n");
	};
	const main = new RandomGenerator(seed);

	say("Hivemind demo: 8 game servers predict minutes played per session (in minutes) from a player's level,");
	say("skill, ping (seconds) and friends online. Each server sees only its own players; one main model absorbs them.");
	say("");
	const shards = new Array<Shard>();
	const playersOf = (server: number) => 12 + 6 * ((server * 3) % 7);
	for (const server of $range(0, SERVERS - 1)) {
		const rng = main.fork(server + 1);
		shards.push(makeShard(rng, server, playersOf(server) * SESSIONS));
	}
	// Held-out players come from every region: no single server's data looks like them.
	const holdoutRng = main.fork(1000);
	let XTest: Matrix = [];
	let yTest: Matrix = [];
	for (const server of $range(0, SERVERS - 1)) {
		const part = makeShard(holdoutRng, server, 50);
		XTest = XTest.size() === 0 ? part.X : concatVertical(XTest, part.X);
		yTest = yTest.size() === 0 ? part.y : concatVertical(yTest, part.y);
	}
	for (const k of $range(1, shards.size())) {
		const shard = shards[k - 1];
		say(`  server ${k} (${pad(shard.region, 9)}) ${playersOf(k - 1)} players, ${shard.X.size()} sessions`);
	}

	// Feature scaling fitted across servers by merging each server's statistics (exact).
	let merged: ScalerStatistics | undefined;
	for (const shard of shards) {
		const s = new StandardScaler().fit(shard.X).getStatistics();
		merged = merged === undefined ? s : mergeScalerStatistics(merged, s);
	}
	const scaler = new StandardScaler();
	scaler.setStatistics(merged!);
	const scaled = shards.map((s) => ({ X: scaler.transform(s.X), y: s.y, n: s.X.size() }));
	const XTestScaled = scaler.transform(XTest);

	let XAll: Matrix = scaled[0].X;
	let yAll: Matrix = scaled[0].y;
	for (const i of $range(1, SERVERS - 1)) {
		XAll = concatVertical(XAll, scaled[i].X);
		yAll = concatVertical(yAll, scaled[i].y);
	}
	const rows = new Array<[string, number, number]>();
	const record = (name: string, predictions: Matrix) =>
		rows.push([name, Metrics.meanSquaredError(yTest, predictions), Metrics.r2Score(yTest, predictions)]);

	// 1. Centralized: all players' data on one machine (what distributed training tries to match).
	const central = new NormalLinearRegression();
	central.train(XAll, yAll);
	record("Centralized (all data in one place)", central.predict(XTestScaled));

	// 2. Each server alone.
	for (const k of $range(1, scaled.size())) {
		const s = scaled[k - 1];
		const alone = new NormalLinearRegression();
		alone.train(s.X, s.y);
		record(`Server ${k} alone (${shards[k - 1].region})`, alone.predict(XTestScaled));
	}

	// 3. Exact statistics: each server sends XᵀX, Xᵀy, n; the main model sums them and solves once.
	say("");
	say("[exact statistics] each server sends XᵀX, Xᵀy and n; the main model sums and solves once");
	const exact = new NormalLinearRegression();
	let partial = exact.computePartial(scaled[0].X, scaled[0].y);
	for (const i of $range(1, SERVERS - 1)) partial = exact.mergePartials(partial, exact.computePartial(scaled[i].X, scaled[i].y));
	exact.trainFromPartial(partial);
	const exactParams = exact.getModelParameters() as Matrix;
	const centralParams = central.getModelParameters() as Matrix;
	let maxDiff = 0;
	for (const i of $range(0, exactParams.size() - 1)) maxDiff = math.max(maxDiff, math.abs(exactParams[i][0] - centralParams[i][0]));
	say(`  merged model vs centralized: largest weight difference ${string.format("%.2e", maxDiff)}`);
	record("Merged: exact statistics", exact.predict(XTestScaled));

	// 4. FedAvg: each round every server trains a child from the main parameters for a few local
	//    steps; the main model takes the sample-weighted average of the children's parameters.
	say("");
	say(`[FedAvg parameters] ${rounds} rounds, 20 local gradient steps per server per round`);
	// The one driver of several children in one process (what `hivemind simulate` uses too).
	const fedAvg = new FederatedTrainer({
		schedule: { kind: "Synchronous" },
		merger: new ModelParametersMerger({ modelType: "Regression", mergeType: "SampleWeighted" }),
		onEpoch: (report) =>
			say(
				`  round ${pad(tostring(report.epoch + 1), 3)} merged test MSE ${string.format("%8.3f", testLoss(fedAvg.getMainModelParameters()!, XTestScaled, yTest))}`,
			),
	});
	scaled.forEach((s, k) =>
		fedAvg.addChild(new LinearRegression({ learningRate: 0.05, maximumNumberOfIterations: 20, seed: seed + k + 1 }), s.X, s.y),
	);
	fedAvg.setMainModelParameters([[0], [0], [0], [0], [0]]);
	fedAvg.train(rounds);
	record(
		`Merged: FedAvg parameters (${rounds} rounds)`,
		(() => {
			const m = new LinearRegression();
			m.setModelParameters(fedAvg.getMainModelParameters()!);
			return m.predict(XTestScaled);
		})(),
	);

	// 5. Gradients: each round every server computes the gradient of its summed loss at the main
	//    parameters; the main model's own step (Adam) applies Σg / Σn.
	const gradientRounds = rounds * 20;
	say("");
	say(`[gradients] ${gradientRounds} rounds, Adam on the main model, sample-weighted average of the servers' gradients`);
	const mainModel = new LinearRegression({ optimizer: "Adam", learningRate: 0.5 });
	mainModel.setModelParameters([[0], [0], [0], [0], [0]]);
	const gradientTrainer = new FederatedTrainer({
		schedule: { kind: "Synchronous" },
		payload: "gradients",
		model: mainModel,
		onEpoch: (report) => {
			const round = report.epoch + 1;
			if (round % 20 === 0)
				say(
					`  round ${pad(tostring(round), 3)} merged test MSE ${string.format("%8.3f", testLoss(mainModel.getModelParameters()!, XTestScaled, yTest))}`,
				);
		},
	});
	scaled.forEach((s) => gradientTrainer.addChild(new LinearRegression(), s.X, s.y));
	gradientTrainer.train(gradientRounds);
	const stats = gradientTrainer.getStatistics()!;
	record(`Merged: gradients (${gradientRounds} rounds)`, mainModel.predict(XTestScaled));

	// 6. Through the services: the same servers send each round's new sessions as exact statistics through
	//    DataStore (data), MemoryStore (leases, round state, queues) and MessagingService (notifications),
	//    on a simulated clock, while 10% of notifications are lost and the owner of the main model is killed once.
	const serviceRounds = 6;
	say("");
	say(`[through the services] ${serviceRounds} rounds of new sessions via DataStore, MemoryStore and MessagingService stand-ins;`);
	say("  10% of notifications lost, the main model's owner killed once mid-run (headroom: DataStore / MemoryStore / Messaging)");
	const predictWith = (weights: Array<number>) => {
		const m = new LinearRegression();
		m.setModelParameters(weights.map((w) => [w]));
		return m.predict(XTestScaled);
	};
	const viaServices = runDemoThroughServices(scaled, playersOf, (w) => Metrics.meanSquaredError(yTest, predictWith(w)), seed, serviceRounds, say);
	let sessions = 0;
	for (const s of scaled) sessions += s.n;
	say(
		`  owner killed ${viaServices.ownerKills} time; longest merge interval ${string.format("%.1f", viaServices.mergeIntervalSeconds)} s; ` +
			`${viaServices.acknowledged} updates acknowledged; sessions merged ${viaServices.sessionsMerged} of ${sessions}`,
	);
	record("Merged: via the services (exact statistics)", predictWith(viaServices.weights));

	if (json) {
		const results = rows.map(([name, mse, r2]) => `{"model":${quote(name)},"testMSE":${fmt17(mse)},"r2":${fmt17(r2)}}`);
		host.write(`{"results":[${results.join(",")}],"gradientUpdatesAccepted":${stats.accepted},"gradientUpdatesRejected":${stats.rejected}}\n`);
		return 0;
	}
	say("");
	say(`Held-out players from every region (${XTest.size()}), features: ${FEATURES.join(", ")}`);
	say(`${pad("model", 44)} ${pad("test MSE", 10)} R²`);
	say(string.rep("-", 62));
	for (const [name, mse, r2] of rows) say(`${pad(name, 44)} ${string.format("%-10.3f %.4f", mse, r2)}`);
	say("");
	say(`Gradient updates accepted: ${stats.accepted}, rejected: ${stats.rejected}.`);
	say("Exact statistics equal centralized training; FedAvg and gradients approach it; single servers, which");
	say("see only their own region's players, do not.");
	return 0;
}

/** The `demo` command. */
export const demoCommand: Command = {
	name: "demo",
	summary: "simulated game servers train child models that a main model merges",
	help: () => formatHelp("demo", "eight simulated game servers train and merge (npm run demo)", OPTIONS),
	run,
};
