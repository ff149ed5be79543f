/** A progress line for training: `[#####-----] 50/100  cost 0.1234`, redrawn in place on a terminal. */
export function progressLine(done: number, total: number, cost: number | undefined, width = 30): string {
	const fraction = total > 0 ? math.clamp(done / total, 0, 1) : 1;
	const filled = math.floor(fraction * width + 0.5);
	const bar = string.rep("#", filled) + string.rep("-", width - filled);
	const costText = cost !== undefined ? string.format("  cost %.6g", cost) : "";
	return `[${bar}] ${done}/${total}${costText}`;
}

/** Shows training progress on a host: redrawn in place on a terminal, else a line every ~10%. */
export class ProgressReporter {
	private lastIteration = 0;
	private lastCost: number | undefined;
	private lastDrawn = -1;
	private printedIteration = 0;
	private wroteInPlace = false;

	constructor(
		private readonly write: (text: string) => void,
		private readonly total: number,
		private readonly inPlace: boolean,
	) {}

	/** Records the cost at `iteration` (the models' `onIteration` callback). */
	update(iteration: number, cost: number) {
		this.lastIteration = iteration;
		this.lastCost = cost;
		if (this.inPlace) {
			const step = math.floor((iteration / this.total) * 100);
			if (step !== this.lastDrawn) {
				this.lastDrawn = step;
				this.write("\r" + progressLine(iteration, this.total, cost));
				this.wroteInPlace = true;
			}
		} else {
			const decile = math.floor((iteration * 10) / this.total);
			if (decile > this.lastDrawn) {
				this.lastDrawn = decile;
				this.write(progressLine(iteration, this.total, cost) + "\n");
				this.printedIteration = iteration;
			}
		}
	}

	/** Ends the display with the last recorded state (training may stop before the limit). */
	finish() {
		if (this.inPlace) {
			if (this.wroteInPlace) this.write("\r" + progressLine(this.lastIteration, this.total, this.lastCost) + "\n");
		} else if (this.lastIteration > 0 && this.printedIteration !== this.lastIteration) {
			this.write(progressLine(this.lastIteration, this.total, this.lastCost) + "\n");
		}
	}
}
