/**
 * The parameters, prediction and parameter check DBSCAN and OPTICS share: the training rows with
 * their labels and core flags, and labels of new rows from the nearest core point within a radius.
 */
import { Matrix } from "../../matrix/types";
import { ModelParameters } from "../../parameters";
import { DistanceName } from "../neighbours/search";
import { ClusteringBudgetOptions, ClusteringModel } from "./ClusteringModel";
import { labelByNearestCore } from "./density";
import { FrameBudget } from "../../parallel/FrameBudget";
import { assertPointRecord } from "./shared";

/** The parameters of a density model: training rows (canonical order), labels (n×1; −1 noise), core flags (n×1, 1 or 0). */
export type DensityRecord = {
	points: Matrix;
	labels: Matrix;
	core: Matrix;
};

/** Options every density model has. */
export interface DensityOptions extends ClusteringBudgetOptions {
	distance: DistanceName;
}

/** Base of DBSCAN and OPTICS: parameters {core, labels, points}; `predict` by the nearest core point. */
export abstract class DensityModel<O extends DensityOptions> extends ClusteringModel<O, DensityRecord> {
	protected featureCount(): number | undefined {
		return this.parameters?.points[0].size();
	}

	/** The radius within which a core point labels a row (DBSCAN: epsilon; OPTICS: extractionEpsilon). */
	protected abstract coreRadius(): number;

	/**
	 * Each row's cluster: that of its nearest core point within the model's radius (ties: the lower
	 * stored index), −1 (noise) when none is that close; second value: the distance to that core point (n×1).
	 */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const r = this.requireParameters(where);
		return labelByNearestCore(
			this.inputs(X, where),
			r.points,
			r.labels,
			r.core,
			this.coreRadius(),
			this.options.distance,
			new FrameBudget(this.options.frameBudget),
		);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		assertPointRecord(parameters, ["core", "labels", "points"], where);
		super.validateModelParameters(parameters, where);
	}
}
