/**
 * Per-minute usage of every metered quantity of the stand-in services (requests, request units,
 * bytes, messages), in fixed minute windows of the simulated clock, with the peak fraction of
 * each quota used — what the experience simulator reports as headroom (1 − peak fraction).
 */

/** One metered quantity's record. */
export interface MeterReading {
	/** Total over the run. */
	total: number;
	/** Largest fraction of its limit used in any one minute (may exceed 1 only for unenforced limits). */
	peakFraction: number;
	/** Largest amount used in one minute. */
	peakPerMinute: number;
}

/** Counts per metric and minute. */
export class Meter {
	private minute = -1;
	private readonly used = new Map<string, number>();
	private readonly readings = new Map<string, MeterReading>();

	constructor(private readonly now: () => number) {}

	private roll() {
		const minute = math.floor(this.now() / 60);
		if (minute !== this.minute) {
			this.minute = minute;
			this.used.clear();
		}
	}

	/** What `metric` has used in the current minute. */
	usedThisMinute(metric: string): number {
		this.roll();
		return this.used.get(metric) ?? 0;
	}

	/**
	 * Charges `amount` to `metric` against `limit` for this minute; returns false (charging nothing)
	 * when that would exceed the limit and `enforce` is true.
	 */
	charge(metric: string, amount: number, limit: number, enforce = true): boolean {
		this.roll();
		const current = this.used.get(metric) ?? 0;
		if (enforce && current + amount > limit) return false;
		const total = current + amount;
		this.used.set(metric, total);
		const reading = this.readings.get(metric) ?? { total: 0, peakFraction: 0, peakPerMinute: 0 };
		reading.total += amount;
		reading.peakPerMinute = math.max(reading.peakPerMinute, total);
		reading.peakFraction = math.max(reading.peakFraction, limit > 0 ? total / limit : 1);
		this.readings.set(metric, reading);
		return true;
	}

	/** Records a level (not a rate), such as bytes held, against its limit. */
	level(metric: string, value: number, limit: number) {
		const reading = this.readings.get(metric) ?? { total: 0, peakFraction: 0, peakPerMinute: 0 };
		reading.total = value;
		reading.peakPerMinute = math.max(reading.peakPerMinute, value);
		reading.peakFraction = math.max(reading.peakFraction, limit > 0 ? value / limit : 1);
		this.readings.set(metric, reading);
	}

	/** Every metric's reading, keys sorted. */
	report(): Array<[string, MeterReading]> {
		const out = new Array<[string, MeterReading]>();
		this.readings.forEach((r, k) => out.push([k, { total: r.total, peakFraction: r.peakFraction, peakPerMinute: r.peakPerMinute }]));
		out.sort((a, b) => a[0] < b[0]);
		return out;
	}
}
