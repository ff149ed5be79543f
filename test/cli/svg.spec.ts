import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { costCurveSvg, decisionRegionsSvg } from "../../cli/plots/svg";

function count(text: string, pattern: string): number {
	// (roblox-ts 3.0.0 miscompiles `for ... of s.gmatch(p)`: count with gsub instead)
	const [, n] = text.gsub(pattern, "");
	return n;
}

describe("costCurveSvg", () => {
	it("draws one polyline point per cost, first point at the left edge and highest cost at the top", () => {
		const svg = costCurveSvg([4, 2, 1, 0.5], "Cost");
		expect(svg.sub(1, 4)).toBe("<svg");
		expect(svg.find("<title>")[0]).toBe(undefined);
		const [points] = svg.match('points="([^"]*)"');
		const coordinates = (points as string).split(" ");
		expect(coordinates.size()).toBe(4);
		// x from 76 (left margin) to 612 (width 640 - 28); y of the max (4) at top = 40, min (0.5) at bottom = 344
		expect(coordinates[0]).toBe("76,40");
		expect(coordinates[3]).toBe("612,344");
	});
	it("rejects an empty history", () => {
		expectError(() => costCurveSvg([]), "costHistory must be a non-empty array");
	});
});

describe("decisionRegionsSvg", () => {
	it("shades a grid cell per point of the grid and plots every sample", () => {
		const X = [
			[0, 0],
			[1, 1],
			[0, 1],
		];
		const svg = decisionRegionsSvg(X, ["a", "b", "a"], (grid) => grid.map((p) => (p[0] > 0.5 ? "b" : "a")), ["u", "v"], "Regions", 10);
		expect(count(svg, "<circle")).toBe(3);
		expect(count(svg, 'fill%-opacity="0.25"')).toBe(100);
		expect(svg.find(">u<")[0] !== undefined).toBe(true);
	});
	it("requires two features", () => {
		expectError(() => decisionRegionsSvg([[1, 2, 3]], [1], (g) => g.map(() => 1)), "X must have exactly 2 feature columns, got 3");
	});
});
