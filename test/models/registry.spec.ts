import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import {
	createModel,
	getModelRegistration,
	getRegisteredModels,
	modelsWithTag,
	registerModel,
	LinearRegression,
	RidgeRegression,
} from "../../src/models";

describe("model registry", () => {
	it("lists the models sorted, by tag, and creates them by name with options", () => {
		const names = getRegisteredModels().map((r) => r.name);
		const sorted = table.clone(names);
		sorted.sort();
		expect(names).toEqual(sorted);
		expect(names.includes("LinearRegression")).toBe(true);
		expect(
			modelsWithTag("statistics")
				.map((r) => r.name)
				.includes("RidgeRegression"),
		).toBe(true);
		expect(
			modelsWithTag("classifier")
				.map((r) => r.name)
				.includes("LinearRegression"),
		).toBe(false);
		const ridge = createModel("RidgeRegression", { lambda: 3 }) as RidgeRegression;
		expect(ridge.getOptions().lambda).toBe(3);
	});
	it("names unknown and duplicate registrations", () => {
		expectError(() => getModelRegistration("Nope"), "[Hivemind] getModelRegistration: name must be one of", "LinearRegression", "got Nope");
		expectError(
			() =>
				registerModel({
					name: "LinearRegression",
					create: (o) => new LinearRegression(o),
					tags: ["regressor"],
					example: () => ({ X: [[1]] }),
				}),
			'registerModel: a model named "LinearRegression" is already registered',
		);
	});
});
