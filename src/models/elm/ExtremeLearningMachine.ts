/**
 * Extreme Learning Machine (Huang, Zhu & Siew 2006): a random, fixed hidden layer (seeded) and
 * output weights solved exactly by ridge regression on the hidden outputs H:
 * β = (HᵀH + λI′)⁻¹HᵀT, I′ leaving the output bias unpenalized.
 *
 * Parameters: a record `{ hidden, output }`. `hidden` is (features + 1) × hiddenNeurons (row 0 the
 * biases, or the RBF widths; see `hidden.ts`), `output` is (hiddenNeurons + 1) × outputs (row 0 the
 * output bias). Both travel together, so every child of a distributed run computes the same H.
 * The output layer is linear regression on H, so its sufficient statistics are `LinearPartial`s
 * of H (xtx = HᵀH, xty = HᵀT): `computePartial` in each child, `mergeLinearPartials`, then
 * `trainFromPartial` in the main model, where λ is added once.
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { matmul } from "../../matrix/product";
import { argmax } from "../../matrix/reductions";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, integerAtLeast, labelList, numberAbove, objectWith, oneOf } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { finalizeLinear, LinearPartial, mergeLinearPartials } from "../../sufficientStatistics/linear";
import { LinearPartialModel } from "../base/LinearPartialModel";
import { Label } from "../../utilities/labels";
import { featureMatrix, targetMatrix } from "../base/data";
import { oneHot } from "../base/labels";
import { ClassLabels } from "../base/ClassLabels";
import { fillInBlocks, FrameBudget } from "../../parallel/FrameBudget";
import { rowsBetween, withResidentRows } from "../../parallel/shards";
import { WorkerPool } from "../../parallel/types";
import { ELM_NEURON_TYPES, ElmNeuronType, hiddenOutput, initializeHiddenLayer, layoutFingerprint } from "./hidden";
import { ElmKernelArgs, hiddenRowsPerBlock, hiddenSquaredError, hiddenStatistics } from "./statistics";
import { Classifier } from "../base/capabilities";
import { describeValue } from "../../core/describe";
import { warnIfSaturating } from "../base/scaleCheck";

/** Options of `ExtremeLearningMachine`. */
export interface ExtremeLearningMachineOptions {
	/** Number of random hidden neurons: integer ≥ 1, default 64. */
	hiddenNeurons: number;
	/** Hidden neuron type: "Sigmoid" (default), "Tanh", "ReLU", "Sine", "RBF" (alias "Gaussian"). */
	neuronType: ElmNeuronType;
	/** Ridge λ ≥ 0 on the output weights (never on the output bias): default 0.001. */
	lambda: number;
	/** `"Classification"` (one-hot targets, argmax) or `"Regression"`: default "Classification". */
	mode: "Classification" | "Regression";
	/** Class labels in output order (classification); default discovered (sorted) at the first training. */
	classesList?: Array<Label>;
	/** Seed of the hidden layer: integer, default 42. */
	seed: number;
	/** A worker pool (`ActorPool`) that computes HᵀH, HᵀT (and the training error) on resident row shards; default none. */
	pool?: WorkerPool;
}

const DEFAULTS: ExtremeLearningMachineOptions = { hiddenNeurons: 64, neuronType: "Sigmoid", lambda: 0.001, mode: "Classification", seed: 42 };

const CONSTRAINTS: ConstraintTable<ExtremeLearningMachineOptions> = {
	hiddenNeurons: integerAtLeast(1),
	neuronType: oneOf(...ELM_NEURON_TYPES),
	lambda: numberAbove(0, true),
	mode: oneOf("Classification", "Regression"),
	classesList: labelList,
	seed: integerAtLeast(-2147483648, 2147483647),
	pool: objectWith("a worker pool (ActorPool)", "loadData", "runKernel", "releaseData", "getWorkerCount"),
};

/** The parameters of an ELM: the random hidden layer and the solved output layer. */
type ElmParameters = { hidden: Matrix; output: Matrix };

/**
 * A single-hidden-layer network whose hidden layer is random and whose output layer is solved in
 * closed form: training is one linear solve, and distributed training merges exact statistics.
 * @example
 * const elm = new ExtremeLearningMachine({ hiddenNeurons: 40, neuronType: "Tanh", mode: "Regression" });
 * elm.train(X, y);
 * const [predictions] = elm.predict(X);
 */
