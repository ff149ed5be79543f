//!native
/**
 * The compact binary form of a flat vector of numbers, in a `buffer`: a 7-byte header
 * (magic `H`, format 1, encoding, count as u32) then the values as
 * - `f64`: 8 bytes each, lossless;
 * - `f32`: 4 bytes each (IEEE single; rounding only);
 * - `q8`: blocks of 256 values, each block one f32 scale (largest |x| / 127) then one signed byte per value;
 * - `topk`: the k largest |x| as (u32 index, f32 value) pairs, every other entry 0.
 * Non-finite values are refused before anything is written.
 */
import { describeValue, isFiniteNumber } from "../core/describe";

/** How a vector is written. */
export type VectorEncoding = "f64" | "f32" | "q8" | "topk";

/** Every encoding, in the order of its code on the wire. */
export const VECTOR_ENCODINGS: Array<VectorEncoding> = ["f64", "f32", "q8", "topk"];

const MAGIC = 72; // "H"
const FORMAT = 1;
const HEADER = 7;
/** Values per q8 block (one scale each). */
export const Q8_BLOCK = 256;
const F32_MAX = 3.4028234663852886e38;

/** The size in bytes of `count` values written with `encoding` (`kept` = entries a topk keeps). */
export function encodedByteCount(count: number, encoding: VectorEncoding, kept = 0): number {
	if (encoding === "f64") return HEADER + 8 * count;
	if (encoding === "f32") return HEADER + 4 * count;
	if (encoding === "q8") return HEADER + count + 4 * math.ceil(count / Q8_BLOCK);
	return HEADER + 4 + 8 * kept;
}

function assertVector(values: Array<number>, where: string, single: boolean) {
	if (!typeIs(values, "table")) error(`[Hivemind] ${where}: values must be an array of finite numbers, got ${describeValue(values)}`, 3);
	for (const i of $range(0, values.size() - 1)) {
		const v = values[i];
		if (!isFiniteNumber(v) || (single && math.abs(v) > F32_MAX)) {
			const expected = single ? "finite numbers within the f32 range" : "finite numbers";
			error(`[Hivemind] ${where}: values[${i + 1}] must be one of ${expected}, got ${describeValue(v)}`, 3);
		}
	}
}

/** The indices of the `k` largest |values| (ties to the lower index), ascending. */
function largestIndices(values: Array<number>, k: number): Array<number> {
	const order = new Array<number>();
	for (const i of $range(0, values.size() - 1)) order.push(i);
	order.sort((a, b) => {
		const da = math.abs(values[a]);
		const db = math.abs(values[b]);
		return da !== db ? da > db : a < b;
	});
	const kept = new Array<number>();
	for (const i of $range(0, k - 1)) kept.push(order[i]);
	kept.sort((a, b) => a < b);
	return kept;
}

/**
 * Writes `values` with `encoding`; `keepFraction` (0 < f ≤ 1, default 0.1) is the share a `topk`
 * keeps (at least one entry). Throws `[Hivemind] encodeVector: ...` on a non-finite value.
 */
