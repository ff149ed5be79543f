/** Nearest-centroid classification: each class is its mean row; predict the nearest mean. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { zeros } from "../../matrix/creation";
import { ConstraintTable, labelList, oneOf } from "../../options";
import { ModelParameters, ParameterRecord } from "../../parameters";
import { Label } from "../../utilities/labels";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { ClassLabels } from "../base/ClassLabels";
import { expectClassCounts, expectRecord, expectShape } from "../base/recordParameters";
import { DISTANCE_NAMES, distanceCallWork, DistanceName, distanceBetween } from "./search";
import { Classifier } from "../base/capabilities";

/** Options of `NearestCentroid`. */
export interface NearestCentroidOptions {
	/** "euclidean", "manhattan" or "cosine" (to the class means): default "euclidean". */
	distance: DistanceName;
	/** The class labels in output order; default: discovered (sorted) at the first training. */
	classesList?: Array<Label>;
}

const DEFAULTS: NearestCentroidOptions = { distance: "euclidean" };
const CONSTRAINTS: ConstraintTable<NearestCentroidOptions> = { distance: oneOf(...DISTANCE_NAMES), classesList: labelList };

/**
 * The class means as prototypes. Parameters: `centroids` (k×p class means) and `counts` (k×1 rows
 * per class); training again folds new rows into the means exactly (count-weighted), so
 * parameters of several servers merge exactly too. A class without rows is never predicted.
 * @example
 * const model = new NearestCentroid({ classesList: ["red", "blue"] });
 * model.train(X, labels);
 * const [predicted, distances] = model.predict(X);
 */
export class NearestCentroid extends BaseModel<NearestCentroidOptions, ParameterRecord> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList);

	constructor(options?: Partial<NearestCentroidOptions>) {
		super("NearestCentroid", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["classesList"];
	}

	/** The class labels in output order, or undefined before they are known. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	private record(): ParameterRecord | undefined {
		return this.parameters;
	}

	/**
	 * Folds the rows of `X` into their class means (the first call learns the classes). Returns
	 * `{ mean squared distance of the rows to their class centroid }` after the update.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const current = this.record();
		const x = featureMatrix(X, where, current?.centroids[0].size());
		const indices = this.labels.encode(y, x.size(), where, describeShape(x));
		const k = this.labels.count()!;
		const p = x[0].size();
		const sums = zeros(k, p);
		const counts = zeros(k, 1);
		if (current !== undefined) {
			for (const c of $range(0, k - 1)) {
				counts[c][0] = current.counts[c][0];
				for (const j of $range(0, p - 1)) sums[c][j] = current.centroids[c][j] * current.counts[c][0];
			}
		}
		// rows in order, in fixed blocks within the frame budget (the same sums as one loop)
		const budget = new FrameBudget();
		forEachBlock(x.size(), rowsPerBlock(2 * p + 8), budget, (first, last) => {
			for (const i of $range(first, last)) {
				const row = x[i];
				const c = indices[i];
				counts[c][0] += 1;
				const s = sums[c];
				for (const j of $range(0, p - 1)) s[j] += row[j];
			}
		});
		const centroids = sums.map((row, c) => row.map((v) => (counts[c][0] > 0 ? v / counts[c][0] : 0)));
		this.parameters = { centroids, counts };
		let spread = 0;
		// a distance call a row (p + 8 gave 1,820-row blocks of 2–2.7 ms)
		forEachBlock(x.size(), rowsPerBlock(distanceCallWork(p)), budget, (first, last) => {
			for (const i of $range(first, last)) {
				const d = distanceBetween(x[i], centroids[indices[i]], "euclidean");
				spread += d * d;
			}
		});
		return [spread / x.size()];
	}

	/**
	 * The labels of the nearest class centroids (ties: the class listed first) and, as a second
	 * value, the distances to every centroid (n×k; `math.huge` for a class without rows).
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const p = this.requireParameters(where);
		const x = featureMatrix(X, where, p.centroids[0].size());
		const k = p.centroids.size();
		const winners = table.create<number>(x.size(), 0);
		const distances = mapInBlocks(x.size(), k * (x[0].size() + 8), (i) => {
			const row = x[i];
			let best = -1;
			const out = p.centroids.map((centroid, c) => (p.counts[c][0] > 0 ? distanceBetween(row, centroid, this.options.distance) : math.huge));
			out.forEach((d, c) => {
				if (best < 0 || d < out[best]) best = c;
			});
			winners[i] = best;
			return out;
		});
		return $tuple(this.labels.decode(winners, where), distances);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ParameterRecord {
		const record = expectRecord(parameters, ["centroids", "counts"], "centroids k×p, counts k×1", where);
		const known = this.labels.count();
		expectShape(record.centroids, "centroids", known, undefined, where);
		expectShape(record.counts, "counts", record.centroids.size(), 1, where);
		expectClassCounts(record.counts, where);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as NearestCentroid).labels.copyFrom(this.labels);
	}
}
