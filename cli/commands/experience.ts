/**
 * `hivemind experience` (npm run experience): simulates S game servers of one experience on the
 * stand-in services and prints per-service requests, bytes and quota headroom, the merge interval
 * and the merged model's loss against centralized training.
 */
import { Command } from "./command";
import { Host } from "../host";
import { formatHelp, OptionSpec, parseOptions, UsageError } from "../args";
import { runExperience } from "../cluster/experience";
import { VECTOR_ENCODINGS, VectorEncoding } from "../../src/cluster/codec";
import { TaskName } from "../cluster/tasks";
import { wireTable } from "../cluster/wire";

const OPTIONS: Array<OptionSpec> = [
	{ name: "servers", kind: "number", description: "simulated game servers", defaultText: "32" },
	{ name: "players", kind: "number", description: "players per server", defaultText: "20" },
	{ name: "parameters", kind: "number", description: "model parameters billed on the wire", defaultText: "31" },
	{ name: "minutes", kind: "number", description: "simulated minutes", defaultText: "5" },
	{ name: "arity", kind: "number", description: "most updates one merge step reads (2-50)", defaultText: "50" },
	{ name: "round", kind: "number", description: "seconds per round (the target merge interval)", defaultText: "30" },
	{ name: "task", kind: "string", description: "linear (exact statistics) or logistic (FedAvg parameters)", defaultText: "linear" },
	{ name: "encoding", kind: "string", description: "update encoding for logistic: f64, f32, q8, topk", defaultText: "q8" },
	{ name: "loss", kind: "number", description: "probability a notification is lost", defaultText: "0.1" },
	{ name: "failures", kind: "number", description: "probability a service request fails", defaultText: "0.01" },
	{ name: "kill-owner", kind: "number", description: "simulated second at which the owner dies (0 = never)", defaultText: "0" },
	{ name: "seed", kind: "number", description: "seed of data and faults", defaultText: "2026" },
	{ name: "wire", kind: "flag", description: "print only the wire-size table of the encodings (for --parameters, 20 rounds)" },
	{ name: "json", kind: "flag", description: "print one JSON object" },
];

function fmt(v: number): string {
	return string.format("%.6g", v);
}

