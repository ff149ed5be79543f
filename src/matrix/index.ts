/** The matrix engine: plain-data matrices and the functions that work on them. */
import * as creation from "./creation";
import * as shape from "./shape";
import * as elementwise from "./elementwise";
import * as product from "./product";
import * as norms from "./norms";
import * as reductions from "./reductions";
import * as inplace from "./inplace";
import * as fused from "./fused";
import * as validate from "./validate";
import * as cholesky from "./linalg/cholesky";
import * as lu from "./linalg/lu";
import * as solve from "./linalg/solve";
import * as eigen from "./linalg/eigen";

export * from "./types";
import type { Matrix as MatrixData } from "./types";
/** A matrix as plain data (rows of numbers); also the name of the function namespace below. */
export type Matrix = MatrixData;
export * from "./creation";
export * from "./shape";
export * from "./elementwise";
export * from "./product";
export * from "./norms";
export * from "./reductions";
export * from "./inplace";
export * from "./fused";
export * from "./validate";
export * from "./random";
export * from "./linalg/cholesky";
export * from "./linalg/lu";
export * from "./linalg/solve";
export * from "./linalg/eigen";

/**
 * The type of the `Matrix` namespace: the modules' own function declarations, so roblox-ts
 * compiles `Matrix.matmul(a, b)` to a dot-call in a game that imports the built package too
 * (an inferred object type would be written to index.d.ts as methods, i.e. `Matrix:matmul`).
 */
type MatrixFunctions = Omit<
	typeof creation &
		typeof shape &
		typeof elementwise &
		typeof product &
		typeof norms &
		typeof reductions &
		typeof inplace &
		typeof fused &
		typeof validate &
		typeof cholesky &
		typeof lu &
		typeof solve &
		typeof eigen,
	// the product's inner loops (their callers check shapes and allocate)
	"matmulKernel" | "transposeMatmulKernel" | "addUpperGram" | "mirrorUpperTriangle"
>;

/** Every matrix function in one namespace: `Matrix.matmul(a, b)` (0-based indices). */
export const Matrix: MatrixFunctions = {
	...creation,
	...shape,
	...elementwise,
	...product,
	...norms,
	...reductions,
	...inplace,
	...fused,
	...validate,
	...cholesky,
	...lu,
	...solve,
	...eigen,
};
