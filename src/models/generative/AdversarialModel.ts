/**
 * The training loop and sampler shared by the adversarial networks: a generator G (noise z, and
 * the condition when conditional, to a sample) and a discriminator D (a sample, and the
 * condition, to one output), both `NeuralNetwork`s moved by their own optimizer states. Each
 * iteration takes `discriminatorSteps` steps of D on a batch of real rows (drawn with
 * replacement, seeded) against as many generated ones, then one step of G through D
 * (`NeuralNetwork.backpropagate` gives D's gradient with respect to its input).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { ModelParameters } from "../../parameters";
import { Label } from "../../utilities/labels";
import { BaseModel } from "../base/BaseModel";
import { ClassLabels } from "../base/ClassLabels";
import { featureMatrix, mapInBlocks } from "../base/data";
import { oneHot } from "../base/labels";
import { TrainingMonitor } from "../base/monitor";
import { printTrainingLine } from "../base/output";
import { canonicalRowOrder } from "../base/rowOrder";
import { allFinite } from "../base/trainingState";
import { isFiniteNumber } from "../../core/describe";
import { clipWeights, gradientPenalty, interpolates } from "./critic";
import { Game } from "./games";
import { AdversarialPair, buildPair, initializePair, pairForParameters, pairParameters, setPairParameters } from "./networks";
import { AdversarialOptions, ConditionalOptions } from "./options";
import { Generative } from "../base/capabilities";

/** The objective and the critic's constraint of one model. */
export interface AdversarialRule {
	readonly game: Game;
	/** λ of the gradient penalty (Wasserstein "GradientPenalty"). */
	readonly penaltyWeight?: number;
	/** c of the weight clipping (Wasserstein "WeightClipping"). */
	readonly clipValue?: number;
}

const WEIGHTS_STREAM = 1;
const TRAINING_STREAM = 2;
const SAMPLING_STREAM = 3;

/** The rows of `a` followed by those of `b` (in fixed row blocks within the frame budget). */
function glue(a: Matrix, b: Matrix | undefined): Matrix {
	return b === undefined ? a : mapInBlocks(a.size(), a[0].size() + b[0].size(), (i) => [...a[i], ...b[i]]);
}

/** Base of the four adversarial networks. */
export abstract class AdversarialModel<O extends AdversarialOptions> extends BaseModel<O> implements Generative {
	private pair: AdversarialPair | undefined;
	private readonly labels: ClassLabels;
	private trainingRng: RandomGenerator;
	private samplingRng: RandomGenerator;
	private generatorHistory = new Array<number>();

	protected constructor(
		modelName: string,
		defaults: O,
		constraints: ConstraintTable<O>,
		options: Partial<O> | undefined,
		private readonly conditional: boolean,
	) {
		super(modelName, defaults, constraints, options);
		this.labels = new ClassLabels(() => (this.options as Partial<ConditionalOptions>).classesList);
		this.trainingRng = new RandomGenerator(this.options.seed).fork(TRAINING_STREAM);
		this.samplingRng = new RandomGenerator(this.options.seed).fork(SAMPLING_STREAM);
	}

