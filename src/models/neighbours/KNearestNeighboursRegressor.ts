/** k-nearest-neighbour regression: the (weighted) mean target of the k nearest rows. */
import { Matrix } from "../../matrix/types";
import { targetMatrix } from "../base/data";
import { NEIGHBOURS_CONSTRAINTS, NEIGHBOURS_DEFAULTS, NeighboursModel, NeighboursOptions } from "./NeighboursModel";

/** Options of `KNearestNeighboursRegressor`. */
export type KNearestNeighboursRegressorOptions = NeighboursOptions;

/**
 * Predicts the (uniform or inverse-distance weighted) mean of the targets of the k nearest
 * training rows; any number of outputs. Parameters: the stored `inputs` (n×p) and `targets`
 * (n×outputs).
 * @example
 * const knn = new KNearestNeighboursRegressor({ numberOfNeighbours: 4, distance: "manhattan" });
 * knn.train(X, y);
 * const predictions = knn.predict(X);
 */
export class KNearestNeighboursRegressor extends NeighboursModel<KNearestNeighboursRegressorOptions> {
	constructor(options?: Partial<KNearestNeighboursRegressorOptions>) {
		super("KNearestNeighboursRegressor", NEIGHBOURS_DEFAULTS, NEIGHBOURS_CONSTRAINTS, options);
	}

	protected targetsOf(y: unknown, rows: number, where: string, xShape: string): Matrix {
		return targetMatrix(y, rows, where, xShape);
	}

	protected validateTargets() {}

	/** The predictions (n×outputs). */
	predict(X: unknown): Matrix {
		const where = `${this.modelName}.predict`;
		const [inputs, targets, x] = this.stored(X, where);
		const outputs = targets[0].size();
		return this.neighboursOfAll(inputs, x).map((found) => {
			const out = table.create<number>(outputs, 0);
			found.indices.forEach((i, n) => {
				const t = targets[i];
				const w = found.weights[n] / found.total;
				for (const j of $range(0, outputs - 1)) out[j] += w * t[j];
			});
			return out;
		});
	}
}
