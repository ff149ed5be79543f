import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { selectRows } from "../../src/matrix";
import { kFold, Label, trainTestSplit } from "../../src/utilities";

function rowsOf(n: number): Array<Array<number>> {
	const out = new Array<Array<number>>();
	for (const i of $range(0, n - 1)) out.push([i, 10 * i]);
	return out;
}

function sorted(values: Array<number>): Array<number> {
	const copy = table.clone(values);
	copy.sort();
	return copy;
}

function range(n: number): Array<number> {
	const out = new Array<number>();
	for (const i of $range(0, n - 1)) out.push(i);
	return out;
}

function countOf(labels: Array<Label>, label: Label): number {
	return labels.filter((v) => v === label).size();
}

describe("trainTestSplit", () => {
	const X = rowsOf(10);
	const y = range(10).map((i) => `r${i}`);

	it("is reproducible for a seed, disjoint, covers every row, and keeps X and y aligned", () => {
		const a = trainTestSplit(X, y, { testSize: 0.3, seed: 1 });
		const b = trainTestSplit(X, y, { testSize: 0.3, seed: 1 });
		expect(a).toEqual(b);
		expect(a.testIndices.size()).toBe(3);
		expect(a.trainIndices.size()).toBe(7);
		expect(a.validationIndices).toEqual([]);
		expect(a.xValidation).toBeUndefined();
		expect(sorted([...a.trainIndices, ...a.testIndices])).toEqual(range(10));
		expect(a.xTrain).toEqual(selectRows(X, a.trainIndices));
		expect(a.xTest).toEqual(selectRows(X, a.testIndices));
		expect(a.yTest).toEqual(a.testIndices.map((i) => `r${i}`));
		expect(a.trainIndices).never.toEqual(range(7));
		expect(trainTestSplit(X, y, { testSize: 0.3, seed: 2 }).testIndices).never.toEqual(a.testIndices);
	});
	it("cuts train, validation and test in row order without shuffling", () => {
		const parts = trainTestSplit(X, X, { testSize: 2, validationSize: 0.2, shuffle: false });
		expect(parts.trainIndices).toEqual([0, 1, 2, 3, 4, 5]);
		expect(parts.validationIndices).toEqual([6, 7]);
		expect(parts.testIndices).toEqual([8, 9]);
		expect(parts.yValidation).toEqual([
			[6, 60],
			[7, 70],
		]);
		expect(parts.xValidation).toEqual(parts.yValidation);
	});
	it("rounds fractional part sizes up", () => {
		const parts = trainTestSplit(X, y, { testSize: 0.25, validationSize: 0.11, seed: 3 });
		expect([parts.trainIndices.size(), parts.validationIndices.size(), parts.testIndices.size()]).toEqual([5, 2, 3]);
		expect(sorted([...parts.trainIndices, ...parts.validationIndices, ...parts.testIndices])).toEqual(range(10));
	});
	it("stratifies by class: each part takes its share of every class", () => {
		// 8 "a" and 4 "b": a quarter to test (2 a, 1 b), a quarter to validation (2 a, 1 b), the rest to train (4 a, 2 b).
		const labels: Array<Label> = ["a", "b", "a", "a", "b", "a", "a", "b", "a", "a", "b", "a"];
		const parts = trainTestSplit(rowsOf(12), labels, { testSize: 0.25, validationSize: 0.25, seed: 9, stratify: true });
		expect([countOf(parts.yTest, "a"), countOf(parts.yTest, "b")]).toEqual([2, 1]);
		expect([countOf(parts.yValidation!, "a"), countOf(parts.yValidation!, "b")]).toEqual([2, 1]);
		expect([countOf(parts.yTrain, "a"), countOf(parts.yTrain, "b")]).toEqual([4, 2]);
		expect(sorted([...parts.trainIndices, ...parts.validationIndices, ...parts.testIndices])).toEqual(range(12));
		for (const i of parts.testIndices) expect(labels[i]).toBe(parts.yTest[parts.testIndices.indexOf(i)]);
		expect(trainTestSplit(rowsOf(12), labels, { testSize: 0.25, validationSize: 0.25, seed: 9, stratify: true })).toEqual(parts);
	});
	it("stratifies by an explicit label list or one-hot y, deterministically without shuffling", () => {
		const groups = [0, 0, 1, 1, 0, 0, 1, 1];
		const parts = trainTestSplit(rowsOf(8), rowsOf(8), { testSize: 0.5, shuffle: false, stratify: groups });
		// Class 0 rows 0, 1, 4, 5 then class 1 rows 2, 3, 6, 7; every second position goes to test.
		expect(parts.testIndices).toEqual([1, 5, 3, 7]);
		expect(parts.trainIndices).toEqual([0, 4, 2, 6]);
		const oneHot = groups.map((g) => (g === 0 ? [1, 0] : [0, 1]));
		expect(trainTestSplit(rowsOf(8), oneHot, { testSize: 0.5, shuffle: false, stratify: true }).testIndices).toEqual([1, 5, 3, 7]);
	});
	it("rejects bad data and options with messages naming them", () => {
		expectError(() => trainTestSplit([[1], [2, 3]], y), "[Hivemind] trainTestSplit: X must be rectangular");
		expectError(() => trainTestSplit(X, range(9)), "trainTestSplit: y must have 10 rows like X, got 9");
		expectError(() => trainTestSplit(X, rowsOf(3)), "trainTestSplit: y must have 10 rows like X, got 3×2");
		expectError(() => trainTestSplit(X, [true] as never), "trainTestSplit: y[1] must be a label (a finite number or a string), got true");
		expectError(() => trainTestSplit(X, y, { testSize: 0 }), "trainTestSplit: testSize must be a fraction in (0, 1) or a row count ≥ 1, got 0");
		expectError(() => trainTestSplit(X, y, { testSize: 1.5 }), "testSize must be a fraction in (0, 1) or a row count ≥ 1, got 1.5");
		expectError(() => trainTestSplit(X, y, { validationSize: -1 }), "validationSize must be 0, a fraction in (0, 1) or a row count ≥ 1, got -1");
		expectError(
			() => trainTestSplit(X, y, { testSize: 5, validationSize: 5 }),
			"trainTestSplit: testSize and validationSize must leave at least 1 training row, got 5 test + 5 validation rows of 10",
		);
		expectError(() => trainTestSplit(X, y, { seed: 0 / 0 }), "seed must be a finite number, got NaN");
		expectError(() => trainTestSplit(X, y, { shuffle: "yes" as never }), 'shuffle must be a boolean, got "yes"');
		expectError(() => trainTestSplit(X, y, { stratify: [1, 2] }), "trainTestSplit: options.stratify must have 10 labels (one per row), got 2");
		expectError(() => trainTestSplit(X, y, { stratify: 3 as never }), "stratify must be a boolean or an array of labels, got 3");
		expectError(
			() => trainTestSplit(X, y, { size: 3 } as never),
			'trainTestSplit: unknown option "size"; valid options are seed, shuffle, stratify, testSize, validationSize',
		);
	});
});

