import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose } from "../../support/numeric";
import { distanceBetween, nearestNeighbours, nearestRow } from "../../../src/models/neighbours/search";
import { FrameBudget } from "../../../src/parallel/FrameBudget";

describe("neighbour search", () => {
	it("computes each distance by hand", () => {
		expectClose(distanceBetween([0, 0], [3, 4], "euclidean"), 5);
		expectClose(distanceBetween([1, -1], [3, 4], "manhattan"), 7);
		// cos∠((1,0),(1,1)) = 1/√2
		expectClose(distanceBetween([1, 0], [1, 1], "cosine"), 1 - 1 / math.sqrt(2));
		expectClose(distanceBetween([2, 0], [-3, 0], "cosine"), 2);
		expect(distanceBetween([0, 0], [1, 1], "cosine")).toBe(1);
		expect(distanceBetween([0, 0], [0, 0], "cosine")).toBe(0);
	});
	it("returns the k nearest rows in order, ties to the lower index", () => {
		const points = [[5], [1], [-1], [2], [1], [0.5]];
		// distances to 0: 5, 1, 1, 2, 1, 0.5
		const result = nearestNeighbours(points, [0], 3, "euclidean");
		expect(result.indices.join(",")).toBe("5,1,2");
		expect(result.distances.join(",")).toBe("0.5,1,1");
		const all = nearestNeighbours(points, [0], 6, "euclidean");
		expect(all.indices.join(",")).toBe("5,1,2,4,3,0");
		const one = nearestNeighbours(points, [1.9], 1, "manhattan");
		expect(one.indices.join(",")).toBe("3");
	});
	it("finds the single nearest row, ties to the lower index", () => {
		const [index, distance] = nearestRow([[2], [0], [-2]], [1], "euclidean");
		expect(index).toBe(0);
		expectClose(distance, 1);
	});
	it("checks the budget every ⌊32768 / (3p + 8)⌋ rows (862 at p = 10: 2 yields in 2000 rows at a tiny budget), with the same neighbours as unsliced", () => {
		// deterministic points: row i = (i mod 7, i mod 11, …), the query near row 1000
		const points = new Array<Array<number>>();
		for (const i of $range(0, 1999)) points.push([i % 7, i % 11, i % 13, i % 3, i % 5, i % 17, i % 19, i % 2, i % 23, i % 29]);
		const query = points[1000].map((v) => v + 0.25);
		const sliced = new FrameBudget(1e-9);
		const a = nearestNeighbours(points, query, 5, "euclidean", sliced);
		const b = nearestNeighbours(points, query, 5, "euclidean", new FrameBudget(0));
		expect(sliced.yields).toBe(2);
		expect(a.indices).toEqual(b.indices);
		expect(a.distances).toEqual(b.distances);
		expect(a.indices[0]).toBe(1000);
	});
});