export class ExtremeLearningMachine extends LinearPartialModel<ExtremeLearningMachineOptions, ElmParameters> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList);
	/** The hidden layer drawn before the first solve (computePartial on a fresh model). */
	private pendingHidden: Matrix | undefined;

	/** A new, untrained ELM; `options` as in `ExtremeLearningMachineOptions` (validated). */
	constructor(options?: Partial<ExtremeLearningMachineOptions>) {
		super("ExtremeLearningMachine", DEFAULTS, CONSTRAINTS, options);
	}

	/** Solves the output weights on `X`, `y` (replacing them; the hidden layer is kept); returns `[mean squared error]` on the training data. */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const [x, t, hidden] = this.inputsAndTargets(X, y, where);
		const neuronType = this.options.neuronType;
		if (neuronType === "Sigmoid" || neuronType === "Tanh") warnIfSaturating(x, where, `the ${neuronType} hidden neurons`);
		const args = this.kernelArgs(hidden);
		const pool = this.options.pool;
		if (pool !== undefined) {
			const fitted = withResidentRows(pool, x, t, (data) => {
				const output = this.outputWeights(sumInShardOrder(pool.runKernel("elmStatistics", data, args) as Array<LinearPartial>));
				let squaredError = 0;
				for (const part of pool.runKernel("elmSquaredError", data, { ...args, output }) as Array<number>) squaredError += part;
				return { output, squaredError };
			});
			this.setOutput(fitted.output);
			return [fitted.squaredError / t.size()];
		}
		// H again for the error rather than kept: no n × (neurons + 1) copy held meanwhile
		const budget = new FrameBudget();
		const output = this.outputWeights(hiddenStatistics(args, x, t, budget));
		const squaredError = hiddenSquaredError(args, output, x, t, budget);
		this.setOutput(output);
		return [squaredError / t.size()];
	}

	/**
	 * The sufficient statistics of `X`, `y` for this model's hidden layer (drawn from the seed when
	 * the model has none yet): { xtx = HᵀH, xty = HᵀT, n }, plain data to merge and send.
	 */
	computePartial(X: unknown, y: unknown): LinearPartial {
		const where = `${this.modelName}.computePartial`;
		this.assertAlive(where);
		const [x, t, hidden] = this.inputsAndTargets(X, y, where);
		const args = this.kernelArgs(hidden);
		const pool = this.options.pool;
		const partial =
			pool !== undefined
				? withResidentRows(pool, x, t, (data) => sumInShardOrder(pool.runKernel("elmStatistics", data, args) as Array<LinearPartial>))
				: hiddenStatistics(args, x, t, new FrameBudget());
		return { ...partial, layout: layoutFingerprint(hidden) };
	}

	/** A partial fits when it comes from this model's hidden layer (shapes and layout fingerprint). */
	protected partialMismatch(partial: LinearPartial): string | undefined {
		const hidden = this.hiddenLayer();
		const m = this.options.hiddenNeurons + 1;
		const outputs = this.parameters !== undefined ? this.parameters.output[0].size() : this.labels.count();
		if (
			hidden === undefined ||
			partial.n < 1 ||
			partial.xtx.size() !== m ||
			partial.xtx[0].size() !== m ||
			partial.xty.size() !== m ||
			(outputs !== undefined && partial.xty[0].size() !== outputs)
		) {
			return `partial must come from computePartial of a model with this hidden layer (n ≥ 1, xtx ${m}×${m}, xty ${m}×${outputs ?? "outputs"}), got n ${partial.n}, xtx ${describeShape(partial.xtx)}, xty ${describeShape(partial.xty)}${hidden === undefined ? " and the model has no hidden layer yet (call computePartial or setModelParameters first)" : ""}`;
		}
		if (partial.layout !== layoutFingerprint(hidden)) {
			return `partial.layout must be this model's hidden layer ${layoutFingerprint(hidden)} (from computePartial of a model with the same seed and hidden layer), got ${describeValue(partial.layout)}`;
		}
		return undefined;
	}

	/** Row 0 of H, the hidden layer's constant output, is the output bias. */
	protected unpenalizedRows(): Array<number> {
		return [0];
	}

	/** Solves the output weights from (merged) statistics of this model's hidden layer. */
	protected fitPartial(partial: LinearPartial) {
		this.setOutput(this.outputWeights(partial));
	}

	/**
	 * Classification: the predicted labels and, as a second value, the output scores (n × classes,
	 * not probabilities). Regression: the n × outputs predictions.
	 */
	predict(X: unknown): LuaTuple<[Array<Label> | Matrix, Matrix | undefined]> {
		const where = `${this.modelName}.predict`;
		const p = this.requireParameters(where);
		const x = featureMatrix(X, where, p.hidden.size() - 1);
		const scores = fillInBlocks<Array<number>>(x.size(), hiddenRowsPerBlock(p.hidden), new FrameBudget(), (out, first, last) => {
			matmul(hiddenOutput(this.options.neuronType, p.hidden, rowsBetween(x, first, last)), p.output).forEach(
				(row, i) => (out[first + i] = row),
			);
		});
		if (this.options.mode === "Regression") return $tuple(scores, undefined);
		return $tuple(this.labels.decode(argmax(scores, 1), where), scores);
	}

	/** The class labels in output order (classification), or undefined while unknown. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["hiddenNeurons", "neuronType", "mode", "classesList", "seed"];
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ElmParameters {
		const expected = `a record { hidden: (features + 1) × ${this.options.hiddenNeurons}, output: ${this.options.hiddenNeurons + 1} × outputs }`;
		const p = parameters as Partial<ElmParameters>;
		if (parameterKind(parameters) !== "record" || p.hidden === undefined || p.output === undefined) {
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		}
		const h = this.options.hiddenNeurons;
		if (p.hidden.size() < 2 || p.hidden[0].size() !== h || p.output.size() !== h + 1) {
			error(`[Hivemind] ${where}: parameters must be ${expected}, got hidden ${describeShape(p.hidden)}, output ${describeShape(p.output)}`, 3);
		}
		super.validateModelParameters(parameters, where);
	}

	protected onParametersSet() {
		this.pendingHidden = undefined;
	}

	protected copyLearnedStateTo(other: this) {
		super.copyLearnedStateTo(other);
		other.labels.copyFrom(this.labels);
		other.pendingHidden = this.pendingHidden;
	}

	/** The hidden layer of the parameters, or the one drawn by computePartial, or undefined. */
	private hiddenLayer(): Matrix | undefined {
		return this.parameters !== undefined ? this.parameters.hidden : this.pendingHidden;
	}

	/** The plain data a pool worker needs to compute this model's H. */
	private kernelArgs(hidden: Matrix): ElmKernelArgs {
		return { neuronType: this.options.neuronType, hidden };
	}

	/** The validated inputs, the numeric targets of `X`, `y`, and the hidden layer (drawn when there is none). */
	private inputsAndTargets(X: unknown, y: unknown, where: string): LuaTuple<[Matrix, Matrix, Matrix]> {
		let hidden = this.hiddenLayer();
		const x = featureMatrix(X, where, hidden === undefined ? undefined : hidden.size() - 1);
		const n = x.size();
		const xShape = `${n}×${x[0].size()}`;
		const outputs = this.parameters !== undefined ? this.parameters.output[0].size() : undefined;
		let t: Matrix;
		if (this.options.mode === "Regression") {
			t = targetMatrix(y, n, where, xShape, outputs);
		} else {
			t = oneHot(this.labels.encode(y, n, where, xShape), this.labels.count()!);
		}
		if (hidden === undefined) {
			hidden = initializeHiddenLayer(this.options.neuronType, x[0].size(), this.options.hiddenNeurons, new RandomGenerator(this.options.seed));
			this.pendingHidden = hidden;
		}
		return $tuple(x, t, hidden);
	}

	/** The output weights solved from statistics of the hidden layer (λ added once, never on the output bias). */
	private outputWeights(partial: LinearPartial): Matrix {
		return finalizeLinear(partial, this.options.lambda, [0]);
	}

	/** Sets the parameters to the hidden layer and `output`. */
	private setOutput(output: Matrix) {
		this.parameters = { hidden: this.hiddenLayer() as Matrix, output };
		this.pendingHidden = undefined;
	}
}

/** The statistics of the shards added in shard order (so the result never depends on which worker finished first). */
function sumInShardOrder(parts: Array<LinearPartial>): LinearPartial {
	let total = parts[0];
	for (const s of $range(1, parts.size() - 1)) total = mergeLinearPartials(total, parts[s]);
	return total;
}
