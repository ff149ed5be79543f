/**
 * Runs a piece of work in the background on a signal (RunService.Heartbeat by default, or any
 * signal given), never by polling in a loop. Errors are caught and surfaced to `onError`
 * listeners (or printed with `warn` when there are none), and the runner keeps going.
 */
import { RunService } from "@rbxts/services";
import { describeValue } from "../core/describe";
import { errorText } from "../core/errors";

/** The part of RBXScriptSignal the runner uses (any signal with Connect → Disconnect works). */
export interface SignalLike {
	Connect(callback: (...args: Array<unknown>) => void): { Disconnect(): void };
}

/** Connects `tick` to a signal while started; surfaces the errors it throws. */
export class BackgroundRunner {
	private connection: { Disconnect(): void } | undefined;
	private readonly listeners = new Array<(message: string) => void>();
	private errorCount = 0;

	constructor(
		private readonly where: string,
		private readonly tick: () => void,
	) {}

	/** Starts calling `tick` on every firing of `signal` (default RunService.Heartbeat). */
	start(signal?: SignalLike) {
		if (this.connection !== undefined) error(`[Hivemind] ${this.where}.start: already running; call stop() first`, 3);
		// `signal` comes from Luau callers: any table is possible, so its Connect field is probed as unknown.
		const connectable =
			typeIs(signal, "userdata") || (typeIs(signal, "table") && typeIs((signal as unknown as { Connect?: unknown }).Connect, "function"));
		if (signal !== undefined && !connectable) {
			error(
				`[Hivemind] ${this.where}.start: signal must be a signal with Connect (such as RunService.Heartbeat), got ${describeValue(signal)}`,
				3,
			);
		}
		// RBXScriptSignal's Connect is typed with its own callback type; at runtime it is a SignalLike.
		const source = signal ?? (RunService.Heartbeat as unknown as SignalLike);
		this.connection = source.Connect(() => this.runOnce());
	}

	/** Stops the background work (nothing happens when not running). */
	stop() {
		this.connection?.Disconnect();
		this.connection = undefined;
	}

	/** True while started. */
	isRunning(): boolean {
		return this.connection !== undefined;
	}

	/** Adds a listener for background errors; returns a function that removes it. */
	onError(callback: (message: string) => void): () => void {
		if (!typeIs(callback, "function")) error(`[Hivemind] ${this.where}.onError: callback must be a function, got ${describeValue(callback)}`, 3);
		this.listeners.push(callback);
		return () => {
			const index = this.listeners.indexOf(callback);
			if (index >= 0) this.listeners.remove(index);
		};
	}

	/** How many background ticks failed. */
	getErrorCount(): number {
		return this.errorCount;
	}

	/** Counts an error of work done for the owner and hands it to the listeners (or `warn` when there are none). */
	report(message: string) {
		this.errorCount += 1;
		if (this.listeners.size() === 0) warn(`[Hivemind] ${this.where}: background work failed: ${message}`);
		for (const listener of [...this.listeners]) listener(message);
	}

	private runOnce() {
		const [ok, err] = pcall(this.tick);
		if (!ok) this.report(errorText(err));
	}
}
