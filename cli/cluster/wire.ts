/**
 * The wire-size table: for each encoding, bytes per parameter in the buffer and in the stored
 * base64 text, the relative error of one update, and the relative error of the running mean of
 * `rounds` updates with and without error feedback (what merging many rounds sees).
 */
import { encodeBase64 } from "../../src/cluster/base64";
import { decodeVector, encodeVector, VECTOR_ENCODINGS, VectorEncoding } from "../../src/cluster/codec";
import { ErrorFeedback } from "../../src/cluster/ErrorFeedback";
import { RandomGenerator } from "../../src/matrix/random";

/** One row of the table. */
export interface WireRow {
	encoding: VectorEncoding;
	bytesPerParameter: number;
	storedCharactersPerParameter: number;
	relativeError: number;
	meanErrorWithoutFeedback: number;
	meanErrorWithFeedback: number;
}

function relative(a: Array<number>, b: Array<number>): number {
	let num = 0;
	let den = 0;
	for (const i of $range(0, a.size() - 1)) {
		num += (a[i] - b[i]) ** 2;
		den += b[i] ** 2;
	}
	return math.sqrt(num / math.max(den, 1e-300));
}

/** Measures every encoding on `rounds` updates of `parameters` normal values (the same mean each round plus noise). */
export function wireTable(parameters: number, rounds: number, seed: number): Array<WireRow> {
	const rng = new RandomGenerator(seed);
	const mean = new Array<number>();
	for (const _ of $range(1, parameters)) mean.push(rng.normal(0, 1) * 0.01);
	const updates = new Array<Array<number>>();
	for (const _ of $range(1, rounds)) updates.push(mean.map((m) => m + rng.normal(0, 0.01)));
	const truth = mean.map((_, i) => {
		let s = 0;
		for (const u of updates) s += u[i];
		return s / rounds;
	});
	return VECTOR_ENCODINGS.map((encoding) => {
		const data = encodeVector(updates[0], encoding);
		const feedback = new ErrorFeedback(encoding);
		const plain = mean.map(() => 0);
		const corrected = mean.map(() => 0);
		for (const u of updates) {
			const once = decodeVector(encodeVector(u, encoding));
			const [, sent] = feedback.compress(u);
			for (const i of $range(0, parameters - 1)) {
				plain[i] += once[i] / rounds;
				corrected[i] += sent[i] / rounds;
			}
		}
		return {
			encoding,
			bytesPerParameter: buffer.len(data) / parameters,
			storedCharactersPerParameter: encodeBase64(data).size() / parameters,
			relativeError: relative(decodeVector(data), updates[0]),
			meanErrorWithoutFeedback: relative(plain, truth),
			meanErrorWithFeedback: relative(corrected, truth),
		};
	});
}
