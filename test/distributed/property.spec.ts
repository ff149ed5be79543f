// Seeded property test (issue 10): 16 children send a random stream of honest, duplicated,
// reordered, stale, mis-shaped, NaN and huge updates; the aggregator's step or merge yields at
// random, and more events arrive while it is suspended. After every event: counts add up, no
// acknowledged update is lost, none is applied twice, the main parameters are finite and equal
// a reference replay of exactly the accepted set.
import { describe, expect, it } from "../support/jest-globals";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { identityKey, identityOfRecord, IdentityState } from "../../src/distributed/identity";
import { createUpdate, UpdateKind, UpdateRecord } from "../../src/distributed/wire";
import { RandomGenerator } from "../../src/matrix/random";
import { Matrix } from "../../src/matrix/types";
import { ModelParameters, parameterEntries } from "../../src/parameters/tree";
import { Optimizer } from "../../src/optimization/optimizers/types";

const MODEL = "LinearRegression";
const CHILDREN = 16;
const EVENTS = 1000;
const LEARNING_RATE = 0.1;

type Params = { w: Matrix; b: Matrix };

/** What the driver needs from either aggregator. */
interface Subject {
	add: (record: UpdateRecord<unknown>) => boolean;
	/** Applies (a round) or merges; may yield. */
	flush: () => number;
	params: () => Params;
	version: () => number;
	pending: () => number;
	stats: () => {
		received: number;
		accepted: number;
		rejected: number;
		pending: number;
		cleared: number;
		rejectedNorm: number;
		rejectedDuplicate: number;
	};
	state: (record: UpdateRecord<unknown>) => IdentityState | undefined;
	/** The reference step for the newly applied records (in acknowledgement order). */
	replay: (reference: Params, applied: Array<UpdateRecord<Params>>) => Params;
}

/** A cheap check inside the event loop (jest's expect is too slow to call per record per event); fails the test with `message`. */
function ensure(condition: boolean, message: string) {
	if (!condition) error(`property violated: ${message}`, 2);
}

function finite(p: Params): boolean {
	for (const [, m] of parameterEntries(p as unknown as ModelParameters))
		for (const row of m) for (const v of row) if (v !== v || math.abs(v) === math.huge) return false;
	return true;
}

function close(a: Params, b: Params): boolean {
	const eb = parameterEntries(b as unknown as ModelParameters);
	let ok = true;
	parameterEntries(a as unknown as ModelParameters).forEach(([, m], k) => {
		m.forEach((row, i) => row.forEach((v, j) => (ok = ok && math.abs(v - eb[k][1][i][j]) <= 1e-12 * math.max(1, math.abs(v)))));
	});
	return ok;
}

function gradientSubject(rng: RandomGenerator): Subject {
	// Gradient descent that yields (a frame budget) before some of its steps.
	const optimizer = {
		optimizerName: "YieldingDescent",
		getOptions: () => ({}),
		step(parameters: Matrix, gradient: Matrix, _state: unknown, rate: number) {
			if (rng.nextFloat() < 0.3) coroutine.yield();
			parameters.forEach((row, i) => row.forEach((_, j) => (row[j] -= rate * gradient[i][j])));
			return {};
		},
	} as unknown as Optimizer;
	const main = new DistributedGradients({ optimizer, learningRate: LEARNING_RATE, modelName: MODEL, stalenessBound: 3, logRejections: false });
	main.setModelParameters({ w: [[0], [0]], b: [[0]] });
	return {
		add: (r) => main.addUpdate(r),
		flush: () => main.applyPending(),
		params: () => main.getModelParameters() as unknown as Params,
		version: () => main.getVersion(),
		pending: () => main.getPendingCount(),
		stats: () => main.getStatistics(),
		state: (r) => main.getUpdateState(identityOfRecord(r)),
		replay: (reference, applied) => {
			let n = 0;
			const sum: Params = { w: [[0], [0]], b: [[0]] };
			for (const r of applied) {
				n += r.sampleCount as number;
				sum.w[0][0] += r.data.w[0][0];
				sum.w[1][0] += r.data.w[1][0];
				sum.b[0][0] += r.data.b[0][0];
			}
			const step = (v: number, g: number) => v - LEARNING_RATE * (g * (1 / n));
			return {
				w: [[step(reference.w[0][0], sum.w[0][0])], [step(reference.w[1][0], sum.w[1][0])]],
				b: [[step(reference.b[0][0], sum.b[0][0])]],
			};
		},
	};
}