export function encodeVector(values: Array<number>, encoding: VectorEncoding, keepFraction = 0.1): buffer {
	const where = "encodeVector";
	if (!VECTOR_ENCODINGS.includes(encoding))
		error(`[Hivemind] ${where}: encoding must be one of "f64", "f32", "q8", "topk", got ${describeValue(encoding)}`, 2);
	if (!isFiniteNumber(keepFraction) || keepFraction <= 0 || keepFraction > 1)
		error(`[Hivemind] ${where}: keepFraction must be a number in (0, 1], got ${describeValue(keepFraction)}`, 2);
	assertVector(values, where, encoding !== "f64");
	const n = values.size();
	const kept = encoding === "topk" ? math.clamp(math.floor(n * keepFraction + 0.5), math.min(1, n), n) : 0;
	const out = buffer.create(encodedByteCount(n, encoding, kept));
	buffer.writeu8(out, 0, MAGIC);
	buffer.writeu8(out, 1, FORMAT);
	buffer.writeu8(out, 2, VECTOR_ENCODINGS.indexOf(encoding));
	buffer.writeu32(out, 3, n);
	let o = HEADER;
	if (encoding === "f64") {
		for (const i of $range(1, n)) buffer.writef64(out, o + 8 * (i - 1), values[i - 1]);
	} else if (encoding === "f32") {
		for (const i of $range(1, n)) buffer.writef32(out, o + 4 * (i - 1), values[i - 1]);
	} else if (encoding === "q8") {
		for (const start of $range(0, n - 1, Q8_BLOCK)) {
			const stop = math.min(start + Q8_BLOCK, n) - 1;
			let largest = 0;
			for (const i of $range(start, stop)) largest = math.max(largest, math.abs(values[i]));
			buffer.writef32(out, o, largest / 127);
			// The scale as it will be read back, so rounding matches the decoder's.
			const scale = buffer.readf32(out, o);
			o += 4;
			for (const i of $range(start, stop)) {
				const q = scale > 0 ? math.clamp(math.round(values[i] / scale), -127, 127) : 0;
				buffer.writei8(out, o, q);
				o += 1;
			}
		}
	} else {
		buffer.writeu32(out, o, kept);
		o += 4;
		for (const index of largestIndices(values, kept)) {
			buffer.writeu32(out, o, index);
			buffer.writef32(out, o + 4, values[index]);
			o += 8;
		}
	}
	return out;
}

/** The encoding of an encoded vector (throws on a buffer that is not one). */
export function vectorEncodingOf(data: buffer): VectorEncoding {
	if (!typeIs(data, "buffer") || buffer.len(data) < HEADER || buffer.readu8(data, 0) !== MAGIC || buffer.readu8(data, 1) !== FORMAT) {
		error(`[Hivemind] decodeVector: data must be a buffer from encodeVector (format ${FORMAT}), got ${describeValue(data)}`, 3);
	}
	const encoding = VECTOR_ENCODINGS[buffer.readu8(data, 2)];
	if (encoding === undefined) error(`[Hivemind] decodeVector: data must name a known encoding, got code ${buffer.readu8(data, 2)}`, 3);
	return encoding;
}

/** The values of a buffer written by {@link encodeVector} (f64 bit for bit). */
export function decodeVector(data: buffer): Array<number> {
	const encoding = vectorEncodingOf(data);
	const n = buffer.readu32(data, 3);
	const expected =
		encoding === "topk" && buffer.len(data) >= HEADER + 4
			? encodedByteCount(n, "topk", buffer.readu32(data, HEADER))
			: encodedByteCount(n, encoding);
	if (buffer.len(data) !== expected)
		error(`[Hivemind] decodeVector: data must be ${expected} bytes for ${n} ${encoding} values, got ${buffer.len(data)}`, 2);
	const values = new Array<number>(n);
	let o = HEADER;
	if (encoding === "f64") {
		for (const i of $range(1, n)) values.push(buffer.readf64(data, o + 8 * (i - 1)));
	} else if (encoding === "f32") {
		for (const i of $range(1, n)) values.push(buffer.readf32(data, o + 4 * (i - 1)));
	} else if (encoding === "q8") {
		for (const start of $range(0, n - 1, Q8_BLOCK)) {
			const scale = buffer.readf32(data, o);
			o += 4;
			for (const _ of $range(start, math.min(start + Q8_BLOCK, n) - 1)) {
				values.push(buffer.readi8(data, o) * scale);
				o += 1;
			}
		}
	} else {
		for (const _ of $range(1, n)) values.push(0);
		const kept = buffer.readu32(data, o);
		o += 4;
		for (const _ of $range(1, kept)) {
			const index = buffer.readu32(data, o);
			if (index >= n) error(`[Hivemind] decodeVector: topk index must be below ${n}, got ${index}`, 2);
			values[index] = buffer.readf32(data, o + 4);
			o += 8;
		}
	}
	return values;
}
