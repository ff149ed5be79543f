/**
 * The models' pool kernels. `"modelGradient"`: a worker rebuilds the model from its registered
 * name and plain-data options (cached per training call) and computes the summed loss and
 * gradient of its resident shard at the parameters it was sent. `"kmeansAssign"`: the k-means
 * assignment step's partial sums on the shard.
 */
import { registerKernel } from "../parallel/kernels";
import { Shard } from "../parallel/types";
import { ModelParameters } from "../parameters";
import { GradientModel } from "./base/GradientModel";
import { createModel } from "./registry";
import { computeKMeansPartial } from "../sufficientStatistics/kmeans";
import { Matrix } from "../matrix/types";

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

registerKernel("modelGradient", (shard: Shard, args: unknown) => {
	const a = args as GradientArgs;
	const targets = shard.targets;
	if (targets === undefined) error("[Hivemind] modelGradient: the data set has no targets", 0);
	// the model's own (protected) gradient of prepared rows, as the training loop calls it
	const [loss, gradient] = modelFor(a)["lossAndGradient"](a.parameters, { inputs: shard.inputs, targets, sampleCount: shard.inputs.size() });
	return { loss, gradient };
});

registerKernel("kmeansAssign", (shard: Shard, args: unknown) => computeKMeansPartial(shard.inputs, (args as { centroids: Matrix }).centroids));