	/** The objective and the critic's constraint (from the options). */
	protected abstract rule(): AdversarialRule;

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["latentSize", "generatorHiddenLayers", "discriminatorHiddenLayers", "activation", "classesList"];
	}

	protected onOptionsChanged() {
		this.trainingRng = new RandomGenerator(this.options.seed).fork(TRAINING_STREAM);
		this.samplingRng = new RandomGenerator(this.options.seed).fork(SAMPLING_STREAM);
		if (this.pair !== undefined && this.parameters !== undefined) {
			const rebuilt = buildPair(this.options, this.pair.featureCount, this.pair.conditionCount);
			setPairParameters(rebuilt, this.parameters as { [name: string]: Matrix });
			this.pair = rebuilt;
		}
	}

	/** The condition labels in one-hot order (conditional models), or undefined while unknown. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	/** The generator's summed cost per iteration of the `train` calls so far (mean over the batch). */
	getGeneratorCostHistory(): Array<number> {
		return table.clone(this.generatorHistory);
	}

	private conditionsOf(y: unknown, rows: number, where: string, xShape: string): Matrix | undefined {
		if (!this.conditional) return undefined;
		const indices = this.labels.encode(y, rows, where, xShape);
		return oneHot(indices, this.labels.count()!);
	}

	/** `rows` noise rows drawn in order from `rng` (in fixed row blocks within the frame budget). */
	private noise(rows: number, rng: RandomGenerator): Matrix {
		return mapInBlocks(rows, 8 * this.options.latentSize, () => {
			const z = new Array<number>();
			for (const _j of $range(1, this.options.latentSize)) z.push(rng.normal());
			return z;
		});
	}

	private generated(pair: AdversarialPair, z: Matrix, conditions: Matrix | undefined): Matrix {
		return pair.generator.predict(glue(z, conditions))[0] as Matrix;
	}

	/** One discriminator step on a batch; returns its mean cost. */
	private discriminatorStep(pair: AdversarialPair, rows: Matrix, conditions: Matrix | undefined, rule: AdversarialRule): number {
		const rng = this.trainingRng;
		const m = this.options.batchSize;
		const picks = new Array<number>();
		for (const _ of $range(1, m)) picks.push(rng.integer(0, rows.size() - 1));
		const batchConditions = conditions === undefined ? undefined : picks.map((i) => conditions[i]);
		const real = picks.map((i) => rows[i]);
		const fake = this.generated(pair, this.noise(m, rng), batchConditions);
		let cost = 0;
		const [gradients] = pair.discriminator.backpropagate(
			glue([...real, ...fake], batchConditions && [...batchConditions, ...batchConditions]),
			(output) => {
				const realTerm = rule.game.discriminator(
					output.filter((_, i) => i < m),
					true,
				);
				const fakeTerm = rule.game.discriminator(
					output.filter((_, i) => i >= m),
					false,
				);
				cost = realTerm.cost + fakeTerm.cost;
				return [...realTerm.gradient, ...fakeTerm.gradient];
			},
		);
		if (rule.penaltyWeight !== undefined && rule.penaltyWeight > 0) {
			const points = glue(interpolates(real, fake, rng), batchConditions);
			const [penalty, penaltyGradients] = gradientPenalty(pair.discriminator, points, pair.featureCount, rule.penaltyWeight);
			cost += penalty;
			gradients.forEach((w, l) => w.forEach((row, i) => row.forEach((v, j) => (row[j] = v + penaltyGradients[l][i][j]))));
		}
		// A non-finite gradient is not applied (`applyGradients` refuses it): the NaN cost stops the loop.
		if (!allFinite(gradients)) return 0 / 0;
		pair.discriminator.applyGradients(gradients, m);
		if (rule.clipValue !== undefined) clipWeights(pair.discriminator, rule.clipValue);
		return cost / m;
	}

	/** One generator step through the discriminator; returns its mean cost. */
	private generatorStep(pair: AdversarialPair, conditions: Matrix | undefined, rule: AdversarialRule): number {
		const rng = this.trainingRng;
		const m = this.options.batchSize;
		let batchConditions: Matrix | undefined;
		if (conditions !== undefined) {
			batchConditions = [];
			for (const _ of $range(1, m)) batchConditions.push(conditions[rng.integer(0, conditions.size() - 1)]);
		}
		const count = m;
		let cost = 0;
		const [gradients] = pair.generator.backpropagate(glue(this.noise(count, rng), batchConditions), (samples) => {
			const [, inputGradient] = pair.discriminator.backpropagate(glue(samples, batchConditions), (output) => {
				const term = rule.game.generator(output);
				cost = term.cost;
				return term.gradient;
			});
			return inputGradient.map((row) => row.filter((_, j) => j < pair.featureCount));
		});
		if (!allFinite(gradients)) return 0 / 0;
		pair.generator.applyGradients(gradients, count);
		return cost / count;
	}

	/**
	 * Trains on the rows of `X` (n×p; the samples to imitate) — with `y`, their condition labels,
	 * for the conditional models — for `maximumNumberOfIterations` generator steps (training again
	 * continues). Returns the discriminator's mean cost per iteration (`getGeneratorCostHistory`
	 * gives the generator's). A non-finite cost or weight stops training with a warning, both
	 * networks (weights and optimizer states) restored to the last finite iteration, as `GradientModel` does.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where, this.pair?.featureCount);
		const allConditions = this.conditionsOf(y, x.size(), where, describeShape(x));
		if (this.pair !== undefined && allConditions !== undefined && allConditions[0].size() !== this.pair.conditionCount) {
			error(
				`[Hivemind] ${where}: y must hold the ${this.pair.conditionCount} classes the model was trained on, got ${allConditions[0].size()}`,
				2,
			);
		}
		const budget = new FrameBudget(this.options.frameBudget);
		const n = x.size();
		const keys = allConditions && mapInBlocks(n, allConditions[0].size(), (i) => allConditions[i].indexOf(1), budget);
		const order = canonicalRowOrder(x, keys, budget);
		const rows = mapInBlocks(n, 1, (i) => x[order[i]], budget);
		const conditions = allConditions && mapInBlocks(n, 1, (i) => allConditions[order[i]], budget);
		let pair = this.pair;
		if (pair === undefined) {
			pair = buildPair(this.options, rows[0].size(), conditions === undefined ? 0 : conditions[0].size());
			initializePair(pair, new RandomGenerator(this.options.seed).fork(WEIGHTS_STREAM));
			this.pair = pair;
		}
		const rule = this.rule();
		// Divergence as in the shared gradient loop: the monitor refuses a non-finite cost, and both
		// networks return to their state (weights and optimizer moments) after the last finite iteration.
		const monitor = new TrainingMonitor(where, { convergenceTolerance: 0, convergenceChecks: 1, isOutputPrinted: false });
		let lastFinite = [pair.generator.getTrainingState(), pair.discriminator.getTrainingState()];
		for (const iteration of $range(1, this.options.maximumNumberOfIterations)) {
			let cost = 0;
			for (const _ of $range(1, this.options.discriminatorSteps)) cost += this.discriminatorStep(pair, rows, conditions, rule);
			const generatorCost = this.generatorStep(pair, conditions, rule);
			let diverged = true;
			if (!allFinite(pairParameters(pair))) monitor.warnNonFinite("the parameters", iteration);
			else if (!isFiniteNumber(generatorCost)) monitor.warnNonFinite(`the generator's cost (${generatorCost})`, iteration);
			else diverged = monitor.record(iteration, cost / this.options.discriminatorSteps) === "nonfinite";
			if (diverged) {
				pair.generator.setTrainingState(lastFinite[0]);
				pair.discriminator.setTrainingState(lastFinite[1]);
				break;
			}
			lastFinite = [pair.generator.getTrainingState(), pair.discriminator.getTrainingState()];
			this.generatorHistory.push(generatorCost);
			if (this.options.isOutputPrinted)
				printTrainingLine(`Iteration: ${iteration}  Discriminator: ${monitor.history[iteration - 1]}  Generator: ${generatorCost}`);
			budget.pace(iteration, this.options.yieldInterval);
		}
		this.parameters = pairParameters(pair);
		return monitor.history;
	}

	private requirePair(where: string): AdversarialPair {
		this.requireParameters(where);
		return this.pair!;
	}

	/** One-hot conditions for `count` rows from a label or a list of `count` labels; undefined for unconditional models. */
	private conditionRows(condition: unknown, count: number, where: string, argName: string): Matrix | undefined {
		if (!this.conditional) {
			if (condition !== undefined)
				error(`[Hivemind] ${where}: ${argName} must be nil (the model is not conditional), got ${tostring(condition)}`, 3);
			return undefined;
		}
		if (condition === undefined) error(`[Hivemind] ${where}: ${argName} must be given: a condition label or a list of ${count} labels`, 3);
		const classes = this.labels.get();
		if (classes === undefined)
			error(`[Hivemind] ${where}: the condition labels are unknown (parameters were set without training); give the classesList option`, 3);
		const list = typeIs(condition, "table") ? (condition as Array<defined>) : (table.create(count, condition) as Array<defined>);
		if (list.size() !== count) error(`[Hivemind] ${where}: ${argName} must be one label or ${count} labels, got ${list.size()}`, 3);
		return list.map((label, i) => {
			const k = classes.indexOf(label as Label);
			if (k < 0)
				error(`[Hivemind] ${where}: ${argName}[${i + 1}] must be one of the classes (${classes.join(", ")}), got ${tostring(label)}`, 4);
			return classes.map((_, j) => (j === k ? 1 : 0));
		});
	}

	/**
	 * `n` new samples (n×p) from the generator, with noise from the seeded sampling stream (each
	 * call continues it; a model built with the same seed and given the same parameters draws the
	 * same samples). Conditional models take `condition`: one label for every sample or a list of n.
	 * @example local samples = gan:generate(100)   -- conditional: gan:generate(100, "archer")
	 */
	generate(n: number, condition?: unknown): Matrix {
		const where = `${this.modelName}.generate`;
		const pair = this.requirePair(where);
		if (!typeIs(n, "number") || n !== math.floor(n) || n < 1) error(`[Hivemind] ${where}: n must be an integer ≥ 1, got ${tostring(n)}`, 2);
		const conditions = this.conditionRows(condition, n, where, "condition");
		return this.generated(pair, this.noise(n, this.samplingRng), conditions);
	}

	/**
	 * The discriminator's view of the rows of `X` (with their condition labels `y` for conditional
	 * models): n×1 probabilities that each row is real (minimax), or critic values (Wasserstein).
	 */
	predict(X: unknown, y?: unknown): LuaTuple<[Matrix, undefined]> {
		const where = `${this.modelName}.predict`;
		const pair = this.requirePair(where);
		const x = featureMatrix(X, where, pair.featureCount);
		const conditions = this.conditionRows(y, x.size(), where, "y");
		const objective = this.rule().game;
		const output = pair.discriminator.predict(glue(x, conditions))[0] as Matrix;
		return $tuple(
			output.map((row) => [objective.shown(row[0])]),
			undefined,
		);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const known = this.conditional ? this.labels.count() : 0;
		pairForParameters(this.options, parameters, where, known);
		super.validateModelParameters(parameters, where);
	}

	protected onParametersSet() {
		const record = this.parameters as { [name: string]: Matrix };
		const pair = pairForParameters(this.options, record, `${this.modelName}.setModelParameters`, this.conditional ? this.labels.count() : 0);
		setPairParameters(pair, record);
		this.pair = pair;
	}

	protected copyLearnedStateTo(other: this) {
		other.labels.copyFrom(this.labels);
		if (this.parameters !== undefined) {
			other.setModelParameters(this.parameters);
			other.pair!.generator.setOptimizerStates(this.pair!.generator.getOptimizerStates());
			other.pair!.discriminator.setOptimizerStates(this.pair!.discriminator.getOptimizerStates());
		}
		other.trainingRng.setState(this.trainingRng.getState());
		other.samplingRng.setState(this.samplingRng.getState());
		other.generatorHistory = table.clone(this.generatorHistory);
	}

	destroy() {
		this.pair?.generator.destroy();
		this.pair?.discriminator.destroy();
		this.pair = undefined;
		super.destroy();
	}
}
