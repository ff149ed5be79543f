import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { compareLabels, sortedUniqueLabels } from "../../src/utilities";
import { LabelEncoder, OneHotEncoder } from "../../src/transformers";

describe("label order", () => {
	it("sorts numbers ascending first, then strings in byte order", () => {
		expect(sortedUniqueLabels(["b", 10, "a", 2, "B", 2, -1, "b"])).toEqual([-1, 2, 10, "B", "a", "b"]);
		expect(compareLabels(3, "1")).toBe(true);
		expect(compareLabels("1", 3)).toBe(false);
	});
});

describe("LabelEncoder", () => {
	it("codes labels by their sorted classes and decodes them", () => {
		const encoder = new LabelEncoder();
		expect(encoder.fitTransform(["dog", "cat", "dog", "bird"])).toEqual([2, 1, 2, 0]);
		expect(encoder.getClasses()).toEqual(["bird", "cat", "dog"]);
		expect(encoder.transform(["cat"])).toEqual([1]);
		expect(encoder.inverseTransform([0, 2, 2])).toEqual(["bird", "dog", "dog"]);
		expect(new LabelEncoder().fitTransform([3, 1, 2, 3])).toEqual([2, 0, 1, 2]);
	});
	it("follows an explicit classesList without fitting", () => {
		const encoder = new LabelEncoder({ classesList: [1, "yes", 0] });
		expect(encoder.transform([0, 1, "yes"])).toEqual([2, 0, 1]);
		encoder.fit([0, 0]);
		expect(encoder.getClasses()).toEqual([1, "yes", 0]);
	});
	it("round-trips its state through JSON", () => {
		const encoder = new LabelEncoder().fit(["b", "a", 4]);
		const restored = new LabelEncoder().setState(HttpService.JSONDecode(HttpService.JSONEncode(encoder.getState())) as never);
		expect(restored.getState()).toEqual({ kind: "LabelEncoder", classes: [4, "a", "b"] });
		expect(restored.transform(["b", 4])).toEqual([2, 0]);
	});
	it("rejects bad labels, codes, options and states", () => {
		const encoder = new LabelEncoder().fit(["a", "b"]);
		expectError(
			() => encoder.transform(["a", "c"]),
			'[Hivemind] LabelEncoder.transform: labels[2] must be one of the classes ("a", "b"), got "c"',
		);
		expectError(
			() => encoder.transform([]),
			"LabelEncoder.transform: labels must be a non-empty array of labels (numbers or strings), got an empty table",
		);
		expectError(() => encoder.fit([1, true as never]), "LabelEncoder.fit: labels[2] must be a label (a finite number or a string), got true");
		expectError(() => encoder.fit([0 / 0]), "labels[1] must be a label (a finite number or a string), got NaN");
		expectError(() => encoder.inverseTransform([0, 2]), "LabelEncoder.inverseTransform: codes[2] must be an integer code in [0, 1], got 2");
		expectError(() => encoder.inverseTransform([0.5]), "codes[1] must be an integer code in [0, 1], got 0.5");
		expectError(() => encoder.inverseTransform("x" as never), 'codes must be a non-empty array of class codes, got "x"');
		expectError(() => new LabelEncoder().transform(["a"]), "LabelEncoder.transform: the encoder must be fitted first");
		expectError(() => new LabelEncoder().getState(), "LabelEncoder.getState: the encoder must be fitted first");
		expectError(
			() => new LabelEncoder({ classesList: ["a"] }).fit(["a", "z"]),
			'LabelEncoder.fit: labels[2] must be one of the classes ("a"), got "z"',
		);
		expectError(
			() => new LabelEncoder({ classesList: [1, 1] }),
			"LabelEncoder.new: classesList must be a non-empty array of distinct numbers or strings, got a table",
		);
		expectError(() => new LabelEncoder({ classes: [1] } as never), 'LabelEncoder.new: unknown option "classes"; valid options are classesList');
		expectError(
			() => encoder.setState({ kind: "OneHotEncoder" } as never),
			'LabelEncoder.setState: state must be a table from getState() with kind "LabelEncoder"',
		);
		expectError(
			() => encoder.setState({ kind: "LabelEncoder", classes: ["a", "a"] }),
			'LabelEncoder.setState: state.classes must not repeat a label, got "a" twice',
		);
	});
});

