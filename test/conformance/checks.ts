// The common conformance checks on one model (models.spec.ts runs them over the registry).
import { HttpService } from "@rbxts/services";
import { decodeJson, encodeJson } from "../../src/core/json";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { ExampleDataset, isGenerative, Model, ModelRegistration, predictValues } from "../../src/models";
import { ModelParameters, parameterEntries } from "../../src/parameters";
import { fresh, setup, withEntry } from "./support";
import { createUpdate, decodeUpdate, encodeUpdate, updateParameters } from "../../src/distributed/wire";

function expectSameParameters(a: ModelParameters | undefined, b: ModelParameters | undefined, tolerance = 0) {
	expect(a).toBeDefined();
	const ea = parameterEntries(a!);
	const eb = parameterEntries(b!);
	expect(ea.size()).toBe(eb.size());
	for (const i of $range(0, ea.size() - 1)) {
		expect(ea[i][0]).toBe(eb[i][0]);
		if (tolerance === 0) expect(ea[i][1]).toEqual(eb[i][1]);
		else expectMatrixClose(ea[i][1], eb[i][1], tolerance);
	}
}

function optionSnapshot(model: Model): string {
	const keys = new Array<string>();
	for (const [key] of pairs(model.getOptions())) keys.push(key as string);
	keys.sort();
	return keys
		.map((key) => {
			const value = (model.getOptions() as { [k: string]: unknown })[key];
			if (!typeIs(value, "table")) return `${key}=${tostring(value)}`;
			// a table that is not JSON (a model given as an option) is compared by identity
			const [ok, json] = pcall(() => HttpService.JSONEncode(value));
			return `${key}=${ok ? json : tostring(value)}`;
		})
		.join(";");
}

/**
 * What the checks compare of a trained model: `predict(X)`, or for a `generative` model as many
 * samples from `generate` (with the example's labels as conditions), its output proper.
 */
function outputOf(r: ModelRegistration, model: Model, data: ExampleDataset): LuaTuple<[unknown, unknown?]> {
	if (!r.tags.includes("generative")) return predictValues(model, data.X);
	if (!isGenerative(model)) error(`${r.name} is tagged "generative" but has no generate`);
	return $tuple(model.generate(data.X.size(), data.y), undefined);
}

/**
 * The common checks on one model: `r` gives its name (the model's `modelName`), a factory and an
 * example dataset. Wrappers and other models outside the registry run them from their own specs.
 * `rowOrderMatters`: skip the row-order check (a model that visits rows in their given order).
 */
