/**
 * The simulated clock: a queue of timed events and coroutines. Simulated servers run as
 * coroutines; `sleep` yields to the scheduler, which jumps the clock to the next event, so a
 * thousand servers' minutes run in seconds of real time and every run with a seed is the same.
 */

interface ScheduledEvent {
	time: number;
	sequence: number;
	run: () => void;
}

/** A simulated thread (one server's main loop). */
export interface SimulatedThread {
	readonly name: string;
	alive: boolean;
}

/** Events in time order (ties in scheduling order), coroutines resumed by time. */
export class Scheduler {
	private clock = 0;
	private sequence = 0;
	private readonly heap = new Array<ScheduledEvent>();
	private readonly threads = new Map<thread, SimulatedThread>();
	/** Errors raised by simulated threads (the thread stops; the run goes on). */
	readonly errors = new Array<string>();

	/** The simulated time in seconds. */
	now(): number {
		return this.clock;
	}

	private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
		return a.time !== b.time ? a.time < b.time : a.sequence < b.sequence;
	}

	/** Runs `run` at simulated time `time` (not before now). */
	at(time: number, run: () => void) {
		this.sequence += 1;
		const heap = this.heap;
		heap.push({ time: math.max(time, this.clock), sequence: this.sequence, run });
		let i = heap.size() - 1;
		while (i > 0) {
			const parent = math.floor((i - 1) / 2);
			if (!this.less(heap[i], heap[parent])) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	}

	private pop(): ScheduledEvent | undefined {
		const heap = this.heap;
		const top = heap[0];
		if (top === undefined) return undefined;
		const last = heap.pop()!;
		if (heap.size() > 0) {
			heap[0] = last;
			let i = 0;
			while (true) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < heap.size() && this.less(heap[l], heap[m])) m = l;
				if (r < heap.size() && this.less(heap[r], heap[m])) m = r;
				if (m === i) break;
				[heap[i], heap[m]] = [heap[m], heap[i]];
				i = m;
			}
		}
		return top;
	}

	private resume(co: thread, handle: SimulatedThread) {
		if (!handle.alive || coroutine.status(co) === "dead") return;
		const [ok, message] = coroutine.resume(co);
		if (!ok) {
			handle.alive = false;
			this.errors.push(`${handle.name}: ${tostring(message)}`);
		} else if (coroutine.status(co) === "dead") {
			handle.alive = false;
		}
	}

	/** Starts `body` as a simulated thread now; `kill` stops it at its next yield. */
	spawn(name: string, body: () => void): SimulatedThread {
		const handle: SimulatedThread = { name, alive: true };
		const co = coroutine.create(body);
		this.threads.set(co, handle);
		this.at(this.clock, () => this.resume(co, handle));
		return handle;
	}

	/** Stops a thread: it never runs again (a crashed server). */
	kill(handle: SimulatedThread) {
		handle.alive = false;
	}

	/** Inside a simulated thread: yields for `seconds` of simulated time. */
	sleep(seconds: number) {
		const co = coroutine.running();
		const handle = this.threads.get(co);
		if (handle === undefined) error("[Hivemind] Scheduler.sleep: must be called from a simulated thread", 2);
		this.at(this.clock + math.max(0, seconds), () => this.resume(co, handle));
		coroutine.yield();
		if (!handle.alive) coroutine.yield(); // killed while asleep: never comes back
	}

	/** Runs events until simulated time `endTime` (or until none are left). */
	runUntil(endTime: number) {
		while (true) {
			const upcoming = this.heap[0];
			if (upcoming === undefined || upcoming.time > endTime) break;
			this.pop();
			this.clock = upcoming.time;
			upcoming.run();
		}
		this.clock = math.max(this.clock, endTime);
	}
}
