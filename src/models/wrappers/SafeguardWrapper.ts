/**
 * A guard around a gradient model: an update (a `train` call or `applyGradients`) that makes the
 * parameters non-finite or the cost jump is undone, bit for bit, and reported.
 */
import { booleanValue, callbackValue, ConstraintTable, integerAtLeast, numberAbove } from "../../options";
import { ModelParameters } from "../../parameters";
import { warnTraining } from "../base/output";
import { allFinite } from "../base/trainingState";
import { ModelWrapper } from "./ModelWrapper";
import { relabelErrors } from "./relabel";
import { WrappedModel, wrappedModelValue } from "./types";
import { isFiniteNumber } from "../../core/describe";

/** One rejected update, as `getRejections` lists it. */
export interface Rejection {
	/** The number of the guarded update (accepted and rejected ones counted together, from 1). */
	updateNumber: number;
	/** The call that was undone. */
	call: "train" | "applyGradients";
	/** `"nonfinite"` (parameters or cost not finite) or `"costIncrease"` (more than the factor). */
	reason: "nonfinite" | "costIncrease";
	/** The mean data loss before the update (undefined when no cost was measured). */
	costBefore?: number;
	/** The mean data loss after the update (undefined when no cost was measured). */
	costAfter?: number;
	/** The warning text. */
	message: string;
}

/** Options of `SafeguardWrapper`. */
export interface SafeguardOptions {
	/** The gradient model to guard (required): any registered gradient model or a `GradientMethodWrapper`. */
	model?: WrappedModel;
	/** Reject an update when the cost after it exceeds this many times the cost before: finite number ≥ 1, default 10. */
	maximumCostIncreaseFactor: number;
	/** Costs before an update below this count as this (so a near-perfect fit does not reject every change): finite number ≥ 0, default 1e-8. */
	minimumReferenceCost: number;
	/** `warn` each rejection (through `setTrainingOutput`): default true. */
	warnOnRejection: boolean;
	/** Called as `onRejected(rejection)` after each rejection; default none. */
	onRejected?: (rejection: Rejection) => void;
	/** How many of the latest rejections `getRejections` keeps (the count keeps them all): integer ≥ 1, default 100. */
	rejectionHistorySize: number;
}

const DEFAULTS: SafeguardOptions = { maximumCostIncreaseFactor: 10, minimumReferenceCost: 1e-8, warnOnRejection: true, rejectionHistorySize: 100 };

const CONSTRAINTS: ConstraintTable<SafeguardOptions> = {
	model: wrappedModelValue,
	maximumCostIncreaseFactor: numberAbove(1, true),
	minimumReferenceCost: numberAbove(0, true),
	warnOnRejection: booleanValue,
	onRejected: callbackValue,
	rejectionHistorySize: integerAtLeast(1),
};

/**
 * Guards the wrapped model's updates. After a `train(X, y)` call the mean data loss on X, y is
 * compared with its value before; after `applyGradients` the parameters are checked, and the cost
 * is compared on the data given to `setCostData` (when given). An update that leaves non-finite
 * parameters or cost, or a cost above `maximumCostIncreaseFactor` × the cost before, is rejected:
 * the model's parameters, optimizer states and update counter return bit-identically to their
 * state before, the rejection is counted, listed by `getRejections()`, warned and passed to
 * `onRejected`. Parameters and predictions are the wrapped model's.
 * @example
 * local guarded = Hivemind.SafeguardWrapper.new({ model = Hivemind.LinearRegression.new({ learningRate = 0.5 }) })
 * guarded:train(X, y)                        -- undone if the cost jumps more than 10×
 * print(#guarded:getRejections())
 */
export class SafeguardWrapper extends ModelWrapper<SafeguardOptions> {
	private rejections = new Array<Rejection>();
	private accepted = 0;
	private rejected = 0;
	private costData: [unknown, unknown] | undefined;

	constructor(options?: Partial<SafeguardOptions>) {
		super("SafeguardWrapper", DEFAULTS, CONSTRAINTS, options);
	}

