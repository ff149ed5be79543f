/**
 * Base of the models fitted exactly from linear sufficient statistics (`LinearPartial`: XᵀX, Xᵀy,
 * n of the design matrix as the model builds it): the linear statistics models and the ELM. The
 * merge and the checks of `trainFromPartial` are the same for all; each model says how a
 * partial must look for it and what it fits from one.
 */
import { ModelParameters } from "../../parameters";
import { assertLinearPartial, LinearPartial, mergeLinearPartials } from "../../sufficientStatistics/linear";
import { assertBiasCount } from "../../sufficientStatistics/validate";
import { BaseModel } from "./BaseModel";
import { StatisticsModel } from "./capabilities";

/** A model trained from mergeable `LinearPartial`s (`computePartial` is the model's own). */
export abstract class LinearPartialModel<O extends object, P extends ModelParameters = ModelParameters>
	extends BaseModel<O, P>
	implements StatisticsModel<LinearPartial>
{
	/** The statistics of `X`, `y` as this model builds its design matrix: plain data to merge and send. */
	abstract computePartial(X: unknown, y: unknown): LinearPartial;

	/** Why `partial` (a valid `LinearPartial`) cannot train this model, as the end of an error message (`partial must …, got …`); undefined when it can. */
	protected abstract partialMismatch(partial: LinearPartial): string | undefined;

	/** 0-based indices of the bias rows (unpenalized; their XᵀX diagonal counts the rows). */
	protected abstract unpenalizedRows(): Array<number>;

	/** Fits the parameters from a checked partial, replacing the current ones. */
	protected abstract fitPartial(partial: LinearPartial): void;

	/** The statistics of the union of two shards (`mergeLinearPartials`; pure, associative). */
	mergePartials(a: LinearPartial, b: LinearPartial): LinearPartial {
		return mergeLinearPartials(a, b);
	}

	/** Fits the parameters exactly from (merged) statistics, replacing the current ones: the finalize step. */
	trainFromPartial(partial: LinearPartial) {
		const where = `${this.modelName}.trainFromPartial`;
		this.assertAlive(where);
		assertLinearPartial(partial, where);
		const mismatch = this.partialMismatch(partial);
		if (mismatch !== undefined) error(`[Hivemind] ${where}: ${mismatch}`, 2);
		for (const bias of this.unpenalizedRows()) assertBiasCount(partial, "partial", bias, where);
		this.fitPartial(partial);
	}
}
