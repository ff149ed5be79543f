//!native
/**
 * Base64 (RFC 4648, with `=` padding) between a `buffer` and a string: the form a DataStore or
 * MemoryStore value takes when it must be text. Four characters per three bytes.
 */
import { describeValue } from "../core/describe";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ENCODE = new Array<number>();
const DECODE = new Array<number>();
for (const _ of $range(0, 255)) DECODE.push(-1);
for (const i of $range(1, 64)) {
	const code = string.byte(ALPHABET, i)[0];
	ENCODE.push(code);
	DECODE[code] = i - 1;
}
const PAD = 61; // "="

/** The base64 text of the bytes of `data`. */
export function encodeBase64(data: buffer): string {
	const n = buffer.len(data);
	const out = buffer.create(math.ceil(n / 3) * 4);
	let o = 0;
	const full = n - (n % 3);
	for (const i of $range(0, full - 1, 3)) {
		const v = bit32.bor(bit32.lshift(buffer.readu8(data, i), 16), bit32.lshift(buffer.readu8(data, i + 1), 8), buffer.readu8(data, i + 2));
		buffer.writeu8(out, o, ENCODE[bit32.rshift(v, 18)]);
		buffer.writeu8(out, o + 1, ENCODE[bit32.band(bit32.rshift(v, 12), 63)]);
		buffer.writeu8(out, o + 2, ENCODE[bit32.band(bit32.rshift(v, 6), 63)]);
		buffer.writeu8(out, o + 3, ENCODE[bit32.band(v, 63)]);
		o += 4;
	}
	const rest = n - full;
	if (rest > 0) {
		const b0 = buffer.readu8(data, full);
		const b1 = rest === 2 ? buffer.readu8(data, full + 1) : 0;
		const v = bit32.bor(bit32.lshift(b0, 16), bit32.lshift(b1, 8));
		buffer.writeu8(out, o, ENCODE[bit32.rshift(v, 18)]);
		buffer.writeu8(out, o + 1, ENCODE[bit32.band(bit32.rshift(v, 12), 63)]);
		buffer.writeu8(out, o + 2, rest === 2 ? ENCODE[bit32.band(bit32.rshift(v, 6), 63)] : PAD);
		buffer.writeu8(out, o + 3, PAD);
	}
	return buffer.tostring(out);
}

/** The bytes of base64 `text`; throws `[Hivemind] decodeBase64: ...` on a character outside the alphabet or a bad length. */
export function decodeBase64(text: string): buffer {
	if (!typeIs(text, "string") || text.size() % 4 !== 0) {
		error(`[Hivemind] decodeBase64: text must be a base64 string (length a multiple of 4), got ${describeValue(text)}`, 2);
	}
	const source = buffer.fromstring(text);
	const length = text.size();
	let padding = 0;
	if (length > 0 && buffer.readu8(source, length - 1) === PAD) padding += 1;
	if (length > 1 && buffer.readu8(source, length - 2) === PAD) padding += 1;
	const out = buffer.create((length / 4) * 3 - padding);
	let o = 0;
	for (const i of $range(0, length - 1, 4)) {
		let v = 0;
		for (const k of $range(0, 3)) {
			const c = buffer.readu8(source, i + k);
			const d = c === PAD && i + k >= length - padding ? 0 : DECODE[c];
			if (d < 0)
				error(`[Hivemind] decodeBase64: text must only hold base64 characters, got ${describeValue(string.char(c))} at ${i + k + 1}`, 2);
			v = bit32.bor(bit32.lshift(v, 6), d);
		}
		buffer.writeu8(out, o, bit32.rshift(v, 16));
		if (o + 1 < buffer.len(out)) buffer.writeu8(out, o + 1, bit32.band(bit32.rshift(v, 8), 255));
		if (o + 2 < buffer.len(out)) buffer.writeu8(out, o + 2, bit32.band(v, 255));
		o += 3;
	}
	return out;
}
