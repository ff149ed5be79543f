/**
 * A deterministic grid world (Sutton & Barto's examples): states are cells numbered
 * row·width + column (0-based), actions 0 up, 1 right, 2 down, 3 left; moving into a wall or the
 * border leaves the agent in place. Every step costs `stepReward`; entering a goal gives
 * `goalReward`, entering a pit `pitReward`; both end the episode.
 */
import { integerAtLeast } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { anyFinite, constraint } from "../../options/constraints";
import { assertIndex } from "../validate";
import { Environment, StepResult } from "../types";

/** Options of {@link GridWorld}: a map of strings, one per row. */
export interface GridWorldOptions {
	/** Rows of the map: "S" start, "G" goal, "P" pit, "#" wall, "." free. Default a 4×4 grid. */
	map: Array<string>;
	/** Reward of every step that does not end in a goal or a pit. Default −1. */
	stepReward: number;
	/** Reward for entering a goal. Default 0. */
	goalReward: number;
	/** Reward for entering a pit. Default −10. */
	pitReward: number;
	/** Episodes are cut after this many steps. Default 100. */
	maximumSteps: number;
}

const DEFAULTS: GridWorldOptions = { map: ["S...", ".#.P", "....", "P..G"], stepReward: -1, goalReward: 0, pitReward: -10, maximumSteps: 100 };
const isMap = (v: unknown) =>
	typeIs(v, "table") &&
	(v as Array<string>).size() > 0 &&
	(v as Array<string>).every((row) => typeIs(row, "string") && row.size() === (v as Array<string>)[0].size() && row.size() > 0);

/** The four moves as (row, column) offsets, in action order. */
const MOVES = [
	[-1, 0],
	[0, 1],
	[1, 0],
	[0, -1],
];

/** A grid world environment with a known model (`transition`), for value iteration in specs and examples. */
export class GridWorld implements Environment<number, number> {
	/** Number of columns. */
	readonly width: number;
	/** Number of rows. */
	readonly height: number;
	/** Number of states (cells). */
	readonly stateCount: number;
	/** Number of actions (4). */
	readonly actionCount = 4;
	private readonly options: Readonly<GridWorldOptions>;
	private readonly cells: Array<string>;
	private readonly start: number;
	private state = 0;
	private steps = 0;

	/** A grid world from the map (validated: rectangular, exactly one "S"). */
	constructor(options?: Partial<GridWorldOptions>) {
		this.options = resolveOptions("GridWorld.new", DEFAULTS, options, {
			map: constraint(isMap, "a non-empty array of equally long non-empty strings"),
			stepReward: anyFinite,
			goalReward: anyFinite,
			pitReward: anyFinite,
			maximumSteps: integerAtLeast(1),
		});
		const map = this.options.map;
		this.height = map.size();
		this.width = map[0].size();
		this.stateCount = this.width * this.height;
		this.cells = [];
		for (const row of map) for (const c of $range(1, row.size())) this.cells.push(row.sub(c, c));
		const starts = this.cells.filter((c) => c === "S").size();
		if (starts !== 1) error(`[Hivemind] GridWorld.new: map must hold exactly one "S", got ${starts}`, 2);
		this.start = this.cells.indexOf("S");
	}

	/** The cell character of `state` ("S", "G", "P", "#" or "."). */
	cellOf(state: number): string {
		return this.cells[state];
	}

	/** True for goals and pits (episodes end there). */
	isTerminal(state: number): boolean {
		const c = this.cells[state];
		return c === "G" || c === "P";
	}

	/** The model: the state and reward after `action` in `state` (deterministic). */
	transition(state: number, action: number): LuaTuple<[number, number]> {
		const row = math.floor(state / this.width);
		const column = state % this.width;
		const r = row + MOVES[action][0];
		const c = column + MOVES[action][1];
		let target = state;
		if (r >= 0 && r < this.height && c >= 0 && c < this.width && this.cells[r * this.width + c] !== "#") target = r * this.width + c;
		const cell = this.cells[target];
		const reward = cell === "G" ? this.options.goalReward : cell === "P" ? this.options.pitReward : this.options.stepReward;
		return $tuple(target, reward);
	}

	/** Puts the agent on "S" and returns that state. */
	reset(): number {
		this.state = this.start;
		this.steps = 0;
		return this.state;
	}

	/** Moves (0 up, 1 right, 2 down, 3 left). */
	step(action: number): StepResult<number> {
		assertIndex(action, 4, "GridWorld.step", "action");
		const [target, reward] = this.transition(this.state, action);
		this.state = target;
		this.steps += 1;
		const terminal = this.isTerminal(target);
		const truncated = !terminal && this.steps >= this.options.maximumSteps;
		return { state: target, reward, done: terminal || truncated, truncated };
	}
}
