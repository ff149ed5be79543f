//!native
/**
 * The codec's JSON: numbers written with 17 significant digits (every double round-trips
 * bit-exactly), object keys sorted (the same value always gives the same text), `null` refused
 * (a Luau table cannot hold nil: absent values use the wire format's sentinel). Independent of
 * HttpService, so it runs the same in Roblox, in Actors and under Lune. Callers validate first:
 * the encoder trusts that the value is plain data (see `plainDataProblem`).
 */

const TWO_53 = 9007199254740992;

function encodeString(s: string): string {
	const escaped = s.gsub('[%c"\\]', (c: string) => {
		if (c === '"') return '\\"';
		if (c === "\\") return "\\\\";
		if (c === "\n") return "\\n";
		if (c === "\r") return "\\r";
		if (c === "\t") return "\\t";
		return string.format("\\u%04x", c.byte()[0]);
	})[0];
	return `"${escaped}"`;
}

function encodeNumber(v: number): string {
	if (v === 0 && 1 / v < 0) return "-0";
	if (v === math.floor(v) && math.abs(v) < TWO_53) return string.format("%d", v);
	return string.format("%.17g", v);
}

function encodeValue(value: unknown, parts: Array<string>) {
	if (typeIs(value, "number")) {
		parts.push(encodeNumber(value));
	} else if (typeIs(value, "string")) {
		parts.push(encodeString(value));
	} else if (typeIs(value, "boolean")) {
		parts.push(value ? "true" : "false");
	} else if (typeIs(value, "table")) {
		const list = value as Array<unknown>;
		if (list[0] !== undefined || next(value)[0] === undefined) {
			parts.push("[");
			for (const i of $range(0, list.size() - 1)) {
				if (i > 0) parts.push(",");
				encodeValue(list[i], parts);
			}
			parts.push("]");
		} else {
			const keys = new Array<string>();
			for (const [key] of pairs(value as object)) keys.push(key as string);
			keys.sort((a, b) => a < b);
			parts.push("{");
			for (const i of $range(0, keys.size() - 1)) {
				if (i > 0) parts.push(",");
				parts.push(encodeString(keys[i]), ":");
				encodeValue((value as { [k: string]: unknown })[keys[i]], parts);
			}
			parts.push("}");
		}
	} else {
		error(`[Hivemind] encodeJson: cannot encode a ${typeOf(value)}`, 2);
	}
}

/** JSON text for plain data (numbers, strings, booleans, dense arrays, string-keyed tables). */
export function encodeJson(value: unknown): string {
	const parts = new Array<string>();
	encodeValue(value, parts);
	return parts.join("");
}

const SIMPLE_ESCAPES: { [k: string]: string } = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class JsonReader {
	position = 1;
	constructor(readonly text: string) {}

	fail(what: string): never {
		error(`[Hivemind] decodeJson: ${what} at character ${this.position}`, 0);
	}

	skipSpace() {
		const [, last] = this.text.find("^[ \n\r\t]*", this.position);
		this.position = (last ?? this.position - 1) + 1;
	}

	peek(): string {
		return this.text.sub(this.position, this.position);
	}

	expectLiteral(word: string) {
		if (this.text.sub(this.position, this.position + word.size() - 1) !== word) this.fail(`expected ${word}`);
		this.position += word.size();
	}

	readValue(depth: number): defined {
		if (depth > 64) this.fail("nesting deeper than 64 levels");
		this.skipSpace();
		const c = this.peek();
		if (c === "{") return this.readObject(depth);
		if (c === "[") return this.readArray(depth);
		if (c === '"') return this.readString();
		if (c === "t") {
			this.expectLiteral("true");
			return true;
		}
		if (c === "f") {
			this.expectLiteral("false");
			return false;
		}
		if (c === "n") this.fail("null is not allowed (absent values use the ABSENT sentinel)");
		return this.readNumber();
	}

	readNumber(): number {
		const [first, last] = this.text.find("^-?%d+%.?%d*[eE]?[-+]?%d*", this.position);
		if (first === undefined || last === undefined) this.fail("expected a value");
		const value = tonumber(this.text.sub(first, last));
		if (value === undefined) this.fail(`malformed number "${this.text.sub(first, last)}"`);
		this.position = last + 1;
		return value;
	}

	readString(): string {
		this.position += 1;
		const pieces = new Array<string>();
		while (true) {
			const [first] = this.text.find('["\\]', this.position);
			if (first === undefined) this.fail("unterminated string");
			pieces.push(this.text.sub(this.position, first - 1));
			this.position = first + 1;
			if (this.text.sub(first, first) === '"') break;
			const e = this.text.sub(this.position, this.position);
			this.position += 1;
			if (e === "u") {
				const code = tonumber(this.text.sub(this.position, this.position + 3), 16);
				if (code === undefined) this.fail("malformed \\u escape");
				pieces.push(utf8.char(code));
				this.position += 4;
			} else {
				const s = SIMPLE_ESCAPES[e];
				if (s === undefined) this.fail(`unknown escape \\${e}`);
				pieces.push(s);
			}
		}
		return pieces.join("");
	}

	readArray(depth: number): Array<defined> {
		this.position += 1;
		const out = new Array<defined>();
		this.skipSpace();
		if (this.peek() === "]") {
			this.position += 1;
			return out;
		}
		while (true) {
			out.push(this.readValue(depth + 1));
			this.skipSpace();
			const c = this.peek();
			this.position += 1;
			if (c === "]") return out;
			if (c !== ",") this.fail("expected , or ]");
		}
	}

	readObject(depth: number): { [key: string]: unknown } {
		this.position += 1;
		const out: { [key: string]: unknown } = {};
		this.skipSpace();
		if (this.peek() === "}") {
			this.position += 1;
			return out;
		}
		while (true) {
			this.skipSpace();
			if (this.peek() !== '"') this.fail("expected a string key");
			const key = this.readString();
			this.skipSpace();
			if (this.peek() !== ":") this.fail("expected :");
			this.position += 1;
			out[key] = this.readValue(depth + 1);
			this.skipSpace();
			const c = this.peek();
			this.position += 1;
			if (c === "}") return out;
			if (c !== ",") this.fail("expected , or }");
		}
	}
}

/** Parses JSON text produced by {@link encodeJson} (or any JSON without null). */
export function decodeJson(text: string): unknown {
	const reader = new JsonReader(text);
	const value = reader.readValue(0);
	reader.skipSpace();
	if (reader.position <= text.size()) reader.fail("unexpected text after the value");
	return value;
}
