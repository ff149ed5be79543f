/**
 * The models' pool kernels. `"modelGradient"`: a worker rebuilds the model from its registered
 * name and plain-data options (cached per training call) and computes the summed loss and
 * gradient of its resident shard at the parameters it was sent. `"kmeansAssign"`: the k-means
 * assignment step's partial sums on the shard. `"elmStatistics"` / `"elmSquaredError"`: an ELM's
 * HᵀH, HᵀT (or its squared error) on the shard, H computed from the hidden layer it was sent.
 * `"nearestNeighbours"`: the shard's k nearest rows to each query it was sent (global indices).
 * Each checks the frame budget (the pool's, on a worker) between fixed row blocks, as the serial
 * paths do, so a shard's answer never depends on the budget.
 */
import { registerKernel } from "../parallel/kernels";
import { Shard } from "../parallel/types";
import { copyParameters, ModelParameters, parameterCount } from "../parameters";
import { budgetPacer, FrameBudget, rowsPerBlock } from "../parallel/FrameBudget";
import { GradientModel } from "./base/GradientModel";
import { createModel } from "./registry";
import { blockedLossAndGradient, LossAndGradient } from "./base/gradientEvaluator";
import { assignmentPartial } from "./clustering/kmeansSteps";
import { Matrix } from "../matrix/types";
import { ElmKernelArgs, hiddenSquaredError, hiddenStatistics } from "./elm/statistics";
import { DistanceName, nearestForQueries } from "./neighbours/search";

interface GradientArgs {
	modelName: string;
	options: object;
	key: string;
	parameters: ModelParameters;
}

const MODELS_KEPT = 4;
const models = new Map<string, GradientModel<never>>();
const order = new Array<string>();

function modelFor(args: GradientArgs): GradientModel<never> {
	let model = models.get(args.key);
	if (model === undefined) {
		// only GradientEvaluator (the shared gradient loop) dispatches this kernel, with its own model's name; the registry returns Model
		model = createModel(args.modelName, args.options) as unknown as GradientModel<never>;
		models.set(args.key, model);
		order.push(args.key);
		if (order.size() > MODELS_KEPT) models.delete(order.remove(0) as string);
	}
	return model;
}

/** The shard's targets, or an error naming `kernel` when the data set has none. */
function targetsOf(shard: Shard, kernel: string): Matrix {
	if (shard.targets === undefined) error(`[Hivemind] ${kernel}: the data set has no targets`, 0);
	return shard.targets;
}

registerKernel("modelGradient", (shard: Shard, args: unknown) => {
	const a = args as GradientArgs;
	const data = { inputs: shard.inputs, targets: targetsOf(shard, "modelGradient"), sampleCount: shard.inputs.size(), packed: shard.packed };
	const model = modelFor(a);
	const budget = new FrameBudget();
	// the model's own (protected) gradient of prepared rows, as the training loop calls it: one paced
	// pass when the model paces its rows, else fixed row blocks
	const compute: LossAndGradient = (p, d, out, pacer) => model["lossAndGradient"](p, d, out, pacer);
	const out = copyParameters(a.parameters);
	const [loss, gradient] = model["pacesRows"]()
		? compute(a.parameters, data, out, budgetPacer(budget, rowsPerBlock(3 * parameterCount(a.parameters)), data.sampleCount))
		: blockedLossAndGradient(compute, a.parameters, data, budget, out);
	return { loss, gradient };
});

registerKernel("kmeansAssign", (shard: Shard, args: unknown) =>
	assignmentPartial(shard.inputs, (args as { centroids: Matrix }).centroids, new FrameBudget()),
);

registerKernel("elmStatistics", (shard: Shard, args: unknown) =>
	hiddenStatistics(args as ElmKernelArgs, shard.inputs, targetsOf(shard, "elmStatistics"), new FrameBudget()),
);
registerKernel("elmSquaredError", (shard: Shard, args: unknown) => {
	const a = args as ElmKernelArgs & { output: Matrix };
	return hiddenSquaredError(a, a.output, shard.inputs, targetsOf(shard, "elmSquaredError"), new FrameBudget());
});
registerKernel("nearestNeighbours", (shard: Shard, args: unknown) => {
	const a = args as { queries: Matrix; k: number; distance: DistanceName };
	return nearestForQueries(shard.inputs, shard.firstRow, a.queries, a.k, a.distance, new FrameBudget());
});
