import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import {
	ABSENT,
	createUpdate,
	decodeUpdate,
	deriveSeed,
	encodeUpdate,
	fromAbsent,
	SCHEMA_VERSION,
	updateProblem,
	validateUpdate,
} from "../../src/distributed/wire";
import { decodeJson, encodeJson } from "../../src/core/json";
import { RandomGenerator } from "../../src/matrix/random";

function record(data: unknown, extra?: { [key: string]: unknown }) {
	const r: { [key: string]: unknown } = {
		kind: "parameters",
		schemaVersion: SCHEMA_VERSION,
		modelName: "LinearRegression",
		round: 3,
		childId: 2,
		sampleCount: 10,
		baseVersion: ABSENT,
		data,
	};
	if (extra) for (const [k, v] of pairs(extra)) r[k as string] = v;
	return r;
}

describe("wire format: createUpdate and validateUpdate", () => {
	it("fills schemaVersion and the ABSENT sentinel", () => {
		const u = createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 1, data: [[1, 2]] });
		expect(u.schemaVersion).toBe(1);
		expect(u.sampleCount).toBe(ABSENT);
		expect(u.baseVersion).toBe(ABSENT);
		expect(fromAbsent(u.sampleCount)).toBe(undefined);
		const v = createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 1, sampleCount: 5, baseVersion: 4, data: [[1]] });
		expect(fromAbsent(v.sampleCount)).toBe(5);
		expect(fromAbsent(v.baseVersion)).toBe(4);
	});
	it("accepts the three parameter shapes and any plain statistics table", () => {
		expect(updateProblem(record([[1, 2]]))).toBe(undefined);
		expect(updateProblem(record([[[1]], [[2, 3]]]))).toBe(undefined);
		expect(updateProblem(record({ weights: [[1]], bias: [[0]] }))).toBe(undefined);
		expect(updateProblem(record({ n: 3, mean: [[1, 2]], note: "x", ok: true }, { kind: "statistics" }))).toBe(undefined);
	});
	it("names the path of a non-finite number inside data", () => {
		const weights = [
			[1, 2],
			[3, 4],
			[5, 0 / 0],
		];
		expectError(() => validateUpdate(record({ weights })), "[Hivemind] validateUpdate: data.weights[3][2] must be a finite number, got NaN");
		expectError(() => validateUpdate(record([[math.huge]])), "data[1][1] must be a finite number, got inf");
		expectError(() => validateUpdate(record({ "a b": [[-math.huge]] })), 'data["a b"][1][1] must be a finite number, got -inf');
	});
	it("rejects sparse arrays, mixed-key tables and non-plain values", () => {
		const sparse: { [k: number]: unknown } = {};
		sparse[1] = 1;
		sparse[3] = 2;
		expectError(
			() => validateUpdate(record({ n: 1, list: sparse }, { kind: "statistics" })),
			"data.list must be a dense array, got a sparse one (2 values, highest position 3)",
		);
		const mixed = [1, 2] as unknown as { [k: string]: unknown };
		mixed.extra = 3;
		expectError(
			() => validateUpdate(record({ mixed }, { kind: "statistics" })),
			'data.mixed must be an array or a string-keyed table, not both (it has 2 array positions and the key "extra")',
		);
		expectError(
			() => validateUpdate(record({ f: () => 1 }, { kind: "statistics" })),
			"data.f must be plain data (a number, string, boolean, array or string-keyed table), got a function",
		);
		const cyclic: { [k: string]: unknown } = {};
		cyclic.self = cyclic;
		expectError(() => validateUpdate(record({ c: cyclic }, { kind: "statistics" })), "data.c.self must not contain itself (a cycle)");
		const fractional: { [k: number]: unknown } = {};
		fractional[1.5] = 1;
		expectError(
			() => validateUpdate(record({ x: fractional }, { kind: "statistics" })),
			"data.x must have array positions 1, 2, … or string keys, got the key 1.5",
		);
	});
	it("rejects wrong kinds, versions and header fields", () => {
		expectError(
			() => validateUpdate(record([[1]], { kind: "weights" })),
			'kind must be one of "gradients", "parameters", "statistics", got "weights"',
		);
		expectError(() => validateUpdate(record([[1]], { schemaVersion: 2 })), "schemaVersion must be 1, got 2");
		expectError(() => validateUpdate(record([[1]], { modelName: "" })), 'modelName must be a non-empty string, got ""');
		expectError(() => validateUpdate(record([[1]], { round: -1 })), "round must be an integer ≥ 0, got -1");
		expectError(() => validateUpdate(record([[1]], { childId: 1.5 })), "childId must be an integer ≥ 0, got 1.5");
		expectError(() => validateUpdate(record([[1]], { sampleCount: 0 })), "sampleCount must be an integer ≥ 1 or ABSENT, got 0");
		expectError(() => validateUpdate(record([[1]], { baseVersion: "x" })), 'baseVersion must be an integer ≥ 0 or ABSENT, got "x"');
		expectError(() => validateUpdate(record([[1]], { extra: 1 })), 'got the field "extra"');
		expectError(() => validateUpdate(record(5)), "data must be a table, got 5");
		expectError(
			() => validateUpdate(record({ n: 3 })),
			"data of a parameters update must be a matrix, a list of matrices or a string-keyed table of matrices",
		);
		expectError(() => validateUpdate(7), "record must be a table, got 7");
		expectError(() => createUpdate(3 as never), "createUpdate: fields must be a table, got 3");
		expectError(
			() => createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 0, data: [[0 / 0]] }),
			"createUpdate: data[1][1] must be a finite number, got NaN",
		);
	});
});

