/**
 * Seeded data splitting: train/validation/test parts (optionally stratified by class) and k-fold
 * cross-validation indices. The same seed gives the same split on every server.
 */
import { assertInteger, assertMatrix, describeShape, RandomGenerator, selectRows } from "../matrix";
import { Matrix } from "../matrix/types";
import { isFiniteNumber } from "../core/describe";
import { anyFinite, booleanValue, constraint, ConstraintTable, resolveOptions } from "../options";
import { assertLabels, compareLabels, Label, readLabels } from "./labels";

/** Targets that can be split alongside X: a matrix with one row per sample, or a label array. */
export type SplitTargets = Matrix | Array<Label>;

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
	/** Test part: a fraction in (0, 1) of the rows (rounded up) or a row count ≥ 1 (default 0.25). */
	testSize: number;
	/** Validation part, sized like `testSize`; 0 (default) for none. */
	validationSize: number;
	/** Seed of the shuffle (default 42). */
	seed: number;
	/** Shuffle before splitting (default true); without it train is the first rows, then validation, then test. */
	shuffle: boolean;
	/** Keep class proportions in every part: `true` (classes from y) or one label per row. */
	stratify?: boolean | Array<Label>;
}

/** The parts of a split; the indices are the 0-based rows of X in each part, in part order. */
export interface DataSplit<Y extends SplitTargets> {
	xTrain: Matrix;
	yTrain: Y;
	/** Validation rows (absent when `validationSize` is 0). */
	xValidation?: Matrix;
	/** Validation targets (absent when `validationSize` is 0). */
	yValidation?: Y;
	xTest: Matrix;
	yTest: Y;
	trainIndices: Array<number>;
	/** Empty when `validationSize` is 0. */
	validationIndices: Array<number>;
	testIndices: Array<number>;
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
	/** Seed of the shuffle (default 42). */
	seed: number;
	/** Shuffle the rows before cutting folds (default true); without it folds are consecutive rows. */
	shuffle: boolean;
}

/** One cross-validation fold: rows to train on and rows to test on (0-based, ascending). */
export interface Fold {
	trainIndices: Array<number>;
	testIndices: Array<number>;
}

const isPartSize = (v: unknown) => isFiniteNumber(v) && ((v > 0 && v < 1) || (v >= 1 && v === math.floor(v)));

const partSize = constraint(isPartSize, "a fraction in (0, 1) or a row count ≥ 1");

const SPLIT_DEFAULTS: TrainTestSplitOptions = { testSize: 0.25, validationSize: 0, seed: 42, shuffle: true };
const SPLIT_CONSTRAINTS: ConstraintTable<TrainTestSplitOptions> = {
	testSize: partSize,
	validationSize: constraint((v) => v === 0 || isPartSize(v), "0, a fraction in (0, 1) or a row count ≥ 1"),
	seed: anyFinite,
	shuffle: booleanValue,
	stratify: constraint((v) => typeIs(v, "boolean") || typeIs(v, "table"), "a boolean or an array of labels"),
};
const FOLD_DEFAULTS: KFoldOptions = { seed: 42, shuffle: true };
const FOLD_CONSTRAINTS: ConstraintTable<KFoldOptions> = { seed: anyFinite, shuffle: booleanValue };

function partRows(size: number, n: number): number {
	return size < 1 ? math.ceil(size * n) : size;
}

/** Marks `count` of `total` evenly spread positions (systematic sampling): true at the chosen ones. */
function spread(count: number, total: number): Array<boolean> {
	const out = table.create<boolean>(total, false);
	for (const p of $range(0, total - 1)) out[p] = math.floor(((p + 1) * count) / total) > math.floor((p * count) / total);
	return out;
}

/** Row order for a stratified split: grouped by class (sorted), shuffled within each class. */
function stratifiedOrder(labels: Array<Label>, rng: RandomGenerator | undefined): Array<number> {
	const groups = new Map<Label, Array<number>>();
	const classes = new Array<Label>();
	for (const i of $range(0, labels.size() - 1)) {
		let group = groups.get(labels[i]);
		if (group === undefined) {
			group = [];
			groups.set(labels[i], group);
			classes.push(labels[i]);
		}
		group.push(i);
	}
	classes.sort(compareLabels);
	const order = new Array<number>();
	for (const label of classes) {
		const group = groups.get(label)!;
		if (rng !== undefined) rng.shuffle(group);
		for (const i of group) order.push(i);
	}
	return order;
}

function rowOrder(n: number): Array<number> {
	const order = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) order[i] = i;
	return order;
}

function pick<Y extends SplitTargets>(y: Y, indices: Array<number>): Y {
	if (typeIs(y[0], "table")) return selectRows(y as Matrix, indices) as Y;
	return indices.map((i) => (y as Array<Label>)[i]) as Y;
}

