// The headless HttpService:JSONEncode / JSONDecode (harness/httpJson.luau) against the library's
// exact codec (src/core/json.ts): every finite double, subnormals and -0 included, comes back bit
// for bit through either encoder and either decoder; and the stand-in refuses what Roblox refuses.
import { describe, expect, it } from "../support/jest-globals";
import { HttpService } from "@rbxts/services";
import { decodeJson, encodeJson } from "../../src/core/json";
import { RandomGenerator } from "../../src/matrix/random";

/** `count` doubles from random bit patterns (NaN and infinities left out), plus edge values. */
function randomDoubles(count: number, seed: number): Array<number> {
	const rng = new RandomGenerator(seed);
	const bits = buffer.create(8);
	const out = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740993, 0.1, 1 / 3, 1e-17];
	while (out.size() < count) {
		buffer.writeu32(bits, 0, rng.integer(0, 4294967295));
		buffer.writeu32(bits, 4, rng.integer(0, 4294967295));
		const v = buffer.readf64(bits, 0);
		if (v === v && math.abs(v) < math.huge) out.push(v);
	}
	return out;
}

/** True when a and b are the same double (-0 and 0 told apart). */
function sameBits(a: unknown, b: number): boolean {
	return typeIs(a, "number") && a === b && (b !== 0 || 1 / a === 1 / b);
}

describe("HttpService JSON stand-in", () => {
	it("round-trips 20,000 random doubles bit for bit, alone and against the library's codec", () => {
		const values = randomDoubles(20000, 15);
		let wrong = 0;
		for (const v of values) {
			const viaHttp = (HttpService.JSONDecode(HttpService.JSONEncode([v])) as Array<number>)[0];
			const httpToLibrary = (decodeJson(HttpService.JSONEncode([v])) as Array<number>)[0];
			const libraryToHttp = (HttpService.JSONDecode(encodeJson([v])) as Array<number>)[0];
			if (!sameBits(viaHttp, v) || !sameBits(httpToLibrary, v) || !sameBits(libraryToHttp, v)) wrong += 1;
		}
		expect(wrong).toBe(0);
	});

	it("encodes arrays, objects (keys sorted) and an empty table as []; decodes null to nil", () => {
		expect(HttpService.JSONEncode({ b: [1, 2.5, "x\n"], a: true })).toBe('{"a":true,"b":[1,2.5,"x\\n"]}');
		expect(HttpService.JSONEncode({})).toBe("[]");
		const decoded = HttpService.JSONDecode('{"a":null,"b":[1,{"c":"\\u00e9\\ud83d\\ude00"}]}') as { a?: unknown; b: [number, { c: string }] };
		expect(decoded.a).toBeUndefined();
		expect(decoded.b[1].c).toBe("é😀");
	});

	it("refuses NaN, infinities, functions, mixed tables and malformed text", () => {
		expect(pcall(() => HttpService.JSONEncode([0 / 0]))[0]).toBe(false);
		expect(tostring(pcall(() => HttpService.JSONEncode({ x: math.huge }))[1])).toBe("Can't convert to JSON: value.x is not a finite number");
		expect(pcall(() => HttpService.JSONEncode([() => 1]))[0]).toBe(false);
		const mixed = [1, 2] as unknown as { [k: string]: unknown };
		mixed.name = "x";
		expect(tostring(pcall(() => HttpService.JSONEncode(mixed))[1])).toBe(
			"Can't convert to JSON: value mixes array and string keys (or has holes)",
		);
		expect(pcall(() => HttpService.JSONDecode("[1,"))[0]).toBe(false);
		expect(pcall(() => HttpService.JSONDecode("{1:2}"))[0]).toBe(false);
	});
});
