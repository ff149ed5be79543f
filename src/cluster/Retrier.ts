/**
 * Retries a service call with exponential backoff and jitter (base · 2^attempt, capped, times a
 * uniform factor in [0.5, 1]), sleeping through the services' clock. A call that still fails is
 * reported, never thrown: the caller keeps its work and tries again on a later step.
 */
import { RandomGenerator } from "../matrix/random";
import { ClusterServices } from "./services";

/** A backoff policy with counters. */
export class Retrier {
	/** Calls that failed at least once. */
	failures = 0;
	/** Retries made. */
	retries = 0;
	/** Calls given up on. */
	givenUp = 0;
	/** The last error text. */
	lastError = "";

	constructor(
		private readonly services: ClusterServices,
		private readonly rng: RandomGenerator,
		private readonly attempts = 6,
		private readonly baseSeconds = 0.5,
		private readonly capSeconds = 16,
	) {}

	/** Runs `fn` until it succeeds or the attempts run out: `[true, value]` or `[false, error]`. */
	call<T>(fn: () => T): [true, T] | [false, string] {
		for (const attempt of $range(0, this.attempts - 1)) {
			const [ok, value] = pcall(fn);
			if (ok) return [true, value as T];
			this.lastError = tostring(value);
			if (attempt === 0) this.failures += 1;
			if (attempt === this.attempts - 1) break;
			this.retries += 1;
			const delay = math.min(this.capSeconds, this.baseSeconds * 2 ** attempt) * this.rng.uniform(0.5, 1);
			this.services.sleep(delay);
		}
		this.givenUp += 1;
		return [false, this.lastError];
	}
}
