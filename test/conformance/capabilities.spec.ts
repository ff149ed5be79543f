// Capability checks selected by the registry's tags: the gradient convention (gradient), online
// continuation (online), and exact merging of sufficient statistics (statistics).
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import { modelsWithTag } from "../../src/models";
import { parameterEntries, zipParameters, ModelParameters } from "../../src/parameters";
import { gradientModel, rows, statisticsModel } from "./support";
import { createUpdate, decodeUpdate, encodeUpdate, updateParameters } from "../../src/distributed/wire";

function expectParametersClose(a: ModelParameters, b: ModelParameters, tolerance: number) {
	const ea = parameterEntries(a);
	const eb = parameterEntries(b);
	expect(ea.size()).toBe(eb.size());
	for (const i of $range(0, ea.size() - 1)) expectMatrixClose(ea[i][1], eb[i][1], tolerance);
}

for (const r of modelsWithTag("gradient")) {
	describe(`capability gradient: ${r.name}`, () => {
		const data = r.example(new RandomGenerator(11), 3, 30);
		const X = data.X;
		const y = data.y as Array<defined>;
		const oneStep = { ...(data.options ?? {}), maximumNumberOfIterations: 1 };

		it("sums shard gradients, sample counts and costs into the full-batch ones", () => {
			const model = gradientModel(r, oneStep);
			const [all, n, cost] = model.computeGradients(X, y);
			const [g1, n1, c1] = model.computeGradients(rows(X, 0, 12), rows(y, 0, 12));
			const [g2, n2, c2] = model.computeGradients(rows(X, 12, 30), rows(y, 12, 30));
			expect(n).toBe(30);
			const sent = decodeUpdate(
				encodeUpdate(createUpdate({ kind: "gradients", modelName: r.name, round: 0, childId: 1, sampleCount: n, data: all })),
			);
			expectParametersClose(updateParameters(sent), all, 0);
			expect(n1 + n2).toBe(30);
			expectClose(c1 + c2, cost, 1e-10);
			expectParametersClose(
				zipParameters([g1, g2], (m) => m[0].map((row, i) => row.map((v, j) => v + m[1][i][j]))),
				all,
				1e-10,
			);
		});

		it("saves the raw gradient of the last iteration, and applying Σg / Σn equals one training step", () => {
			const trained = gradientModel(r, oneStep);
			trained.setAreGradientsSaved(true);
			trained.train(X, y);
			const other = gradientModel(r, oneStep);
			const [g1, n1] = other.computeGradients(rows(X, 0, 10), rows(y, 0, 10));
			const [g2, n2] = other.computeGradients(rows(X, 10, 30), rows(y, 10, 30));
			const sum = zipParameters([g1, g2], (m) => m[0].map((row, i) => row.map((v, j) => v + m[1][i][j])));
			expectParametersClose(trained.getGradients()!, sum, 1e-10);
			expect(trained.getGradientSampleCount()).toBe(30);
			other.applyGradients(sum, n1 + n2);
			expectParametersClose(other.getModelParameters()!, trained.getModelParameters()!, 1e-10);
		});
	});
}

for (const r of modelsWithTag("online")) {
	describe(`capability online: ${r.name}`, () => {
		it("continues from its parameters: two calls of 20 iterations equal one call of 40", () => {
			const data = r.example(new RandomGenerator(5), 2, 25);
			const twice = r.create({ ...(data.options ?? {}), maximumNumberOfIterations: 20 });
			twice.train(data.X, data.y);
			twice.train(data.X, data.y);
			const once = r.create({ ...(data.options ?? {}), maximumNumberOfIterations: 40 });
			once.train(data.X, data.y);
			expectParametersClose(twice.getModelParameters()!, once.getModelParameters()!, 1e-12);
		});
	});
}

for (const r of modelsWithTag("statistics")) {
	describe(`capability statistics: ${r.name}`, () => {
		it("finalizing the merge of two shards' statistics equals training on all the data", () => {
			const data = r.example(new RandomGenerator(9), 3, 30);
			const y = data.y as Array<defined>;
			const central = statisticsModel(r, data.options);
			central.train(data.X, y);
			const main = statisticsModel(r, data.options);
			const a = main.computePartial(rows(data.X, 0, 7), rows(y, 0, 7));
			const b = main.computePartial(rows(data.X, 7, 30), rows(y, 7, 30));
			const sent = decodeUpdate(encodeUpdate(createUpdate({ kind: "statistics", modelName: r.name, round: 0, childId: 2, data: b as object })));
			main.trainFromPartial(main.mergePartials(a, sent.data));
			expectParametersClose(main.getModelParameters()!, central.getModelParameters()!, 1e-9);
		});
	});
}