describe("OneHotEncoder", () => {
	it("encodes labels as one-hot rows over the sorted categories", () => {
		const encoder = new OneHotEncoder();
		expect(encoder.fitTransform(["red", "blue", "red", 3])).toEqual([
			[0, 0, 1],
			[0, 1, 0],
			[0, 0, 1],
			[1, 0, 0],
		]);
		expect(encoder.getCategories()).toEqual([3, "blue", "red"]);
	});
	it("decodes one-hot rows and probabilities by their largest entry", () => {
		const encoder = new OneHotEncoder().fit(["a", "b", "c"]);
		expect(
			encoder.inverseTransform([
				[0, 0, 1],
				[0.2, 0.5, 0.3],
				[0.4, 0.4, 0.2],
			]),
		).toEqual(["c", "b", "a"]);
	});
	it("ignores unknown labels as zero rows when asked", () => {
		const encoder = new OneHotEncoder({ handleUnknown: "ignore" }).fit([1, 2]);
		expect(encoder.transform([2, 5])).toEqual([
			[0, 1],
			[0, 0],
		]);
		expectError(() => encoder.inverseTransform([[0, 0]]), "OneHotEncoder.inverseTransform: X row 1 must have a positive entry, got no entry > 0");
	});
	it("uses explicit categories in their order", () => {
		const encoder = new OneHotEncoder({ categories: ["low", "mid", "high"] });
		expect(encoder.transform(["high", "low"])).toEqual([
			[0, 0, 1],
			[1, 0, 0],
		]);
	});
	it("round-trips its state through JSON", () => {
		const encoder = new OneHotEncoder({ handleUnknown: "ignore" }).fit([2, 1]);
		const restored = new OneHotEncoder().setState(HttpService.JSONDecode(HttpService.JSONEncode(encoder.getState())) as never);
		expect(restored.getState()).toEqual({ kind: "OneHotEncoder", categories: [1, 2], handleUnknown: "ignore" });
		expect(restored.transform([9])).toEqual([[0, 0]]);
	});
	it("rejects unknown labels, bad shapes, options and states", () => {
		const encoder = new OneHotEncoder().fit(["x", "y"]);
		expectError(() => encoder.transform(["z"]), '[Hivemind] OneHotEncoder.transform: labels[1] must be one of the classes ("x", "y"), got "z"');
		expectError(() => encoder.inverseTransform([[1, 0, 0]]), "OneHotEncoder.inverseTransform: X must have 2 columns (one per category), got 1×3");
		expectError(() => encoder.inverseTransform([[1, 0], [0]]), "OneHotEncoder.inverseTransform: X must be rectangular");
		expectError(() => new OneHotEncoder().transform(["x"]), "OneHotEncoder.transform: the encoder must be fitted first");
		expectError(
			() => new OneHotEncoder({ handleUnknown: "skip" as never }),
			'OneHotEncoder.new: handleUnknown must be one of "error", "ignore", got "skip"',
		);
		expectError(
			() => encoder.setState({ kind: "OneHotEncoder", categories: [], handleUnknown: "error" }),
			"OneHotEncoder.setState: state.categories must be a non-empty array of labels",
		);
		expectError(
			() => encoder.setState({ kind: "OneHotEncoder", categories: [1], handleUnknown: "maybe" as never }),
			'OneHotEncoder.setState: handleUnknown must be one of "error", "ignore", got "maybe"',
		);
		expectError(
			() => encoder.setState(undefined as never),
			'OneHotEncoder.setState: state must be a table from getState() with kind "OneHotEncoder", got nil',
		);
	});
});