/** FedAvg whose merge yields before some merges. */
class YieldingMerger extends ModelParametersMerger {
	constructor(private readonly rng: RandomGenerator) {
		super({ mergeType: "SampleWeighted" });
	}
	merge(children: Array<ModelParameters>): ModelParameters {
		if (this.rng.nextFloat() < 0.3) coroutine.yield();
		return super.merge(children);
	}
}

function parameterSubject(rng: RandomGenerator): Subject {
	const main = new DistributedModelParameters({ modelName: MODEL, totalNumberOfChildModelUpdatesToUpdateMainModel: 1e9, logRejections: false });
	main.setMainModelParameters({ w: [[0], [0]], b: [[0]] });
	main.setModelParametersMerger(new YieldingMerger(rng));
	return {
		add: (r) => main.addUpdate(r),
		flush: () => main.mergeQueued(),
		params: () => main.getMainModelParameters() as unknown as Params,
		version: () => main.getVersion(),
		pending: () => main.getPendingCount(),
		stats: () => main.getStatistics(),
		state: (r) => main.getUpdateState(identityOfRecord(r)),
		replay: (_, applied) => {
			let n = 0;
			for (const r of applied) n += r.sampleCount as number;
			const mean = (pick: (p: Params) => number) => {
				let total = 0;
				for (const r of applied) total += ((r.sampleCount as number) / n) * pick(r.data);
				return total;
			};
			return { w: [[mean((p) => p.w[0][0])], [mean((p) => p.w[1][0])]], b: [[mean((p) => p.b[0][0])]] };
		},
	};
}

