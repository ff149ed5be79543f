//!native
/**
 * The work buffers of one training call, sized once from the parameters, so that the training
 * loop allocates nothing per iteration: the gradient a model may write into, the per-entry step
 * matrices, and the copy of the last finite training state.
 */
import { Matrix } from "../../matrix/types";
import { copy } from "../../matrix/creation";
import { copyInto } from "../../matrix/inplace";
import { mapParameters, ModelParameters, parameterEntries } from "../../parameters";
import { matrixFinite, OptimizerStates, TrainingState } from "./trainingState";

/** A matrix of zeros shaped like `m`. */
function zerosLike(m: Matrix): Matrix {
	const columns = m[0].size();
	const out = table.create<Array<number>>(m.size());
	for (const i of $range(0, m.size() - 1)) out[i] = table.create<number>(columns, 0);
	return out;
}

/** Copies optimizer states into `target`, reusing its matrices where the shapes match. */
export function copyStatesInto(target: OptimizerStates, source: OptimizerStates) {
	for (const [name] of pairs(target)) if (source[name] === undefined) delete target[name];
	for (const [name, state] of pairs(source)) {
		let into = target[name];
		if (into === undefined) {
			into = {};
			target[name] = into;
		}
		for (const [key] of pairs(into)) if (state[key] === undefined) delete into[key];
		for (const [key, value] of pairs(state)) {
			if (typeIs(value, "number")) {
				into[key] = value;
				continue;
			}
			const existing = into[key];
			if (typeIs(existing, "table") && existing.size() === value.size() && existing[0].size() === value[0].size()) {
				copyInto(existing, value);
			} else {
				into[key] = copy(value);
			}
		}
	}
}

/** Buffers for one `train` call on `parameters` (whose matrices must stay the same objects meanwhile). */
export class TrainingBuffers {
	/** The parameter entries (the model's own matrices), in `parameterEntries` order. */
	readonly entries: Array<[string, Matrix]>;
	/** The bias rows (never regularized) of each entry. */
	readonly biasRows: Array<Array<number>>;
	/** A gradient shaped like the parameters, which `lossAndGradient` may overwrite. */
	readonly gradient: ModelParameters;
	/** One step matrix per entry. */
	readonly steps: Array<Matrix>;
	/** The last saved training state (`save`). */
	readonly saved: TrainingState;
	private readonly gradientEntries: Array<[string, Matrix]>;
	private readonly savedEntries: Array<[string, Matrix]>;

	constructor(parameters: ModelParameters, biasRowsOf: (entryName: string) => Array<number>) {
		this.entries = parameterEntries(parameters);
		this.biasRows = this.entries.map(([name]) => biasRowsOf(name));
		this.gradient = mapParameters(parameters, zerosLike);
		this.gradientEntries = parameterEntries(this.gradient);
		this.steps = this.entries.map(([, m]) => zerosLike(m));
		const savedParameters = mapParameters(parameters, (m) => copy(m));
		this.savedEntries = parameterEntries(savedParameters);
		this.saved = { parameters: savedParameters, optimizerStates: {}, updateCount: 0 };
	}

	/** The entries of `gradient` (the buffer's precomputed ones when it is the buffer). */
	entriesOf(gradient: ModelParameters): Array<[string, Matrix]> {
		return gradient === this.gradient ? this.gradientEntries : parameterEntries(gradient);
	}

	/** Copies the parameters, `states` and `updateCount` into `saved` and returns it. */
	save(states: OptimizerStates, updateCount: number): TrainingState {
		for (const k of $range(0, this.entries.size() - 1)) copyInto(this.savedEntries[k][1], this.entries[k][1]);
		copyStatesInto(this.saved.optimizerStates, states);
		this.saved.updateCount = updateCount;
		return this.saved;
	}

	/** True when every parameter entry is finite. */
	parametersFinite(): boolean {
		for (const [, m] of this.entries) if (!matrixFinite(m)) return false;
		return true;
	}
}
