/**
 * DataPredict's `Others.DistributedGradients` (1.x; 2.x `DistributedTrainingStrategies.
 * DistributedGradientsCoordinator`) over Hivemind's: `addGradients(g)` applies the child's step
 * to the main parameters at once (w ← w − g, or + g with "Ascent"), g being what a DataPredict
 * model's `getGradients()` returns (learning rate × mean gradient).
 */
import { DistributedGradients, DistributedGradientsOptions } from "../distributed/DistributedGradients";
import { ModelParameters } from "../parameters";
import { argumentNames, readArguments, underName } from "./arguments";

const WHERE = "DataPredict.DistributedGradients";
const NAMES = argumentNames("gradientChangeMode");

/** `DistributedGradients.new(gradientChangeMode)`: "Descent" (default) or "Ascent". */
export class DataPredictDistributedGradients {
	private main: DistributedGradients;
	private mode: unknown = "Descent";

	constructor(...args: Array<unknown>) {
		this.main = this.build(`${WHERE}.new`, args);
	}

	private build(where: string, args: Array<unknown>): DistributedGradients {
		const given = readArguments(where, NAMES, args);
		const mode = given.gradientChangeMode ?? this.mode;
		const result = underName(
			where,
			() =>
				new DistributedGradients({
					gradientChangeMode: mode as DistributedGradientsOptions["gradientChangeMode"],
					optimizer: "GradientDescent",
					learningRate: 1,
					maximumNormMultiple: math.huge,
				}),
		);
		this.mode = mode;
		return result as DistributedGradients;
	}

	/** Changes gradientChangeMode (the main parameters stay). */
	setParameters(...args: Array<unknown>) {
		const replacement = this.build(`${WHERE}.setParameters`, args);
		const parameters = this.main.getModelParameters(true);
		if (parameters !== undefined) replacement.setModelParameters(parameters);
		this.main.destroy();
		this.main = replacement;
	}

	/** Applies one child's gradients to the main parameters now. */
	addGradients(Gradients: ModelParameters) {
		this.main.addGradients(Gradients, 1); // one update a round: Σg / Σn = g
		this.main.applyPending();
	}

	/** Sets the main parameters (a deep copy unless `doNotDeepCopy`). */
	setModelParameters(ModelParameters: ModelParameters, doNotDeepCopy?: boolean) {
		this.main.setModelParameters(ModelParameters, doNotDeepCopy === true);
	}

	/** The same as `setModelParameters`. */
	setMainModelParameters(ModelParameters: ModelParameters, doNotDeepCopy?: boolean) {
		this.main.setModelParameters(ModelParameters, doNotDeepCopy === true);
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`). */
	getModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined {
		return this.main.getModelParameters(doNotDeepCopy === true);
	}

	/** The same as `getModelParameters`. */
	getMainModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined {
		return this.main.getModelParameters(doNotDeepCopy === true);
	}

	/** Discards gradients not applied yet (none: `addGradients` applies at once). */
	clearGradients() {
		this.main.clearGradients();
	}

	/** The Hivemind DistributedGradients underneath. */
	getDistributedGradients(): DistributedGradients {
		return this.main;
	}

	/** Destroys the object. */
	destroy() {
		this.main.destroy();
	}
}
