import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import {
	assertModelParameters,
	assertSameStructure,
	copyParameters,
	describeParameters,
	getParameterEntry,
	isModelParameters,
	mapParameters,
	parameterCount,
	parameterEntries,
	parameterKind,
	zipParameters,
	ModelParameters,
} from "../../src/parameters";

const single = [[1], [2], [3]];
const list = [[[1, 2]], [[3], [4]]];
const record = { weights: [[1], [2]], bias: [[5]] };

describe("parameter tree: kinds and entries", () => {
	it("recognises the three shapes", () => {
		expect(parameterKind(single)).toBe("matrix");
		expect(parameterKind(list)).toBe("list");
		expect(parameterKind(record)).toBe("record");
		expect(isModelParameters(single)).toBe(true);
		expect(isModelParameters(list)).toBe(true);
		expect(isModelParameters(record)).toBe(true);
	});
	it("rejects what is none of them", () => {
		expect(isModelParameters(3)).toBe(false);
		expect(isModelParameters({})).toBe(false);
		expect(isModelParameters([[1, 2], [3]])).toBe(false);
		expect(isModelParameters([[0 / 0]])).toBe(false);
		expect(isModelParameters({ weights: [[1]], bad: 2 })).toBe(false);
		expect(isModelParameters([[[1]], [[1, 0 / 0]]])).toBe(false);
		expect(isModelParameters(["x"])).toBe(false);
	});
	it("names entries: empty for a matrix, 1-based for lists, sorted keys for records", () => {
		expect(parameterEntries(single)).toEqual([["", single]]);
		const e = parameterEntries(list);
		expect(e[0][0]).toBe("1");
		expect(e[1][0]).toBe("2");
		expect(e[1][1]).toBe(list[1]);
		const r = parameterEntries(record);
		expect(r.map((x) => x[0])).toEqual(["bias", "weights"]);
		expect(getParameterEntry(record, "weights")).toBe(record.weights);
		expect(getParameterEntry(list, "2")).toBe(list[1]);
		expect(getParameterEntry(list, "3")).toBeUndefined();
	});
	it("counts scalars", () => {
		expect(parameterCount(single)).toBe(3);
		expect(parameterCount(list)).toBe(4);
		expect(parameterCount(record)).toBe(3);
	});
	it("describes values for messages", () => {
		expect(describeParameters(single)).toBe("3×1");
		expect(describeParameters(list)).toBe("a list of 2 matrices");
		expect(describeParameters(record)).toBe("a record {bias, weights}");
		expect(describeParameters("x")).toBe("string");
	});
});

describe("parameter tree: walks", () => {
	it("maps keeping the structure and passing names", () => {
		const names = new Array<string>();
		const doubled = mapParameters(record, (m, name) => {
			names.push(name);
			return m.map((row) => row.map((v) => v * 2));
		}) as { [name: string]: Array<Array<number>> };
		expect(doubled.weights).toEqual([[2], [4]]);
		expect(doubled.bias).toEqual([[10]]);
		expect(names).toEqual(["bias", "weights"]);
		expect(mapParameters(single, (m) => m.map((row) => [row[0] + 1]))).toEqual([[2], [3], [4]]);
		const l = mapParameters(list, (m, name) => [[tonumber(name)!]]) as Array<Array<Array<number>>>;
		expect(l).toEqual([[[1]], [[2]]]);
	});
	it("copies deeply", () => {
		const c = copyParameters(list) as Array<Array<Array<number>>>;
		expect(c).toEqual(list);
		c[0][0][0] = 99;
		expect(list[0][0][0]).toBe(1);
	});
	it("zips several structures entry by entry (averaging)", () => {
		const a = { weights: [[1], [2]], bias: [[5]] };
		const b = { weights: [[3], [6]], bias: [[-1]] };
		const mean = zipParameters([a, b], (ms) => {
			const out = ms[0].map((row) => row.map(() => 0));
			for (const m of ms) for (const i of $range(0, m.size() - 1)) out[i][0] += m[i][0] / ms.size();
			return out;
		}) as { [name: string]: Array<Array<number>> };
		expect(mean.weights).toEqual([[2], [4]]);
		expect(mean.bias).toEqual([[2]]);
		const sumLists = zipParameters([list, list, list], (ms) => {
			expect(ms.size()).toBe(3);
			return ms[0].map((row) => row.map((v) => v * 3));
		}) as Array<Array<Array<number>>>;
		expect(sumLists[1]).toEqual([[9], [12]]);
	});
	it("survives HttpService JSON with the same entries", () => {
		for (const p of [single, list, record] as Array<ModelParameters>) {
			const back = HttpService.JSONDecode(HttpService.JSONEncode(p)) as ModelParameters;
			expect(isModelParameters(back)).toBe(true);
			expect(parameterEntries(back)).toEqual(parameterEntries(p));
		}
	});
});

describe("parameter tree: structure checks", () => {
	it("accepts equal structures", () => {
		expect(() => assertSameStructure(record, copyParameters(record), "Test")).never.toThrow();
		expect(() => assertSameStructure(list, copyParameters(list), "Test")).never.toThrow();
		expect(() => assertSameStructure(record, list, "Test")).toThrow();
	});
	it("names the differing entry and both shapes", () => {
		expectError(
			() => assertSameStructure(record, { weights: [[1], [2], [3]], bias: [[0]] }, "Avg", "main", "child"),
			"[Hivemind] Avg:",
			'entry "weights" of child must be 2×1 like main, got 3×1',
		);
		expectError(() => assertSameStructure(list, [[[1, 2]], [[3, 4]]], "Avg"), 'entry "2" of b must be 2×1 like a, got 1×2');
		expectError(() => assertSameStructure(single, [[1], [2]], "Avg"), "the matrix of b must be 3×1 like a, got 2×1");
	});
	it("rejects different kinds, counts and names", () => {
		expectError(() => assertSameStructure(single, list, "Avg"), "b must have the same structure as a (3×1), got a list of 2 matrices");
		expectError(
			() => assertSameStructure(list, [[[1, 2]]], "Avg"),
			"b must have 2 entries like a (a list of 2 matrices), got a list of 1 matrices",
		);
		expectError(
			() => assertSameStructure(record, { weights: [[1], [2]], offset: [[5]] }, "Avg"),
			"b must have the same entries as a (a record {bias, weights}), got a record {offset, weights}",
		);
		expectError(
			() => assertSameStructure(record, "nope", "Avg"),
			"[Hivemind] Avg: b must be a matrix, a list of matrices or a string-keyed table of matrices",
			"got string",
		);
	});
	it("asserts validity with the argument name", () => {
		expectError(
			() => assertModelParameters([[1, 0 / 0]], "parameters", "Model.setModelParameters"),
			"[Hivemind] Model.setModelParameters: parameters must be",
			"got 1×2",
		);
		assertModelParameters(record, "parameters", "X");
		expectError(() => zipParameters([], (ms) => ms[0]), "zipParameters: list must be a non-empty array");
		expectError(() => zipParameters([single, [[1]]], (ms) => ms[0]), "list[2]", "must be 3×1 like list[1], got 1×1");
	});
});
