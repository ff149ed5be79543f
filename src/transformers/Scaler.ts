//!native
/**
 * What the feature scalers share: fitting and partial fitting from {@link ScalerStatistics},
 * an affine per-column map z = (x − offset) / scale and its inverse, and the saved state as plain
 * data. A scaler subclass only says how offsets and scales follow from the statistics.
 */
import { assertMatrix, copy, describeShape } from "../matrix";
import { Matrix, Vector } from "../matrix/types";
import { ConstraintTable, resolveOptions } from "../options";
import { describeValue } from "../core/describe";
import { assertScalerStatistics, combineStatistics, ScalerStatistics, statisticsOf } from "./scalerStatistics";
import { InvertibleTransformer } from "../models/base/capabilities";

/** A fitted scaler as plain data (survives JSON): which scaler, its options, its statistics. */
export interface ScalerState<O> {
	/** The scaler's class name, e.g. `"StandardScaler"`. */
	kind: string;
	/** The scaler's options. */
	options: O;
	/** The statistics it was fitted on. */
	statistics: ScalerStatistics;
}

/** A copy of an option table, with table-valued options (e.g. a feature range) copied too. */
function copyOptions<O extends object>(options: Readonly<O>): O {
	const out: { [key: string]: unknown } = {};
	for (const [key, value] of pairs(options)) out[key as string] = typeIs(value, "table") ? table.clone(value) : value;
	return out as O;
}

function copyStatistics(s: ScalerStatistics): ScalerStatistics {
	return { n: s.n, mean: copy(s.mean), m2: copy(s.m2), min: copy(s.min), max: copy(s.max) };
}

/** (x − before) · multiplier + after, column by column, as a new matrix. */
function affineColumns(X: Matrix, before: Vector, multiplier: Vector, after: Vector): Matrix {
	const c = before.size();
	const out = table.create<Array<number>>(X.size());
	for (const i of $range(0, X.size() - 1)) {
		const row = X[i];
		const mapped = table.create<number>(c, 0);
		for (const j of $range(0, c - 1)) mapped[j] = (row[j] - before[j]) * multiplier[j] + after[j];
		out[i] = mapped;
	}
	return out;
}

/** Base of {@link StandardScaler} and {@link MinMaxScaler}: column-wise affine scaling fitted from statistics. */
export abstract class Scaler<O extends object> implements InvertibleTransformer<Matrix, Matrix> {
	/** The scaler's class name, used in messages and saved states. */
	readonly scalerName: string;
	/** The validated, frozen options. */
	protected options: Readonly<O>;
	private readonly defaults: O;
	private readonly constraints: ConstraintTable<O>;
	private statistics: ScalerStatistics | undefined;
	private offset: Vector = [];
	private factor: Vector = [];

	constructor(scalerName: string, defaults: O, constraints: ConstraintTable<O>, given: unknown) {
		this.scalerName = scalerName;
		this.defaults = defaults;
		this.constraints = constraints;
		this.options = this.resolve(`${scalerName}.new`, given);
	}

	private resolve(where: string, given: unknown): Readonly<O> {
		return table.freeze(copyOptions(resolveOptions(where, this.defaults, given as Partial<O>, this.constraints)));
	}

	/** The per-column offset and scale (every scale ≠ 0) that follow from `statistics`. */
	protected abstract derive(statistics: ScalerStatistics): [offset: Vector, scale: Vector];

	private install(statistics: ScalerStatistics) {
		this.statistics = statistics;
		const [offset, factor] = this.derive(statistics);
		this.offset = offset;
		this.factor = factor;
	}

	private fitted(where: string): ScalerStatistics {
		const statistics = this.statistics;
		if (statistics === undefined) {
			error(
				`[Hivemind] ${this.scalerName}.${where}: the scaler must be fitted first (fit, partialFit, setStatistics or setState), got an unfitted scaler`,
				3,
			);
		}
		return statistics;
	}

