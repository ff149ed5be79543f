//!native
/**
 * Compression with error feedback (Seide et al. 2014; Karimireddy et al. 2019): what a lossy
 * encoding drops from one update is carried into the next, so over many rounds nothing is lost on
 * average. One per sender; `reset()` after the receiver resynchronizes.
 */
import { describeValue } from "../core/describe";
import { decodeVector, encodeVector, VectorEncoding, VECTOR_ENCODINGS } from "./codec";

/** A lossy vector encoder that remembers and re-sends its own rounding error. */
export class ErrorFeedback {
	private residual: Array<number> | undefined;

	/**
	 * @param encoding "f64" (lossless: the residual stays 0), "f32", "q8" or "topk".
	 * @param keepFraction the share of entries a "topk" keeps.
	 */
	constructor(
		private readonly encoding: VectorEncoding,
		private readonly keepFraction = 0.1,
	) {
		if (!VECTOR_ENCODINGS.includes(encoding))
			error(`[Hivemind] ErrorFeedback.new: encoding must be one of "f64", "f32", "q8", "topk", got ${describeValue(encoding)}`, 2);
	}

	/**
	 * Encodes `values` plus the error carried from earlier calls; returns the buffer and what the
	 * receiver will decode from it. The new residual is (values + old residual) − decoded.
	 */
	compress(values: Array<number>): [buffer, Array<number>] {
		const n = values.size();
		const residual = this.residual !== undefined && this.residual.size() === n ? this.residual : undefined;
		const corrected = new Array<number>(n);
		for (const i of $range(0, n - 1)) corrected.push(values[i] + (residual !== undefined ? residual[i] : 0));
		const data = encodeVector(corrected, this.encoding, this.keepFraction);
		const decoded = decodeVector(data);
		const remaining = new Array<number>(n);
		for (const i of $range(0, n - 1)) remaining.push(corrected[i] - decoded[i]);
		this.residual = remaining;
		return [data, decoded];
	}

	/** The error still to be sent (a copy), or an empty array before the first call. */
	getResidual(): Array<number> {
		return this.residual !== undefined ? [...this.residual] : [];
	}

	/** Forgets the carried error. */
	reset() {
		this.residual = undefined;
	}
}
