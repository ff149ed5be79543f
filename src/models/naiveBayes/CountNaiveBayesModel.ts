/** The naive Bayes variants whose statistics are per-class counts and feature sums. */
import { Matrix } from "../../matrix/types";
import { computeMultinomialNaiveBayesPartial, CountNaiveBayesPartial, mergeCountNaiveBayesPartials } from "../../sufficientStatistics/naiveBayes";
import { assertPartial } from "../../sufficientStatistics/validate";
import { expectShape } from "../base/recordParameters";
import { NaiveBayesModel, NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";

/**
 * Base of Multinomial, Bernoulli and Complement naive Bayes. Parameters: `counts` (rows per class,
 * k×1) and `featureSums` (per-class sums of each feature, k×p; Bernoulli: of the binarized feature).
 * By default X holds counts ≥ 0 summed as they are (Multinomial, Complement).
 */
export abstract class CountNaiveBayesModel<O extends NaiveBayesOptions> extends NaiveBayesModel<O, CountNaiveBayesPartial> {
	protected computeStatistics(x: Matrix, y: Matrix, classes: Array<number>): CountNaiveBayesPartial {
		return computeMultinomialNaiveBayesPartial(x, y, classes);
	}

	protected checkRows(x: Matrix, first: number, last: number, where: string) {
		for (const i of $range(first, last)) {
			const row = x[i];
			for (const j of $range(0, row.size() - 1)) {
				if (row[j] < 0) error(`[Hivemind] ${where}: X[${i + 1}][${j + 1}] must be a count ≥ 0, got ${row[j]}`, 6);
			}
		}
	}

	protected assertPartialValid(partial: unknown, where: string): asserts partial is CountNaiveBayesPartial {
		assertPartial(partial, "partial", "n", ["counts", "featureSums"], where);
	}

	protected mergeStatistics(a: CountNaiveBayesPartial, b: CountNaiveBayesPartial): CountNaiveBayesPartial {
		return mergeCountNaiveBayesPartials(a, b);
	}

	protected recordOf(partial: CountNaiveBayesPartial): NaiveBayesRecord {
		return { counts: partial.counts, featureSums: partial.featureSums };
	}

	protected partialOf(record: NaiveBayesRecord, n: number, classes: Array<number>): CountNaiveBayesPartial {
		return { n, classes, counts: record.counts, featureSums: record.featureSums };
	}

	protected entryNames(): Array<string> {
		return ["featureSums"];
	}

	protected describeRecord(): string {
		return "counts k×1, featureSums k×p";
	}

	protected featureCountOf(record: NaiveBayesRecord): number {
		return record.featureSums[0].size();
	}

	protected validateWidths(record: NaiveBayesRecord, where: string) {
		for (const row of record.featureSums) {
			for (const v of row) if (v < 0) error(`[Hivemind] ${where}: parameters.featureSums must hold sums ≥ 0, got ${v}`, 4);
		}
		expectShape(record.featureSums, "featureSums", record.counts.size(), undefined, where);
	}
}