	private checkColumns(X: unknown, where: string): Matrix {
		const method = `${this.scalerName}.${where}`;
		const statistics = this.fitted(where);
		assertMatrix(X, "X", method);
		const c = statistics.mean[0].size();
		if (X[0].size() !== c) error(`[Hivemind] ${method}: X must have ${c} columns (as fitted), got ${describeShape(X)}`, 3);
		return X;
	}

	/** Fits the statistics on the rows of `X` (replacing any earlier fit); returns this scaler. */
	fit(X: Matrix): this {
		assertMatrix(X, "X", `${this.scalerName}.fit`);
		this.install(statisticsOf(X));
		return this;
	}

	/** Adds the rows of `X` to the statistics fitted so far (a first call fits); returns this scaler. */
	partialFit(X: Matrix): this {
		const current = this.statistics;
		if (current === undefined) return this.fit(X);
		this.checkColumns(X, "partialFit");
		this.install(combineStatistics(current, statisticsOf(X)));
		return this;
	}

	/** The scaled copy of `X`: (x − offset) / scale per column. */
	transform(X: Matrix): Matrix {
		this.checkColumns(X, "transform");
		const c = this.offset.size();
		const reciprocal = table.create<number>(c, 0);
		for (const j of $range(0, c - 1)) reciprocal[j] = 1 / this.factor[j];
		return affineColumns(X, this.offset, reciprocal, table.create<number>(c, 0));
	}

	/** Fits on `X` and returns `X` scaled. */
	fitTransform(X: Matrix): Matrix {
		assertMatrix(X, "X", `${this.scalerName}.fitTransform`);
		this.install(statisticsOf(X));
		return this.transform(X);
	}

	/** Undoes {@link transform}: x = z · scale + offset per column. */
	inverseTransform(X: Matrix): Matrix {
		this.checkColumns(X, "inverseTransform");
		return affineColumns(X, table.create<number>(this.offset.size(), 0), this.factor, this.offset);
	}

	/** True once fitted (by fit, partialFit, setStatistics or setState). */
	isFitted(): boolean {
		return this.statistics !== undefined;
	}

	/** Forgets the fit (the options stay); returns this scaler. */
	reset(): this {
		this.statistics = undefined;
		this.offset = [];
		this.factor = [];
		return this;
	}

	/** A copy of the fitted statistics (what servers send to be merged with {@link mergeScalerStatistics}). */
	getStatistics(): ScalerStatistics {
		return copyStatistics(this.fitted("getStatistics"));
	}

	/** Fits from statistics (e.g. merged from several servers); returns this scaler. */
	setStatistics(statistics: ScalerStatistics): this {
		assertScalerStatistics(statistics, "statistics", `${this.scalerName}.setStatistics`);
		this.install(copyStatistics(statistics));
		return this;
	}

	/** The per-column offsets subtracted by {@link transform} (a copy). */
	getOffset(): Vector {
		this.fitted("getOffset");
		return table.clone(this.offset);
	}

	/** The per-column scales divided by in {@link transform} (a copy; never 0). */
	getScale(): Vector {
		this.fitted("getScale");
		return table.clone(this.factor);
	}

	/** The options as a plain, unfrozen copy. */
	getOptions(): O {
		return copyOptions(this.options);
	}

	/** The fitted scaler as plain data, to save in a model file or send; restore with {@link setState}. */
	getState(): ScalerState<O> {
		const statistics = this.fitted("getState");
		return { kind: this.scalerName, options: this.getOptions(), statistics: copyStatistics(statistics) };
	}

	/** Restores options and fit from {@link getState}'s plain data (validated); returns this scaler. */
	setState(state: ScalerState<O>): this {
		const where = `${this.scalerName}.setState`;
		if (!typeIs(state, "table")) error(`[Hivemind] ${where}: state must be a table from getState(), got ${describeValue(state)}`, 2);
		if (state.kind !== this.scalerName) {
			error(`[Hivemind] ${where}: state.kind must be "${this.scalerName}", got ${describeValue(state.kind)}`, 2);
		}
		const options = this.resolve(where, state.options);
		assertScalerStatistics(state.statistics, "state.statistics", where);
		this.options = options;
		this.install(copyStatistics(state.statistics));
		return this;
	}
}
