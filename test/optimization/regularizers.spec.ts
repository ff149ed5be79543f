import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { createRegularizer, ElasticNet, L1, L2, REGULARIZER_NAMES } from "../../src/optimization";

// Row 0 is the bias row by default.
const W = [
	[5, -5],
	[1, -2],
	[0, 3],
];

describe("regularizers", () => {
	it("L1: λ·Σ|w| and λ·sign(w), 0 at w = 0, bias row untouched", () => {
		const l1 = new L1({ lambda: 0.1 });
		expectClose(l1.penalty(W), 0.6, 1e-15); // 0.1·(1 + 2 + 0 + 3)
		expectMatrixClose(
			l1.gradient(W),
			[
				[0, 0],
				[0.1, -0.1],
				[0, 0.1],
			],
			1e-15,
		);
		expect(W[0]).toEqual([5, -5]);
	});
	it("L2: ½λ·Σw² and λ·w, bias row untouched", () => {
		const l2 = new L2({ lambda: 0.1 });
		expectClose(l2.penalty(W), 0.7, 1e-15); // 0.05·(1 + 4 + 0 + 9)
		expectMatrixClose(
			l2.gradient(W),
			[
				[0, 0],
				[0.1, -0.2],
				[0, 0.3],
			],
			1e-15,
		);
	});
	it("ElasticNet: λ·(r·Σ|w| + ½(1 − r)·Σw²) and λ·(r·sign(w) + (1 − r)·w)", () => {
		const net = new ElasticNet({ lambda: 0.1, l1Ratio: 0.25 });
		// 0.1·(0.25·6 + 0.375·14) = 0.1·(1.5 + 5.25) = 0.675.
		expectClose(net.penalty(W), 0.675, 1e-15);
		// row 1: 0.1·(0.25·1 + 0.75·1) = 0.1, 0.1·(−0.25 − 1.5) = −0.175; row 2: 0, 0.1·(0.25 + 2.25) = 0.25.
		expectMatrixClose(
			net.gradient(W),
			[
				[0, 0],
				[0.1, -0.175],
				[0, 0.25],
			],
			1e-15,
		);
		expectClose(new ElasticNet({ lambda: 0.1, l1Ratio: 1 }).penalty(W), new L1({ lambda: 0.1 }).penalty(W), 1e-15);
		expectClose(new ElasticNet({ lambda: 0.1, l1Ratio: 0 }).penalty(W), new L2({ lambda: 0.1 }).penalty(W), 1e-15);
	});
	it("takes the bias rows given: none, or others", () => {
		const l2 = new L2({ lambda: 1 });
		expectClose(l2.penalty(W, []), 32, 1e-15); // ½·(25 + 25 + 1 + 4 + 0 + 9)
		expectClose(l2.penalty(W, [0, 2]), 2.5, 1e-15); // ½·(1 + 4)
		expectMatrixClose(
			l2.gradient(W, [1]),
			[
				[5, -5],
				[0, 0],
				[0, 3],
			],
			1e-15,
		);
	});
	it("adds its gradient in place, scaled, without touching the bias row", () => {
		const target = [
			[1, 1],
			[1, 1],
			[1, 1],
		];
		const l1 = new L1({ lambda: 0.5 });
		expect(l1.addGradientInPlace(target, W)).toBe(target);
		expect(target).toEqual([
			[1, 1],
			[1.5, 0.5],
			[1, 1.5],
		]);
		l1.addGradientInPlace(target, W, [], -2); // −2·0.5·sign(w)
		expect(target).toEqual([
			[0, 2],
			[0.5, 1.5],
			[1, 0.5],
		]);
	});
	it("is created by name and reports its options", () => {
		expect(REGULARIZER_NAMES).toEqual(["ElasticNet", "L1", "L2"]);
		const net = createRegularizer("elasticnet", { l1Ratio: 0.3 });
		expect(net.regularizerName).toBe("ElasticNet");
		expect(net.getOptions()).toEqual({ lambda: 0.01, l1Ratio: 0.3 });
		expect(createRegularizer("L1").getOptions()).toEqual({ lambda: 0.01 });
		const l2 = new L2();
		expect(createRegularizer(l2)).toBe(l2);
	});
	it("rejects bad options and arguments", () => {
		expectError(() => new L1({ lambda: -1 }), "[Hivemind] L1.new: lambda must be a finite number ≥ 0, got -1");
		expectError(() => new L2({ lambda: math.huge }), "[Hivemind] L2.new: lambda must be a finite number ≥ 0, got inf");
		expectError(() => new ElasticNet({ l1Ratio: 1.5 }), "[Hivemind] ElasticNet.new: l1Ratio must be a number in [0, 1], got 1.5");
		expectError(
			() => new ElasticNet({ ratio: 0.5 } as never),
			'[Hivemind] ElasticNet.new: unknown option "ratio"; valid options are l1Ratio, lambda',
		);
		expectError(
			() => createRegularizer("L3"),
			'[Hivemind] createRegularizer: nameOrRegularizer must be a regularizer or one of ElasticNet, L1, L2, got "L3"',
		);
		const l2 = new L2();
		expectError(() => l2.penalty(W, [3]), "[Hivemind] L2.penalty: biasRows[1] must be an integer row index in [0, 2], got 3");
		expectError(() => l2.gradient(W, [0, -1]), "[Hivemind] L2.gradient: biasRows[2] must be an integer row index in [0, 2], got -1");
		expectError(() => l2.gradient(W, 0 as never), "[Hivemind] L2.gradient: biasRows must be an array of row indices, got 0");
		expectError(() => l2.penalty([[1, 0 / 0]]), "[Hivemind] L2.penalty: weights[1][2] must be finite, got NaN");
		expectError(() => l2.addGradientInPlace([[0]], W), "[Hivemind] L2.addGradientInPlace: shapes 1×1 and 3×2 must match");
		expectError(() => l2.addGradientInPlace([[0], [0], [0]], W, [], 0 / 0), "L2.addGradientInPlace: shapes 3×1 and 3×2 must match");
		expectError(
			() =>
				l2.addGradientInPlace(
					[
						[0, 0],
						[0, 0],
						[0, 0],
					],
					W,
					[],
					0 / 0,
				),
			"[Hivemind] L2.addGradientInPlace: scale must be a finite number, got NaN",
		);
	});
});