/**
 * Splits the rows of X (and y alongside) into train, optional validation, and test parts.
 * Shuffled with `new RandomGenerator(seed)`: the same seed gives the same parts everywhere; the
 * parts are disjoint and cover every row. With `stratify`, rows are grouped by class and each part
 * takes an evenly spread share of every class (each class's count within one of proportional).
 *
 * @example
 * const parts = trainTestSplit(X, y, { testSize: 0.2, validationSize: 0.1, seed: 7, stratify: true });
 * model.train(parts.xTrain, parts.yTrain);
 */
export function trainTestSplit<Y extends SplitTargets>(X: Matrix, y: Y, options?: Partial<TrainTestSplitOptions>): DataSplit<Y> {
	const where = "trainTestSplit";
	assertMatrix(X, "X", where);
	const n = X.size();
	if (typeIs(y, "table") && typeIs((y as Array<unknown>)[0], "table")) assertMatrix(y, "y", where);
	else assertLabels(y, "y", where);
	if (y.size() !== n) error(`[Hivemind] ${where}: y must have ${n} rows like X, got ${typeIs(y[0], "table") ? describeShape(y) : y.size()}`, 2);
	const o = resolveOptions(where, SPLIT_DEFAULTS, options, SPLIT_CONSTRAINTS);
	const testCount = partRows(o.testSize, n);
	const validationCount = partRows(o.validationSize, n);
	if (n - testCount - validationCount < 1) {
		error(
			`[Hivemind] ${where}: testSize and validationSize must leave at least 1 training row, got ${testCount} test + ${validationCount} validation rows of ${n}`,
			2,
		);
	}
	const rng = o.shuffle ? new RandomGenerator(o.seed) : undefined;
	const test = new Array<number>();
	const validation = new Array<number>();
	const train = new Array<number>();
	if (o.stratify !== undefined && o.stratify !== false) {
		let labels: Array<Label>;
		if (o.stratify === true) labels = readLabels(y, "y", where);
		else {
			assertLabels(o.stratify, "options.stratify", where);
			if (o.stratify.size() !== n)
				error(`[Hivemind] ${where}: options.stratify must have ${n} labels (one per row), got ${o.stratify.size()}`, 2);
			labels = o.stratify;
		}
		const order = stratifiedOrder(labels, rng);
		const isTest = spread(testCount, n);
		const isValidation = spread(validationCount, n - testCount);
		let rest = 0;
		for (const p of $range(0, n - 1)) {
			if (isTest[p]) test.push(order[p]);
			else {
				if (isValidation[rest]) validation.push(order[p]);
				else train.push(order[p]);
				rest += 1;
			}
		}
		if (rng !== undefined) for (const part of [train, validation, test]) rng.shuffle(part);
	} else {
		// Train, then validation, then test, from the permutation (or the rows in order).
		const order = rng !== undefined ? rng.permutation(n) : rowOrder(n);
		const trainCount = n - testCount - validationCount;
		for (const p of $range(0, n - 1)) {
			if (p < trainCount) train.push(order[p]);
			else if (p < trainCount + validationCount) validation.push(order[p]);
			else test.push(order[p]);
		}
	}
	const split: DataSplit<Y> = {
		xTrain: selectRows(X, train),
		yTrain: pick(y, train),
		xTest: selectRows(X, test),
		yTest: pick(y, test),
		trainIndices: train,
		validationIndices: validation,
		testIndices: test,
	};
	if (validation.size() > 0) {
		split.xValidation = selectRows(X, validation);
		split.yValidation = pick(y, validation);
	}
	return split;
}

/**
 * k-fold cross-validation over n rows: k folds whose test parts are disjoint, cover 0 … n−1, and
 * differ in size by at most one (the first n mod k folds have one more row); each fold trains on
 * all other rows. Shuffled with `new RandomGenerator(seed)` unless `shuffle` is false.
 *
 * @example
 * for (const fold of kFold(X.size(), 5, { seed: 1 })) {
 *   const model = new LinearRegression().train(selectRows(X, fold.trainIndices), selectRows(y, fold.trainIndices));
 * }
 */
export function kFold(n: number, k: number, options?: Partial<KFoldOptions>): Array<Fold> {
	assertInteger(n, "n", "kFold", 2);
	assertInteger(k, "k", "kFold", 2, n);
	const o = resolveOptions("kFold", FOLD_DEFAULTS, options, FOLD_CONSTRAINTS);
	const foldOf = table.create<number>(n, 0);
	const order = o.shuffle ? new RandomGenerator(o.seed).permutation(n) : rowOrder(n);
	const base = math.floor(n / k);
	const extra = n % k;
	let position = 0;
	for (const f of $range(0, k - 1)) {
		const size = base + (f < extra ? 1 : 0);
		for (const _ of $range(1, size)) {
			foldOf[order[position]] = f;
			position += 1;
		}
	}
	const folds = new Array<Fold>();
	for (const f of $range(0, k - 1)) {
		const trainIndices = new Array<number>();
		const testIndices = new Array<number>();
		for (const i of $range(0, n - 1)) (foldOf[i] === f ? testIndices : trainIndices).push(i);
		folds.push({ trainIndices, testIndices });
	}
	return folds;
}