describe("kFold", () => {
	it("cuts consecutive folds without shuffling (the first n mod k folds one larger)", () => {
		expect(kFold(7, 3, { shuffle: false })).toEqual([
			{ testIndices: [0, 1, 2], trainIndices: [3, 4, 5, 6] },
			{ testIndices: [3, 4], trainIndices: [0, 1, 2, 5, 6] },
			{ testIndices: [5, 6], trainIndices: [0, 1, 2, 3, 4] },
		]);
	});
	it("partitions the shuffled indices reproducibly", () => {
		const folds = kFold(10, 4, { seed: 5 });
		expect(folds).toEqual(kFold(10, 4, { seed: 5 }));
		expect(folds.map((f) => f.testIndices.size())).toEqual([3, 3, 2, 2]);
		const all = new Array<number>();
		for (const fold of folds) {
			for (const i of fold.testIndices) all.push(i);
			expect(sorted([...fold.trainIndices, ...fold.testIndices])).toEqual(range(10));
			expect(fold.trainIndices).toEqual(sorted(fold.trainIndices));
		}
		expect(sorted(all)).toEqual(range(10));
		expect(folds[0].testIndices).never.toEqual([0, 1, 2]);
	});
	it("rejects bad sizes and options", () => {
		expectError(() => kFold(1, 2), "[Hivemind] kFold: n must be an integer ≥ 2, got 1");
		expectError(() => kFold(5, 6), "kFold: k must be an integer in [2, 5], got 6");
		expectError(() => kFold(5, 2.5), "kFold: k must be an integer in [2, 5], got 2.5");
		expectError(() => kFold(5, 2, { seed: "x" as never }), 'kFold: seed must be a finite number, got "x"');
	});
});
