/** The contract every Hivemind model follows: options, learned parameters, train/predict, clone. */
import { ConstraintTable, resolveOptions, validateOptions } from "../../options";
import { assertModelParameters, assertSameStructure, copyParameters, isModelParameters, ModelParameters } from "../../parameters";
import { Model } from "./capabilities";

/**
 * Base of every model. Options: the model's frozen defaults merged with the user's, validated
 * against the model's constraint table (unknown keys are errors naming them), frozen. Learned
 * state: one `ModelParameters` value (plain data, JSON-safe). A subclass is constructed as
 * `Model.new(options)` in Luau (`new Model(options)` in TypeScript) and must keep that signature.
 * `P` is the shape of the learned parameters (a matrix, a list of layers, a named record).
 */
export abstract class BaseModel<O extends object, P extends ModelParameters = ModelParameters> implements Model {
	/** The model's registered name, e.g. `"LinearRegression"`. */
	readonly modelName: string;
	/** The resolved, frozen options. */
	protected options: Readonly<O>;
	/** The learned parameters, or undefined before training. */
	protected parameters: P | undefined;
	private readonly optionConstraints: ConstraintTable<O>;
	private destroyed = false;
	/** True while a training call runs (it may be paused at a yield): changes to the learned state are refused meanwhile. */
	protected training = false;

	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		this.modelName = modelName;
		this.optionConstraints = constraints;
		this.options = resolveOptions(`${modelName}.new`, defaults, options, constraints);
	}

	/** Trains on `X` (n×p) and targets `y`; returns the cost history (one entry per cost check). */
	abstract train(X: unknown, y?: unknown): Array<number>;

	/** Predictions for the rows of `X` (classifiers: labels, then class probabilities). */
	abstract predict(X: unknown): unknown;

	/** The options (frozen; change them with `setParameters`). */
	getOptions(): Readonly<O> {
		return this.options;
	}

	/** Options that cannot change once the model has parameters (their shape depends on them). */
	protected fixedOptionsAfterTraining(): Array<string> {
		return [];
	}

	/** Hook run after `setParameters` changed the options. */
	protected onOptionsChanged() {}

	/**
	 * Changes some hyper-parameters (validated like the constructor's; unknown keys are errors).
	 * @example model.setParameters({ learningRate: 0.01 })
	 */
	setParameters(changes: Partial<O>) {
		this.changeOptions(changes, `${this.modelName}.setParameters`);
	}

	/**
	 * `setParameters` under the name that pairs with `getOptions` (`setParameters` is DataPredict's
	 * name and stays). @example model.setOptions({ learningRate: 0.01 })
	 */
	setOptions(changes: Partial<O>) {
		this.changeOptions(changes, `${this.modelName}.setOptions`);
	}

	private changeOptions(changes: Partial<O>, where: string) {
		this.assertAlive(where);
		validateOptions(where, changes, this.optionConstraints, "changes");
		if (this.parameters !== undefined) {
			for (const name of this.fixedOptionsAfterTraining()) {
				const value = (changes as { [k: string]: unknown })[name];
				if (value !== undefined && value !== (this.options as { [k: string]: unknown })[name]) {
					error(
						`[Hivemind] ${where}: ${name} cannot change once the model has parameters (their shape depends on it); create a new model`,
						2,
					);
				}
			}
		}
		this.options = resolveOptions(where, this.options as O, changes, this.optionConstraints);
		this.onOptionsChanged();
	}

	/** The learned parameters (a deep copy unless `doNotDeepCopy`), or undefined before training. */
	getModelParameters(doNotDeepCopy = false): P | undefined {
		if (this.parameters === undefined) return undefined;
		return doNotDeepCopy ? this.parameters : copyParameters(this.parameters);
	}

	/**
	 * Checks parameters given to `setModelParameters` (kind, entries, shapes). The default compares
	 * with the current parameters when there are some (and they are valid: non-finite ones, left by
	 * a diverged update, may be replaced); models override to check a fresh model too.
	 */
	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is P {
		if (this.parameters !== undefined && isModelParameters(this.parameters)) {
			assertSameStructure(this.parameters, parameters, where, "the model's parameters", "parameters");
		}
	}

	/** Hook run after new parameters were set. */
	protected onParametersSet() {}

	/**
	 * Replaces the learned parameters (deep-copied unless `doNotDeepCopy`) after checking their structure
	 * and shapes; plain data as returned by `getModelParameters` (also after a JSON round trip).
	 */
	setModelParameters(parameters: P | ModelParameters, doNotDeepCopy = false) {
		const where = `${this.modelName}.setModelParameters`;
		this.assertAlive(where);
		this.assertNotTraining(where);
		assertModelParameters(parameters, "parameters", where);
		this.validateModelParameters(parameters, where);
		this.parameters = doNotDeepCopy ? parameters : copyParameters(parameters);
		this.onParametersSet();
	}

	/** The parameters, or an error naming `where` when the model has none yet. */
	protected requireParameters(where: string): P {
		this.assertAlive(where);
		if (this.parameters === undefined) {
			error(`[Hivemind] ${where}: the model has no parameters yet; call train(X, y) or setModelParameters(parameters) first`, 3);
		}
		return this.parameters;
	}

	/** True while a training call runs (it may be paused at a yield within the frame budget while other threads run). */
	isTraining(): boolean {
		return this.training;
	}

	/** Throws while a training call is in progress (paused at a yield): the loop owns the parameters until it returns. */
	protected assertNotTraining(where: string) {
		if (this.training) error(`[Hivemind] ${where}: the model is training (paused at a yield); change its learned state after train returns`, 3);
	}

	/** Runs a training call with changes from elsewhere refused until it returns (also when it throws). */
	protected whileTraining<T>(where: string, fn: () => T): T {
		this.assertNotTraining(where);
		this.training = true;
		const [ok, result] = pcall(fn);
		this.training = false;
		if (!ok) error(result, 0);
		return result;
	}

	/** Throws when the model was destroyed. */
	protected assertAlive(where: string) {
		if (this.destroyed) error(`[Hivemind] ${where}: the model was destroyed`, 3);
	}

	/** Copies learned state (parameters; subclasses add theirs) into a fresh model with the same options. */
	protected copyLearnedStateTo(twin: this) {
		twin.parameters = this.parameters === undefined ? undefined : copyParameters(this.parameters);
	}

	/** An independent copy: same options, deep copies of the learned state. */
	clone(): this {
		this.assertAlive(`${this.modelName}.clone`);
		// roblox-ts classes are Luau metatables with a `new` constructor; TypeScript has no type for
		// "the class of this instance", so the metatable is read as one.
		const cls = getmetatable(this) as unknown as { new: (options: O) => BaseModel<O, P> };
		const twin = cls.new(this.options) as this;
		this.copyLearnedStateTo(twin);
		return twin;
	}

	/** Releases the learned state; any later call errors. */
	destroy() {
		this.parameters = undefined;
		this.destroyed = true;
	}
}