describe("wire format: codec", () => {
	it("round-trips every double bit-exactly and writes sorted keys", () => {
		const data = { w: [[0.1, 1 / 3, -2.5e-300, 123456789.123456789, 2 ** 60]], b: [[-0]] };
		const u = createUpdate({ kind: "parameters", modelName: "Net", round: 7, childId: 3, sampleCount: 12, data });
		const text = encodeUpdate(u);
		const back = decodeUpdate<typeof data>(text);
		expect(back.data.w[0][1]).toBe(1 / 3);
		expect(back.data.w[0][2]).toBe(-2.5e-300);
		expect(back.data.w[0][3]).toBe(123456789.123456789);
		expect(back.data.w[0][4]).toBe(2 ** 60);
		expect(back.data.w[0][0]).toBe(0.1);
		expect(1 / back.data.b[0][0]).toBe(-math.huge);
		expect(back.baseVersion).toBe(ABSENT);
		expect(back.sampleCount).toBe(12);
		expect(encodeUpdate(back)).toBe(text);
		expect(text.find('^{"baseVersion":"__hivemind_absent__","childId":3,"data":{"b":', 1)[0]).toBe(1);
	});
	it("encodes strings with escapes and decodes them back", () => {
		const value = { s: 'quote " backslash \\ newline \n tab \t bell \a', u: "é" };
		expect(decodeJson(encodeJson(value))).toEqual(value);
		expect(decodeJson(' { "a" : [ 1 , 2.5e3 , true , false , "\\u0041\\/" ] } ')).toEqual({ a: [1, 2500, true, false, "A/"] });
	});
	it("refuses to encode an invalid record, and decodes only valid JSON records", () => {
		const u = createUpdate({ kind: "parameters", modelName: "M", round: 0, childId: 0, data: [[1]] });
		(u.data as Array<Array<number>>)[0][0] = 0 / 0;
		expectError(() => encodeUpdate(u), "[Hivemind] encodeUpdate: data[1][1] must be a finite number, got NaN");
		expectError(
			() => decodeUpdate("{"),
			"[Hivemind] decodeUpdate: text must be JSON from encodeUpdate, got expected a string key at character 2",
		);
		expectError(() => decodeUpdate('{"a":null}'), "null is not allowed (absent values use the ABSENT sentinel) at character 6");
		expectError(() => decodeUpdate("[1] x"), "unexpected text after the value at character 5");
		expectError(() => decodeUpdate('"abc'), "unterminated string");
		expectError(() => decodeUpdate("[1 2]"), "expected , or ]");
		expectError(() => decodeUpdate('{"kind":"parameters"}'), "decodeUpdate: schemaVersion must be 1, got nil");
		expectError(() => decodeUpdate(5 as never), "decodeUpdate: text must be a string, got 5");
	});
});

describe("deriveSeed", () => {
	it("is the first draw of the main generator forked by the child id, and replays", () => {
		expect(deriveSeed(42, 3)).toBe(new RandomGenerator(42).fork(3).nextUInt32());
		expect(deriveSeed(42, 3)).toBe(deriveSeed(42, 3));
		expect(deriveSeed(42, 3)).never.toBe(deriveSeed(42, 4));
		expect(deriveSeed(42, 3)).never.toBe(deriveSeed(43, 3));
		const s = deriveSeed(7, 0);
		expect(s >= 0 && s < 2 ** 32 && s === math.floor(s)).toBe(true);
	});
	it("validates its arguments", () => {
		expectError(() => deriveSeed(0 / 0, 1), "[Hivemind] deriveSeed: mainSeed must be a finite number, got NaN");
		expectError(() => deriveSeed(1, -1), "[Hivemind] deriveSeed: childId must be an integer ≥ 0, got -1");
	});
});