function runStream(kind: UpdateKind, makeSubject: (rng: RandomGenerator) => Subject, seed: number) {
	const rng = new RandomGenerator(seed);
	const subject = makeSubject(new RandomGenerator(seed + 1));
	const rounds = table.create<number>(CHILDREN, 0);
	const sent = new Array<UpdateRecord<Params>>();
	const held = new Array<UpdateRecord<Params>>();
	const acknowledged = new Array<UpdateRecord<Params>>();
	const known = new Map<string, IdentityState>();
	let reference = subject.params();
	let suspended: thread | undefined;
	let inFlight = 0;
	const tally = { honest: 0, duplicate: 0, reordered: 0, stale: 0, misshaped: 0, nan: 0, huge: 0, flush: 0, yields: 0 };

	const record = (scale: number, baseLag: number, data?: unknown): UpdateRecord<Params> => {
		const child = rng.integer(0, CHILDREN - 1);
		rounds[child] += 1;
		const n = rng.integer(1, 20);
		const value = () => scale * (kind === "gradients" ? n * rng.normal(0, 1) : rng.normal(child * 0.1, 1));
		const payload = data ?? { w: [[value()], [value()]], b: [[value()]] };
		return createUpdate({
			kind,
			modelName: MODEL,
			round: rounds[child],
			childId: child,
			sampleCount: n,
			baseVersion: math.max(0, subject.version() - baseLag),
			data: payload as Params,
		});
	};
	const deliver = (r: UpdateRecord<Params>, expectAck?: boolean) => {
		const before = subject.stats().received;
		const ok = subject.add(r);
		ensure(subject.stats().received === before + 1, "every delivery is counted received");
		if (expectAck !== undefined)
			ensure(ok === expectAck, `delivery ${identityKey(identityOfRecord(r))} acknowledged: expected ${expectAck}, got ${ok}`);
		if (ok) {
			ensure(!known.has(identityKey(identityOfRecord(r))), "an identity is never acknowledged twice");
			acknowledged.push(r);
			known.set(identityKey(identityOfRecord(r)), "pending");
		}
		sent.push(r);
	};
	const runFlush = (resume: boolean) => {
		const [ok, result] = resume ? coroutine.resume(suspended!) : coroutine.resume((suspended = coroutine.create(() => subject.flush())));
		ensure(ok === true, `the flush failed: ${tostring(result)}`);
		if (coroutine.status(suspended!) === "suspended") {
			tally.yields += 1;
			if (!resume) inFlight = subject.stats().pending - subject.pending();
			return;
		}
		suspended = undefined;
		inFlight = 0;
		ensure(typeIs(result, "number"), "a finished flush returns its count");
	};

	const check = () => {
		const s = subject.stats();
		ensure(s.received === s.accepted + s.rejected + s.pending + s.cleared, "received = accepted + rejected + pending + cleared");
		ensure(s.pending === subject.pending() + inFlight, "pending = queued + in the suspended merge");
		const applied = new Array<UpdateRecord<Params>>();
		for (const r of acknowledged) {
			const key = identityKey(identityOfRecord(r));
			const now = subject.state(r);
			ensure(now !== undefined, `acknowledged ${key} was lost`);
			const was = known.get(key)!;
			if (was !== now) {
				ensure(was === "pending", `${key} settled twice (${was} → ${now})`);
				if (now === "applied") applied.push(r);
				known.set(key, now!);
			}
		}
		if (applied.size() > 0) reference = subject.replay(reference, applied);
		const p = subject.params();
		ensure(finite(p), "the main parameters are finite");
		ensure(close(p, reference), "the main parameters equal the reference replay of the accepted set");
	};

	for (const _ of $range(1, EVENTS)) {
		const u = rng.nextFloat();
		if (suspended !== undefined && u < 0.12) {
			runFlush(true);
		} else if (u < 0.4) {
			tally.honest += 1;
			deliver(record(1, 0));
		} else if (u < 0.5 && sent.size() > 0) {
			tally.duplicate += 1;
			const r = sent[rng.integer(0, sent.size() - 1)];
			const seen = known.has(identityKey(identityOfRecord(r)));
			deliver(r, seen ? false : undefined);
		} else if (u < 0.56) {
			held.push(record(1, 0)); // sent later, out of order
		} else if (u < 0.62 && held.size() > 0) {
			tally.reordered += 1;
			deliver(held.remove(rng.integer(0, held.size() - 1))!);
		} else if (u < 0.68) {
			tally.stale += 1;
			deliver(record(1, rng.integer(4, 8)));
		} else if (u < 0.73) {
			tally.misshaped += 1;
			deliver(record(1, 0, { w: [[1, 2]], b: [[0]] }), false);
		} else if (u < 0.78) {
			tally.nan += 1;
			const poisoned = record(1, 0);
			poisoned.data.w[0][0] = 0 / 0; // as a server running older code might send
			deliver(poisoned, false);
		} else if (u < 0.84) {
			tally.huge += 1;
			deliver(record(1e7, 0), sent.size() > 30 ? false : undefined);
		} else if (suspended === undefined) {
			tally.flush += 1;
			runFlush(false);
		} else {
			const before = subject.stats();
			const [ok, message] = pcall(() => subject.flush()); // another thread tries to merge meanwhile
			ensure(!ok && tostring(message).find("in progress", 1, true)[0] !== undefined, "a flush while one is suspended is refused");
			ensure(subject.stats().received === before.received && subject.stats().pending === before.pending, "a refused flush changes nothing");
		}
		check();
	}
	while (suspended !== undefined) {
		runFlush(true);
		check();
	}
	runFlush(false);
	while (suspended !== undefined) runFlush(true);
	check();
	const s = subject.stats();
	expect(s.pending).toBe(0);
	let applied = 0;
	known.forEach((state) => {
		ensure(state === "applied" || state === "rejected", "every acknowledged update was settled");
		if (state === "applied") applied += 1;
	});
	expect(s.accepted).toBe(applied);
	// the stream really exercised every kind of event
	for (const [name, count] of pairs(tally)) expect([name, count >= 20]).toEqual([name, true]);
	expect(s.rejectedNorm > 0 && s.rejectedDuplicate > 0).toBe(true);
}

describe("property: aggregators under a hostile stream", () => {
	for (const seed of [1, 2, 3]) {
		it(`DistributedGradients, seed ${seed}`, () => runStream("gradients", gradientSubject, seed));
		it(`DistributedModelParameters, seed ${seed}`, () => runStream("parameters", parameterSubject, seed));
	}
});
