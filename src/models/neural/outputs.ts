//!native
/** A network's output for many rows: the forward pass in fixed, even-sized row blocks within the frame budget. */
import { Matrix } from "../../matrix/types";
import { allocatingRowsPerBlock, fillInBlocks, FrameBudget } from "../../parallel/FrameBudget";
import { createWorkspace, DenseLayer, forwardPass, NetworkWorkspace } from "./network";

/**
 * The network's output for `x` (no dropout): the last layer's activations, new rows. Blocks of
 * an even number of rows (the product pairs rows as in one pass over all rows, so the same
 * numbers), each through one workspace sized for the block.
 */
export function predictOutput(weights: Array<Matrix>, layers: Array<DenseLayer>, x: Matrix, budget = new FrameBudget()): Matrix {
	const n = x.size();
	let work = 0;
	for (const w of weights) work += w.size() * w[0].size();
	const block = 2 * math.ceil(allocatingRowsPerBlock(work + 8) / 2);
	let workspace: NetworkWorkspace | undefined;
	return fillInBlocks<Array<number>>(n, block, budget, (out, first, last) => {
		const rows = last - first + 1;
		if (workspace === undefined || workspace.rows !== rows) workspace = createWorkspace(layers, rows);
		const activations = forwardPass(weights, layers, x, undefined, workspace, first).activations;
		const output = activations[activations.size() - 1];
		for (const i of $range(0, rows - 1)) out[first + i] = table.clone(output[i]);
	});
}
