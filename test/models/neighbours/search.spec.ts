import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose } from "../../support/numeric";
import { distanceBetween, nearestNeighbours, nearestRow } from "../../../src/models/neighbours/search";

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
});
