/**
 * What can go wrong between the data and a saved model, said plainly: a target that does not fit
 * the model (a regression target given to a classifier, three classes given to a binary one) and
 * a run that diverged or ended non-finite (nothing is saved; exit code 1).
 */
import { setTrainingOutput } from "../src/models/base/output";
import { Model } from "../src/models";
import { Label } from "../src/utilities/labels";
import { asUsage, cleanMessage, InputError } from "./args";
import { ModelExtras, modelOptions, TrainingSetup } from "./pipeline";

/** A failed training run: printed as `hivemind: <message>`, exit code 1, nothing saved. */
export class TrainingFailure {
	constructor(public readonly message: string) {}
}

function preview(labels: Array<Label>): string {
	const shown = labels.filter((_, i) => i < 8).map((l) => tostring(l));
	return shown.join(", ") + (labels.size() > 8 ? `, … (${labels.size() - 8} more)` : "");
}

/** True when `classes` look like a regression target: numbers, more than 10 and more than half the rows. */
function looksNumeric(classes: Array<Label>, rows: number): boolean {
	return classes.size() > 10 && classes.size() > rows / 2 && classes.every((c) => typeIs(c, "number"));
}

/**
 * Builds the model to train. For a classifier, a target that does not fit is an input error
 * naming what the data has and which models fit it.
 */
export function createTrainingModel(command: string, setup: TrainingSetup, extras: ModelExtras, rows: number): Model {
	const { registration, target } = setup;
	const classes = extras.classes;
	if (classes !== undefined && looksNumeric(classes, rows) && setup.params.classesList === undefined) {
		throw new InputError(
			`${command}: the target "${target}" has ${classes.size()} distinct numbers in ${rows} rows (${preview(classes)}): a regression target; ${registration.name} is a classifier: use a regressor such as RidgeRegression or LinearRegression (see hivemind models)`,
		);
	}
	if (classes !== undefined && classes.size() < 2) {
		throw new InputError(`${command}: the target "${target}" has one class (${preview(classes)}); a classifier needs rows of at least 2 classes`);
	}
	const [ok, model] = pcall(() => registration.create(modelOptions(command, registration, setup.params, extras)));
	if (ok) return model as Model;
	const message = cleanMessage(tostring(model));
	if (classes !== undefined && classes.size() > 2 && message.find("2 distinct labels", 1, true)[0] !== undefined) {
		throw new InputError(
			`${command}: the target "${target}" has ${classes.size()} classes (${preview(classes)}) and ${registration.name} separates 2; use SoftmaxRegression, OneVsAll (--model OneVsAll --params '{"modelName":"${registration.name}"}') or another multiclass classifier (see hivemind models)`,
		);
	}
	return asUsage(() => error(message, 0));
}

function isFiniteNumber(value: number): boolean {
	return value === value && math.abs(value) < math.huge;
}

/** Every number in a plain-data tree is finite. */
function allFinite(value: unknown): boolean {
	if (typeIs(value, "number")) return isFiniteNumber(value);
	if (typeIs(value, "table")) {
		for (const [, inner] of pairs(value as object)) if (!allFinite(inner)) return false;
	}
	return true;
}

/** A cost that rose more than this factor above its first value means the run diverged. */
const DIVERGENCE_FACTOR = 1e3;

/**
 * Trains with `train`, catching the loop's warnings; throws a TrainingFailure when the run
 * diverged (a non-finite cost or parameters, or a cost that rose more than 1000× its first value).
 */
export function trainChecked(model: Model, train: () => Array<number>): Array<number> {
	const warnings = new Array<string>();
	const previous = setTrainingOutput({ warn: (line) => warnings.push(line) });
	const [ok, history] = pcall(train);
	setTrainingOutput(previous);
	if (!ok) error(history, 0);
	const costs = history as Array<number>;
	const nonfinite = warnings.find((w) => w.find("non-finite", 1, true)[0] !== undefined);
	const advice = "nothing saved; try a smaller learningRate in --params, --scale standard, or fewer iterations";
	if (nonfinite !== undefined) throw new TrainingFailure(`training diverged: ${cleanMessage(nonfinite)}; ${advice}`);
	for (const i of $range(0, costs.size() - 1)) {
		if (!isFiniteNumber(costs[i])) throw new TrainingFailure(`training diverged: the cost is ${costs[i]} at iteration ${i + 1}; ${advice}`);
	}
	if (!allFinite(model.getModelParameters())) throw new TrainingFailure(`training ended with non-finite parameters; ${advice}`);
	const first = costs[0];
	const last = costs[costs.size() - 1];
	if (costs.size() > 1 && first !== undefined && last > DIVERGENCE_FACTOR * math.max(math.abs(first), 1e-12)) {
		throw new TrainingFailure(string.format("training diverged: the cost rose from %.6g to %.6g; %s", first, last, advice));
	}
	for (const w of warnings) warn(w);
	return costs;
}
