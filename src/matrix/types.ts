/** A matrix as plain data: an array of rows, each an array of numbers (rectangular, at least 1×1). */
export type Matrix = Array<Array<number>>;

/** A vector as plain data. */
export type Vector = Array<number>;

/** Reduction axis: 0 reduces down the rows (giving 1×c), 1 reduces across the columns (giving r×1). */
export type Axis = 0 | 1;
