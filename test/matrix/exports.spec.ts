import { describe, expect, it } from "../support/jest-globals.d";
import { Matrix } from "../../src/matrix";
import { Matrix as PackageMatrix } from "../../src";

describe("Matrix export", () => {
	it("is both the plain-data type and the function namespace", () => {
		const m: Matrix = Matrix.identity(2);
		const n: PackageMatrix = PackageMatrix.scale(m, 2);
		expect(n).toEqual([
			[2, 0],
			[0, 2],
		]);
	});
});