export function describeConformance(r: ModelRegistration, rowOrderMatters = false) {
	describe(`conformance: ${r.name}`, () => {
		it("is registered under its modelName with a kind tag", () => {
			const [model] = setup(r);
			expect(model.modelName).toBe(r.name);
			expect(
				["classifier", "regressor", "clusterer", "transformer", "outlier", "generative"].some((kind) => r.tags.includes(kind as never)),
			).toBe(true);
		});

		it("throws a clear error when predicting before training", () => {
			const [model, data] = setup(r);
			expect(model.getModelParameters()).toBeUndefined();
			expectError(() => model.predict(data.X), `[Hivemind] ${r.name}.predict: the model has no parameters yet`);
		});

		it("rejects unknown options, naming them", () => {
			expectError(() => r.create({ notAnOption: 1 }), `[Hivemind] ${r.name}.new: unknown option "notAnOption"`);
		});

		it("gives the same result for the same seed and data", () => {
			const [a, data] = setup(r);
			const b = fresh(r, data);
			expect(a.train(data.X, data.y)).toEqual(b.train(data.X, data.y));
			expectSameParameters(a.getModelParameters(), b.getModelParameters());
			expect(outputOf(r, a, data)[0]).toEqual(outputOf(r, b, data)[0]);
		});

		it("returns a finite cost history and leaves the options untouched", () => {
			const [model, data] = setup(r);
			const before = optionSnapshot(model);
			const history = model.train(data.X, data.y);
			for (const cost of history) expect(cost === cost && math.abs(cost) < math.huge).toBe(true);
			expect(optionSnapshot(model)).toBe(before);
			expect(table.isfrozen(model.getOptions())).toBe(true);
		});

		it("leaves X and y unchanged: train, predict, and the parameters it returns are its own copies", () => {
			const [model, data] = setup(r);
			const xBefore = decodeJson(encodeJson(data.X));
			const yBefore = data.y === undefined ? undefined : decodeJson(encodeJson(data.y));
			model.train(data.X, data.y);
			outputOf(r, model, data);
			expect(data.X).toEqual(xBefore);
			expect(data.y).toEqual(yBefore);
			// changing what getModelParameters returned does not change the model
			const given = model.getModelParameters()!;
			const before = decodeJson(encodeJson(given));
			for (const [, matrix] of parameterEntries(given)) matrix[0][0] += 1000;
			expect(model.getModelParameters()).toEqual(before);
		});

		it("round-trips its parameters through JSON (the library's codec and HttpService) with bit-identical predictions", () => {
			const [model, data] = setup(r);
			model.train(data.X, data.y);
			const [a1, a2] = outputOf(r, model, data);
			const routes = [(p: unknown) => decodeJson(encodeJson(p)), (p: unknown) => HttpService.JSONDecode(HttpService.JSONEncode(p))];
			for (const route of routes) {
				const copy = fresh(r, data);
				copy.setModelParameters(route(model.getModelParameters()) as ModelParameters);
				const [b1, b2] = outputOf(r, copy, data);
				expect(b1).toEqual(a1);
				expect(b2).toEqual(a2);
			}
		});

		it("sends its parameters as a valid wire-format update, received with identical predictions", () => {
			const [model, data] = setup(r);
			model.train(data.X, data.y);
			const text = encodeUpdate(
				createUpdate({ kind: "parameters", modelName: r.name, round: 1, childId: 0, data: model.getModelParameters() }),
			);
			const copy = fresh(r, data);
			copy.setModelParameters(updateParameters(decodeUpdate(text)));
			const [a1, a2] = outputOf(r, model, data);
			const [b1, b2] = outputOf(r, copy, data);
			expect(b1).toEqual(a1);
			expect(b2).toEqual(a2);
		});

		it("deep-copies parameters unless told otherwise", () => {
			const [model, data] = setup(r);
			model.train(data.X, data.y);
			const p = model.getModelParameters()!;
			parameterEntries(p)[0][1][0][0] += 1000;
			expect(parameterEntries(model.getModelParameters()!)[0][1][0][0]).never.toBe(parameterEntries(p)[0][1][0][0]);
			expect(model.getModelParameters(true)).toBe(model.getModelParameters(true));
		});

		it("rejects NaN, infinity, empty input and wrong widths, naming X", () => {
			const [model, data] = setup(r);
			const X = data.X as Array<Array<number>>;
			expectError(() => model.train(withEntry(X, 1, 0, 0 / 0), data.y), `${r.name}.train`, "X[2][1] must be finite");
			expectError(() => model.train(withEntry(X, 0, 2, math.huge), data.y), "X[1][3] must be finite, got inf");
			expectError(() => model.train([], data.y), `${r.name}.train`, "X must have at least one row");
			expectError(() => model.train([[]], data.y), "X must have at least one column");
			model.train(data.X, data.y);
			expectError(() => model.predict([[1, 2]]), `${r.name}.predict`, "X must have 3 columns (features) like the training data, got 1×2");
			expectError(() => model.predict(withEntry(X, 0, 0, -math.huge)), "X[1][1] must be finite, got -inf");
			expectError(() => model.predict([1, 2, 3]), "X must be a matrix (array of rows, one per sample), got a vector of 3 numbers");
		});

		it("rejects targets with the wrong length or non-finite values, naming y", () => {
			const [model, data] = setup(r);
			if (data.y === undefined) return;
			const y = data.y as Array<defined>;
			const short = table.clone(y);
			short.pop();
			expectError(() => model.train(data.X, short), `${r.name}.train`, "y must have 40 rows like X (40×3), got");
			const bad = table.clone(y);
			bad[2] = 0 / 0;
			expectError(() => model.train(data.X, bad), "y[3] must be");
			expectError(() => model.train(data.X), "y must be given");
		});

		it("works with one sample and one feature", () => {
			const [model, data] = setup(r, 3, 1, 1);
			model.train(data.X, data.y);
			const [prediction] = outputOf(r, model, data);
			expect((prediction as Array<unknown>).size()).toBe(1);
		});

		it("rejects parameters of the wrong structure or shape", () => {
			const [model, data] = setup(r);
			expectError(
				() => model.setModelParameters("nope" as unknown as ModelParameters),
				`[Hivemind] ${r.name}.setModelParameters: parameters must be`,
			);
			expectError(() => model.setModelParameters([[[1]], [[1], [2]]]), `${r.name}.setModelParameters: parameters must be`);
			model.train(data.X, data.y);
			const p = model.getModelParameters()!;
			const entry = parameterEntries(p)[0][1];
			entry.push(table.clone(entry[0]));
			expectError(() => model.setModelParameters(p), `${r.name}.setModelParameters`);
			expectError(() => model.setModelParameters([[0 / 0]]), "parameters must be");
		});

		it("clones into an independent model with the same predictions", () => {
			const [model, data] = setup(r);
			model.train(data.X, data.y);
			const twin = model.clone();
			expect(outputOf(r, twin, data)[0]).toEqual(outputOf(r, model, data)[0]);
			const before = model.getModelParameters();
			twin.train(data.X, data.y);
			expectSameParameters(model.getModelParameters(), before);
		});

		it("refuses work after destroy", () => {
			const [model, data] = setup(r);
			model.train(data.X, data.y);
			model.destroy();
			expectError(() => model.predict(data.X), "the model was destroyed");
			expectError(() => model.train(data.X, data.y), "the model was destroyed");
		});

		if (!rowOrderMatters)
			it("does not depend on the order of the rows", () => {
				const [a, data] = setup(r);
				const b = fresh(r, data);
				const X = data.X as Array<Array<number>>;
				const y = data.y as Array<unknown> | undefined;
				const order = X.map((_, i) => X.size() - 1 - i);
				a.train(X, y);
				b.train(
					order.map((i) => X[i]),
					y === undefined ? undefined : order.map((i) => y[i]),
				);
				expectSameParameters(a.getModelParameters(), b.getModelParameters(), 1e-9);
			});
	});
}
