import { describe, expect, it } from "../support/jest-globals";
import { expectError } from "../support/numeric";
import { decodeBase64, encodeBase64 } from "../../src/cluster/base64";
import { decodeVector, encodedByteCount, encodeVector } from "../../src/cluster/codec";
import { ErrorFeedback } from "../../src/cluster/ErrorFeedback";
import { wireTable } from "../../cli/cluster/wire";

describe("base64", () => {
	it("matches RFC 4648's examples and round-trips every byte", () => {
		// RFC 4648 section 10: "f" → "Zg==", "fo" → "Zm8=", "foo" → "Zm9v", "foobar" → "Zm9vYmFy".
		expect(encodeBase64(buffer.fromstring("f"))).toBe("Zg==");
		expect(encodeBase64(buffer.fromstring("fo"))).toBe("Zm8=");
		expect(encodeBase64(buffer.fromstring("foobar"))).toBe("Zm9vYmFy");
		const all = buffer.create(256);
		for (const i of $range(0, 255)) buffer.writeu8(all, i, i);
		expect(buffer.tostring(decodeBase64(encodeBase64(all)))).toBe(buffer.tostring(all));
		expectError(() => decodeBase64("Zm9"), "decodeBase64: text must be a base64 string");
		expectError(() => decodeBase64("Zm9!"), 'got "!" at 4');
	});
});

describe("encodeVector", () => {
	it("f64 is bit-identical, 8 bytes per value plus a 7-byte header", () => {
		const values = [0.1, -1 / 3, 1e-300, 123456789.123456789, -0];
		const data = encodeVector(values, "f64");
		expect(buffer.len(data)).toBe(7 + 8 * 5);
		const back = decodeVector(data);
		for (const i of $range(0, 4)) expect(back[i] === values[i]).toBe(true);
		expect(1 / back[4]).toBe(-math.huge);
	});

	it("q8 stores one byte per value and one f32 scale per 256 values; each value within half a step", () => {
		expect(encodedByteCount(1000, "q8")).toBe(7 + 1000 + 4 * 4);
		const values = [1, -0.5, 0.25, 0.004];
		const back = decodeVector(encodeVector(values, "q8"));
		// scale = f32(1/127); 0.25·127 = 31.75 → 32; 0.004·127 = 0.508 → 1
		const scale = 1 / 127;
		expect(math.abs(back[0] - 127 * scale)).toBeLessThan(1e-7);
		expect(math.abs(back[2] - 32 * scale)).toBeLessThan(1e-7);
		expect(math.abs(back[3] - 1 * scale)).toBeLessThan(1e-7);
		for (const i of $range(0, 3)) expect(math.abs(back[i] - values[i])).toBeLessThanOrEqual(scale / 2 + 1e-7);
	});

	it("topk keeps the largest magnitudes and zeroes the rest; f32 rounds to single precision", () => {
		const back = decodeVector(encodeVector([0.1, -5, 0.2, 3, -0.3], "topk", 0.4));
		expect(back).toEqual([0, -5, 0, 3, 0]);
		expect(decodeVector(encodeVector([0.5, -2], "f32"))).toEqual([0.5, -2]);
	});

	it("refuses non-finite values and foreign buffers", () => {
		expectError(() => encodeVector([1, 0 / 0], "f64"), "encodeVector: values[2] must be one of finite numbers, got NaN");
		expectError(() => encodeVector([1e39], "f32"), "values[1] must be one of finite numbers within the f32 range");
		expectError(() => encodeVector([1], "f16" as never), 'encoding must be one of "f64", "f32", "q8", "topk", got "f16"');
		expectError(() => decodeVector(buffer.fromstring("nonsense")), "decodeVector: data must be a buffer from encodeVector");
	});
});

describe("ErrorFeedback", () => {
	it("carries what q8 drops into the next update, so the sent total tracks the true total", () => {
		const feedback = new ErrorFeedback("q8");
		const update = [1, 0.003, -0.002];
		let sent = [0, 0, 0];
		for (const _ of $range(1, 10)) {
			const [, decoded] = feedback.compress(update);
			sent = sent.map((v, i) => v + decoded[i]);
		}
		const residual = feedback.getResidual();
		// Telescoping: Σ decoded + final residual = Σ inputs, entry by entry (to rounding).
		for (const i of $range(0, 2)) expect(math.abs(sent[i] + residual[i] - 10 * update[i])).toBeLessThan(1e-12);
		// Without feedback the small entries would round to 0 every time; with it they arrive.
		expect(math.abs(sent[1] - 0.03)).toBeLessThan(1 / 127);
	});
});

describe("wire sizes (the BENCHMARKS.md row)", () => {
	it("lossless f64 is at most 8.5 bytes per parameter and q8 at most 1.1; feedback shrinks the error of the mean", () => {
		const rows = wireTable(1000, 20, 5);
		const f64 = rows.find((r) => r.encoding === "f64")!;
		const q8 = rows.find((r) => r.encoding === "q8")!;
		// header 7 bytes; f64 8 per value; q8 1 per value + a 4-byte scale per 256 values (4 blocks)
		expect(f64.bytesPerParameter).toBe((7 + 8000) / 1000);
		expect(q8.bytesPerParameter).toBe((7 + 1000 + 16) / 1000);
		expect(f64.bytesPerParameter <= 8.5 && q8.bytesPerParameter <= 1.1).toBe(true);
		// base64 in a DataStore: 4 characters per 3 bytes
		expect(q8.storedCharactersPerParameter).toBe((4 * math.ceil(1023 / 3)) / 1000);
		expect(f64.relativeError).toBe(0);
		expect(q8.meanErrorWithFeedback).toBeLessThan(q8.meanErrorWithoutFeedback);
	});
});
