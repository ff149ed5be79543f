//!native
/** Builds a `CostFunction` from a per-entry loss and its derivative (every Hivemind cost is one). */
import { Matrix } from "../matrix/types";
import { describeShape } from "../matrix/validate";
import { CostFunction, EntryLoss } from "./types";

function checkShapes(costName: string, method: string, predicted: Matrix, actual: Matrix) {
	if (predicted.size() !== actual.size() || predicted[0].size() !== actual[0].size()) {
		error(
			`[Hivemind] ${costName}.${method}: actual must have the shape of predicted (${describeShape(predicted)}), got ${describeShape(actual)}`,
			3,
		);
	}
}

/** A summed element-wise cost named `costName` with hyper-parameters `options`. */
export function elementwiseCost(costName: string, entry: EntryLoss, options: { [key: string]: number } = {}): CostFunction {
	const { loss, derivative } = entry;
	return {
		costName,
		entry,
		value(predicted: Matrix, actual: Matrix): number {
			checkShapes(costName, "value", predicted, actual);
			let total = 0;
			for (const i of $range(0, predicted.size() - 1)) {
				const pi = predicted[i];
				const yi = actual[i];
				for (const j of $range(0, pi.size() - 1)) total += loss(pi[j], yi[j]);
			}
			return total;
		},
		gradient(predicted: Matrix, actual: Matrix): Matrix {
			checkShapes(costName, "gradient", predicted, actual);
			const r = predicted.size();
			const out = table.create<Array<number>>(r);
			for (const i of $range(0, r - 1)) {
				const pi = predicted[i];
				const yi = actual[i];
				const c = pi.size();
				const row = table.create<number>(c);
				for (const j of $range(0, c - 1)) row[j] = derivative(pi[j], yi[j]);
				out[i] = row;
			}
			return out;
		},
		getOptions() {
			return table.clone(options);
		},
	};
}