	/** The mean data loss of the wrapped model on X, y (initializes a fresh model's parameters). */
	private costOn(data: [unknown, unknown], where: string): number {
		const model = this.getModel();
		return relabelErrors(where, () => {
			const [, n, loss] = model.computeGradients(data[0], data[1]);
			return loss / n;
		});
	}

	/** Runs `update` with the before/after checks; undoes it when rejected. */
	private guard<T>(call: "train" | "applyGradients", where: string, data: [unknown, unknown] | undefined, update: () => T): T {
		this.assertAlive(where);
		const model = this.getModel();
		const start = model.getTrainingState();
		const [ok, result] = pcall(() => {
			const before = data !== undefined ? this.costOn(data, where) : undefined;
			const value = relabelErrors(where, update);
			return [value, before] as [T, number | undefined];
		});
		if (!ok) {
			model.setTrainingState(start);
			error(result, 0);
		}
		const [value, before] = result;
		const parameters = model.getModelParameters(true);
		const o = this.options;
		let reason: Rejection["reason"] | undefined;
		let detail = "";
		let after: number | undefined;
		if (parameters !== undefined && !allFinite(parameters)) {
			reason = "nonfinite";
			detail = "the parameters became non-finite";
		} else if (data !== undefined && before !== undefined) {
			after = this.costOn(data, where);
			const reference = math.max(before, o.minimumReferenceCost);
			if (!isFiniteNumber(after)) {
				reason = "nonfinite";
				detail = `the cost became ${after}`;
			} else if (after > o.maximumCostIncreaseFactor * reference) {
				reason = "costIncrease";
				detail = `the cost rose from ${before} to ${after} (more than ${o.maximumCostIncreaseFactor} × ${reference})`;
			}
		}
		const updateNumber = this.accepted + this.rejected + 1;
		if (reason === undefined) {
			this.accepted += 1;
			return value;
		}
		model.setTrainingState(start);
		this.rejected += 1;
		const message = `[Hivemind] ${where}: rejected update ${updateNumber}: ${detail}; parameters restored`;
		const rejection: Rejection = { updateNumber, call, reason, costBefore: before, costAfter: after, message };
		this.rejections.push(rejection);
		if (this.rejections.size() > o.rejectionHistorySize) this.rejections.shift();
		if (o.warnOnRejection) warnTraining(message);
		if (o.onRejected !== undefined) o.onRejected(table.clone(rejection));
		return value;
	}

	/**
	 * Trains the wrapped model on X, y; undone (and reported) when its parameters or its mean data
	 * loss on X, y end non-finite or the loss rises more than the factor. Returns the call's cost history.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const model = this.getModel();
		return this.guard("train", `${this.modelName}.train`, [X, y], () => model.train(X, y));
	}

	/**
	 * The wrapped model's `applyGradients`, undone (and reported) when the parameters end non-finite
	 * or, with `setCostData`, the cost on that data rises more than the factor.
	 */
	applyGradients(gradients?: ModelParameters, sampleCount?: number) {
		const model = this.getModel();
		this.guard("applyGradients", `${this.modelName}.applyGradients`, this.costData, () => model.applyGradients(gradients, sampleCount));
	}

	/**
	 * The data `applyGradients` measures the cost on (kept by reference); `setCostData()` without
	 * arguments forgets it. Checked now when the model has parameters.
	 */
	setCostData(X?: unknown, y?: unknown) {
		const where = `${this.modelName}.setCostData`;
		this.assertAlive(where);
		if (X === undefined) {
			this.costData = undefined;
			return;
		}
		if (this.getModel().getModelParameters(true) !== undefined) this.costOn([X, y], where);
		this.costData = [X, y];
	}

	/** The latest rejections (copies, oldest first; at most `rejectionHistorySize`). */
	getRejections(): Array<Rejection> {
		return this.rejections.map((r) => table.clone(r));
	}

	/** Guarded updates so far: `{ accepted, rejected }`. */
	getStatistics(): { accepted: number; rejected: number } {
		return { accepted: this.accepted, rejected: this.rejected };
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		const other = twin as SafeguardWrapper;
		other.rejections = this.getRejections();
		other.accepted = this.accepted;
		other.rejected = this.rejected;
		other.costData = this.costData;
	}
}
