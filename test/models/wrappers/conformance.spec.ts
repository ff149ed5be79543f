// The conformance checks (test/conformance/checks.ts) on the wrappers, which are not registered:
// their `model` option is a live model, not plain data a registry factory could take. Each
// registration here wraps a registered model built from that model's own example.
import { describeConformance } from "../../conformance/checks";
import { getModelRegistration, ModelRegistration } from "../../../src/models";
import { GradientMethodOptions, GradientMethodWrapper } from "../../../src/models/wrappers/GradientMethodWrapper";
import { SafeguardOptions, SafeguardWrapper } from "../../../src/models/wrappers/SafeguardWrapper";
import type { WrappedModel } from "../../../src/models/wrappers/types";
import type { ModelTag } from "../../../src/models/base/types";

/**
 * A registration of `wrap` around the registered `innerName`: the example carries a fresh inner
 * model in `options.model`, and `create` wraps a clone of it (so every created wrapper owns its own).
 */
function wrapped(
	name: string,
	innerName: string,
	tags: Array<ModelTag>,
	wrapperOptions: object,
	wrap: (options: object) => object,
): ModelRegistration {
	const inner = getModelRegistration(innerName);
	return {
		name,
		tags,
		create: (options?: object) => {
			const given = (options ?? {}) as { model?: WrappedModel };
			const model = given.model !== undefined ? given.model.clone() : inner.create();
			return wrap({ ...given, model }) as never;
		},
		example: (rng, p, n) => {
			const data = inner.example(rng, p, n);
			return { X: data.X, y: data.y, options: { ...wrapperOptions, model: inner.create(data.options) } };
		},
	};
}

const gradientMethod = (options: object) => new GradientMethodWrapper(options as Partial<GradientMethodOptions>);
const safeguard = (options: object) => new SafeguardWrapper(options as Partial<SafeguardOptions>);

// Shuffled mini-batches and in-order stochastic steps visit the rows in an order that follows the input.
describeConformance(
	wrapped("GradientMethodWrapper", "LinearRegression", ["regressor"], { method: "MiniBatch", batchSize: 8, numberOfEpochs: 20 }, gradientMethod),
	true,
);
describeConformance(
	wrapped(
		"GradientMethodWrapper",
		"LogisticRegression",
		["classifier"],
		{ method: "Stochastic", shuffle: false, numberOfEpochs: 3 },
		gradientMethod,
	),
	true,
);
describeConformance(wrapped("GradientMethodWrapper", "NeuralNetwork", ["classifier"], { method: "Batch" }, gradientMethod));
describeConformance(wrapped("SafeguardWrapper", "SoftmaxRegression", ["classifier"], {}, safeguard));
describeConformance(
	wrapped("SafeguardWrapper", "LinearRegression", ["regressor"], {}, (options) => {
		const given = options as { model: WrappedModel };
		const model = new GradientMethodWrapper({ model: given.model as never, method: "MiniBatch", batchSize: 16, seed: 3 });
		return new SafeguardWrapper({ ...given, model });
	}),
	true,
);