function run(host: Host, argv: Array<string>): number {
	const o = parseOptions("experience", argv, OPTIONS);
	const num = (name: string, fallback: number) => (o.get(name) as number | undefined) ?? fallback;
	const servers = num("servers", 32);
	const players = num("players", 20);
	const task = ((o.get("task") as string | undefined) ?? "linear") as TaskName;
	const encoding = ((o.get("encoding") as string | undefined) ?? "q8") as VectorEncoding;
	if (servers < 1 || servers !== math.floor(servers)) throw new UsageError(`--servers must be a whole number ≥ 1, got ${servers}`);
	if (players < 1 || players > 700) throw new UsageError(`--players must be from 1 to 700, got ${players}`);
	if (task !== "linear" && task !== "logistic") throw new UsageError(`--task must be linear or logistic, got ${task}`);
	if (!VECTOR_ENCODINGS.includes(encoding)) throw new UsageError(`--encoding must be one of f64, f32, q8, topk, got ${encoding}`);
	const json = o.get("json") === true;
	if (o.get("wire") === true) {
		const n = math.max(1, num("parameters", 100000));
		const rows = wireTable(n, 20, num("seed", 2026));
		if (json) {
			const items = rows.map(
				(r) =>
					`{"encoding":"${r.encoding}","bytesPerParameter":${fmt(r.bytesPerParameter)},"storedCharactersPerParameter":${fmt(r.storedCharactersPerParameter)},` +
					`"relativeError":${fmt(r.relativeError)},"meanErrorWithoutFeedback":${fmt(r.meanErrorWithoutFeedback)},"meanErrorWithFeedback":${fmt(r.meanErrorWithFeedback)}}`,
			);
			host.write(`{"parameters":${n},"rows":[${items.join(",")}]}\n`);
			return 0;
		}
		host.write(
			`| encoding | bytes/parameter (buffer) | characters/parameter (base64 in a DataStore) | error of one update | error of the 20-round mean | with error feedback |\n|---|---|---|---|---|---|\n`,
		);
		for (const r of rows) {
			host.write(
				string.format(
					"| %s | %.4f | %.4f | %.3g | %.3g | %.3g |\n",
					r.encoding,
					r.bytesPerParameter,
					r.storedCharactersPerParameter,
					r.relativeError,
					r.meanErrorWithoutFeedback,
					r.meanErrorWithFeedback,
				),
			);
		}
		return 0;
	}
	const killAt = num("kill-owner", 0);
	const result = runExperience({
		servers,
		players,
		parameters: math.max(num("parameters", 31), task === "linear" ? 31 : 5),
		minutes: num("minutes", 5),
		arity: math.clamp(num("arity", 50), 2, 50),
		seed: num("seed", 2026),
		task,
		encoding,
		faults: { messageLoss: num("loss", 0.1), requestFailure: num("failures", 0.01), messageDelaySeconds: 2 },
		ownerKills: killAt > 0 ? [killAt] : [],
		restartSeconds: 30,
		roundSeconds: num("round", 30),
		heterogeneous: true,
		onMerge: json
			? undefined
			: (p) =>
					host.write(
						string.format(
							"t=%4ds round %3d v%-3d loss %-9.4g requests DS %-7d MS %-8d MSG %-5d headroom DS %.3f MS %.3f MSG %.3f\n",
							p.time,
							p.round,
							p.version,
							p.loss,
							p.requests.DataStore,
							p.requests.MemoryStore,
							p.requests.MessagingService,
							p.headroom.DataStore,
							p.headroom.MemoryStore,
							p.headroom.MessagingService,
						),
					),
	});
	const h = result.progress.size() > 0 ? result.progress[result.progress.size() - 1] : undefined;
	const head = (service: "DataStore" | "MemoryStore" | "MessagingService") => h?.headroom[service] ?? 1;
	const req = (service: "DataStore" | "MemoryStore" | "MessagingService") => h?.requests[service] ?? 0;
	const gap = math.abs(result.mergedLoss - result.centralizedLoss) / math.max(1e-12, result.centralizedLoss);
	if (json) {
		const service = (name: "DataStore" | "MemoryStore" | "MessagingService") =>
			`"${name}":{"headroom":${fmt(head(name))},"requests":${fmt(req(name))},"binding":"${(result.binding[name] ?? "").gsub('"', "")[0]}"}`;
		host.write(
			`{"services":{${service("DataStore")},${service("MemoryStore")},${service("MessagingService")}},` +
				`"mergeIntervalSeconds":${fmt(result.mergeIntervalSeconds)},"merges":${result.mergeTimes.size()},` +
				`"groups":${result.groups},"replicas":${result.replicas},"acknowledgedUpdates":${result.acknowledged},` +
				`"bytes":{"DataStore":${fmt(h?.bytes.DataStore ?? 0)},"MemoryStoreHeld":${fmt(h?.bytes.MemoryStore ?? 0)}},` +
				`"loss":{"merged":${fmt(result.mergedLoss)},"centralized":${fmt(result.centralizedLoss)},"relativeGap":${fmt(gap)}},` +
				`"ownerKills":${result.ownerKills},"errors":${result.errors.size()},"simulatedLength":${result.simulatedLength}}\n`,
		);
		return result.errors.size() > 0 ? 1 : 0;
	}
	host.write(
		`\n${servers} servers × ${players} players, ${result.groups} groups (arity ≤ ${math.clamp(num("arity", 50), 2, 50)}), ${result.replicas} checkpoint replicas\n`,
	);
	host.write(
		`merges ${result.mergeTimes.size()}, longest merge interval ${fmt(result.mergeIntervalSeconds)} s, updates acknowledged ${result.acknowledged}\n`,
	);
	host.write(
		`headroom: DataStore ${fmt(head("DataStore"))}, MemoryStore ${fmt(head("MemoryStore"))}, MessagingService ${fmt(head("MessagingService"))}\n`,
	);
	host.write(`tightest quotas: ${["DataStore", "MemoryStore", "MessagingService"].map((n) => `${n} ${result.binding[n] ?? "-"}`).join(", ")}\n`);
	host.write(`loss: merged ${fmt(result.mergedLoss)}, centralized ${fmt(result.centralizedLoss)} (gap ${string.format("%.3f%%", 100 * gap)})\n`);
	host.write(
		`simulated: services, clock, faults and data in full; vectors computed at ${result.simulatedLength} entries and billed at the full parameter count\n`,
	);
	for (const e of result.errors) host.ewrite(`error: ${e}\n`);
	return result.errors.size() > 0 ? 1 : 0;
}

/** The `experience` command. */
export const experienceCommand: Command = {
	name: "experience",
	summary: "simulate an experience's servers training one model through DataStore, MemoryStore and MessagingService",
	help: () => formatHelp("experience", "simulated servers merge through the stand-in services (npm run experience)", OPTIONS),
	run,
};
