/**
 * The base of every naive Bayes variant. The learned parameters ARE the sufficient statistics
 * (per-class counts and sums, `src/sufficientStatistics`), so `train` again adds to them, parameters from
 * several servers merge exactly (`computePartial` / `mergePartials` / `trainFromPartial`), and
 * the probabilities are derived from them at prediction time. Variants supply the statistics and
 * the joint log-likelihood log P(k) + log P(x | k).
 */
import { Matrix } from "../../matrix/types";
import { allocatingRowsPerBlock, fillInBlocks, forEachBlock, FrameBudget, reduceInBlocks, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { describeShape } from "../../matrix/validate";
import { argmax } from "../../matrix/reductions";
import { ConstraintTable } from "../../options";
import { copyParameters, ModelParameters, ParameterRecord } from "../../parameters";
import { Label } from "../../utilities/labels";
import { assertClasses } from "../../sufficientStatistics/validate";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { ClassLabels } from "../base/ClassLabels";
import { expectClassCounts, expectRecord, expectShape } from "../base/recordParameters";
import { logSumExpRows, probabilitiesFromLogLikelihoods } from "./likelihoods";
import { Classifier, StatisticsModel } from "../base/capabilities";

/** Options every naive Bayes variant has. */
export interface NaiveBayesOptions {
	/** The class labels in output order (numbers or strings); default: discovered (sorted) at the first training. Needed by `computePartial` before training. */
	classesList?: Array<Label>;
}

/** What every naive Bayes partial holds: n, the class indices 0…k−1, and the rows per class (k×1). */
export interface ClassCountsPartial {
	n: number;
	classes: Array<number>;
	counts: Matrix;
}

/** Parameters of a naive Bayes model: a record of the statistics' matrices (`counts` k×1 first). */
export type NaiveBayesRecord = ParameterRecord;

/**
 * Rows `first` … `last` (0-based) of the class indices as a column (one block's worth: never all n
 * rows at once), written into `reuse` when it has that many rows (a block's rows are only read),
 * so a pass allocates its column rows once instead of once a block.
 */
function blockIndexColumn(indices: Array<number>, first: number, last: number, reuse?: Matrix): Matrix {
	const size = last - first + 1;
	const out = reuse !== undefined && reuse.size() === size ? reuse : table.create<Array<number>>(size);
	if (out === reuse) for (const i of $range(first, last)) out[i - first][0] = indices[i];
	else for (const i of $range(first, last)) out[i - first] = [indices[i]];
	return out;
}

function classRange(k: number): Array<number> {
	const out = new Array<number>();
	for (const c of $range(0, k - 1)) out.push(c);
	return out;
}

/** Base of the naive Bayes variants (Gaussian, Multinomial, Bernoulli, Complement, Categorical). */
export abstract class NaiveBayesModel<O extends NaiveBayesOptions, P extends ClassCountsPartial>
	extends BaseModel<O, NaiveBayesRecord>
	implements StatisticsModel<P>, Classifier
{
	private readonly labels = new ClassLabels(() => this.options.classesList);

	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		super(modelName, defaults, constraints, options);
	}

	/** The statistics of x (n×p) with class indices y (n×1) among `classes` (0…k−1). */
	protected abstract computeStatistics(x: Matrix, y: Matrix, classes: Array<number>): P;

	/** `computeStatistics` of x and the class `indices` in fixed row blocks merged in block order, within the frame budget. */
	private statisticsInBlocks(x: Matrix, indices: Array<number>): P {
		const classes = classRange(this.labels.count()!);
		// ≈ 2.2 µs a row at p = 10, k = 3 in the headless interpreter (the time of 7p + 2k multiply-adds; 2p + k gave 3.2 ms blocks)
		const rows = rowsPerBlock(7 * x[0].size() + 2 * classes.size());
		// one block's index column, made before the pass in allocating blocks and refilled by each block
		let column = mapInBlocks(math.min(rows, x.size()), 1, () => [0]);
		return reduceInBlocks(
			x.size(),
			rows,
			new FrameBudget(),
			(first, last) => {
				column = blockIndexColumn(indices, first, last, column);
				return this.computeStatistics(rowsBetween(x, first, last), column, classes);
			},
			(a, b) => this.mergeStatistics(a, b),
		);
	}

	/** Rows per block of the joint log-likelihoods (about 3 multiply-adds per feature and class; a few new rows each). */
	private likelihoodBlock(x: Matrix, record: NaiveBayesRecord): number {
		// each row makes its log-likelihood, probability and normalizer rows: an allocating block
		return allocatingRowsPerBlock(3 * x[0].size() * record.counts.size(), 3);
	}

	/** Throws unless `partial` is a well-formed partial of this variant (errors name `where`). */
	protected abstract assertPartialValid(partial: unknown, where: string): asserts partial is P;

	/** The statistics of the union of two shards. */
	protected abstract mergeStatistics(a: P, b: P): P;

	/** The parameter record of a partial (its matrices). */
	protected abstract recordOf(partial: P): NaiveBayesRecord;

	/** The partial a parameter record describes. */
	protected abstract partialOf(record: NaiveBayesRecord, n: number, classes: Array<number>): P;

	/** The entry names a record must have besides `counts` (Categorical: one per feature, read from `record`). */
	protected abstract entryNames(record: NaiveBayesRecord): Array<string>;

	/** What the record holds, for error messages. */
	protected abstract describeRecord(): string;

	/** The number of features of a (validated) record. */
	protected abstract featureCountOf(record: NaiveBayesRecord): number;

	/** Checks the record's feature widths agree (beyond k rows each); errors name `where`. */
	protected abstract validateWidths(record: NaiveBayesRecord, where: string): void;

	/**
	 * The joint log-likelihoods log P(k) + log P(x | k) (n×k) of validated inputs, as a function of
	 * the rows: the parameters' derived values (priors, probabilities, variances) are computed once
	 * per call and the function is applied to each row block.
	 */
	protected abstract likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix;

	/** Variant-specific checks of the values of rows `first` … `last` (counts ≥ 0, integer categories); default none. Errors name `where`. */
	protected checkRows(_x: Matrix, _first: number, _last: number, _where: string) {}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["classesList"];
	}

	/** The class labels in output order, or undefined before they are known. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	private featureCount(): number | undefined {
		return this.parameters === undefined ? undefined : this.featureCountOf(this.parameters);
	}

	private inputs(X: unknown, where: string): Matrix {
		const x = featureMatrix(X, where, this.featureCount());
		forEachBlock(x.size(), rowsPerBlock(x[0].size()), new FrameBudget(), (first, last) => this.checkRows(x, first, last, where));
		return x;
	}

	/** A parameter record as the partial the finalizers take (n = Σ counts, every class). */
	protected statisticsOf(record: NaiveBayesRecord): P {
		let n = 0;
		for (const row of record.counts) n += row[0];
		return this.partialOf(record, n, classRange(record.counts.size()));
	}

	/** The statistics of `X`, `y` under this model's classes (they must be known: classesList or training). */
	computePartial(X: unknown, y: unknown): P {
		const where = `${this.modelName}.computePartial`;
		this.assertAlive(where);
		if (this.labels.count() === undefined) {
			error(
				`[Hivemind] ${where}: the classes must be known before computing statistics (every shard must share them); give the classesList option or train first`,
				2,
			);
		}
		const x = this.inputs(X, where);
		const indices = this.labels.encode(y, x.size(), where, describeShape(x));
		return this.statisticsInBlocks(x, indices);
	}

	/** The statistics of the union of two shards (pure, associative). */
	mergePartials(a: P, b: P): P {
		this.assertAlive(`${this.modelName}.mergePartials`);
		return this.mergeStatistics(a, b);
	}

	/** Replaces the parameters by (merged) statistics. */
	trainFromPartial(partial: P) {
		const where = `${this.modelName}.trainFromPartial`;
		this.assertAlive(where);
		this.assertPartialValid(partial, where);
		assertClasses(partial.classes, where);
		const record = this.recordOf(partial);
		this.validateModelParameters(record, where);
		this.parameters = copyParameters(record);
	}

	/**
	 * Adds the statistics of `X`, `y` to the model's (the first call learns the classes). Returns
	 * `{ log loss }`: −(1/n) Σ log P(yᵢ | xᵢ) on this batch after the update.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = this.inputs(X, where);
		const indices = this.labels.encode(y, x.size(), where, describeShape(x));
		const batch = this.statisticsInBlocks(x, indices);
		const current = this.parameters === undefined ? undefined : this.statisticsOf(this.parameters);
		const merged = current === undefined ? batch : this.mergeStatistics(current, batch);
		const record = this.recordOf(merged);
		this.parameters = record;
		let loss = 0;
		const jointLogLikelihood = this.likelihoodScorer(record);
		forEachBlock(x.size(), this.likelihoodBlock(x, record), new FrameBudget(), (first, last) => {
			const jll = jointLogLikelihood(rowsBetween(x, first, last));
			const normalizers = logSumExpRows(jll);
			for (const i of $range(first, last)) loss += normalizers[i - first] - jll[i - first][indices[i]];
		});
		return [loss / x.size()];
	}

	/**
	 * The most probable labels (ties: the first class) and, as a second value, the class
	 * probabilities P(k | x) (n×k, columns in `getClassesList()` order).
	 * @example local labels, probabilities = model:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const record = this.requireParameters(where);
		const x = this.inputs(X, where);
		const n = x.size();
		const winners = table.create<number>(n, 0);
		const jointLogLikelihood = this.likelihoodScorer(record);
		const probabilities = fillInBlocks<Array<number>>(n, this.likelihoodBlock(x, record), new FrameBudget(), (out, first, last) => {
			const part = probabilitiesFromLogLikelihoods(jointLogLikelihood(rowsBetween(x, first, last)));
			const best = argmax(part, 1);
			for (const i of $range(first, last)) {
				out[i] = part[i - first];
				winners[i] = best[i - first];
			}
		});
		return $tuple(this.labels.decode(winners, where), probabilities);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is NaiveBayesRecord {
		const names = ["counts", ...this.entryNames(parameters as NaiveBayesRecord)];
		const record = expectRecord(parameters, names, this.describeRecord(), where);
		const k = record.counts.size();
		expectShape(record.counts, "counts", undefined, 1, where);
		const known = this.labels.count();
		if (known !== undefined && k !== known)
			error(`[Hivemind] ${where}: parameters.counts must be ${known}×1 (one row per class), got ${describeShape(record.counts)}`, 3);
		expectClassCounts(record.counts, where);
		for (const name of names) expectShape(record[name], name, k, undefined, where);
		this.validateWidths(record, where);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as NaiveBayesModel<O, P>).labels.copyFrom(this.labels);
	}
}
