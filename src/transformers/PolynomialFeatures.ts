//!native
/** Polynomial feature expansion for linear models (degree, interaction-only terms). */
import { Matrix } from "../matrix/types";
import { booleanValue, ConstraintTable, integerAtLeast, resolveOptions } from "../options";
import { featureMatrix } from "../models/base/data";
import { Transformer } from "../models/base/capabilities";

/** Options of `PolynomialFeatures`. */
export interface PolynomialFeaturesOptions {
	/** The highest total degree of a term: integer in [1, 10], default 2. */
	degree: number;
	/** Only products of distinct features (x₁x₂, never x₁²): default false. */
	interactionOnly: boolean;
	/** Add a leading column of ones (models add their own bias, so default false). */
	includeBias: boolean;
}

const DEFAULTS: PolynomialFeaturesOptions = { degree: 2, interactionOnly: false, includeBias: false };
const CONSTRAINTS: ConstraintTable<PolynomialFeaturesOptions> = {
	degree: integerAtLeast(1, 10),
	interactionOnly: booleanValue,
	includeBias: booleanValue,
};

/**
 * Expands features into every monomial up to `degree`, by degree then in lexicographic order of the
 * (0-based) feature indices: [x₁, x₂] with degree 2 gives [x₁, x₂, x₁², x₁x₂, x₂²].
 * @example new PolynomialFeatures({ degree: 3 }).transform([[2, 3]])
 */
export class PolynomialFeatures implements Transformer<unknown, Matrix> {
	private readonly options: Readonly<PolynomialFeaturesOptions>;

	constructor(options?: Partial<PolynomialFeaturesOptions>) {
		this.options = resolveOptions("PolynomialFeatures.new", DEFAULTS, options, CONSTRAINTS);
	}

	/** The options (frozen). */
	getOptions(): Readonly<PolynomialFeaturesOptions> {
		return this.options;
	}

	/** The terms for `featureCount` inputs, each as the list of its 0-based feature indices ([] = the bias). */
	getTerms(featureCount: number): Array<Array<number>> {
		const terms = new Array<Array<number>>();
		if (this.options.includeBias) terms.push([]);
		let previous: Array<Array<number>> = [[]];
		for (const _ of $range(1, this.options.degree)) {
			const grown = new Array<Array<number>>();
			for (const term of previous) {
				const last = term.size() > 0 ? term[term.size() - 1] : -1;
				const start = this.options.interactionOnly ? last + 1 : math.max(last, 0);
				for (const j of $range(start, featureCount - 1)) {
					const extended = table.clone(term);
					extended.push(j);
					grown.push(extended);
				}
			}
			for (const term of grown) terms.push(term);
			previous = grown;
		}
		return terms;
	}

	/** The expanded matrix (n × number of terms) for `X` (validated). */
	transform(X: unknown): Matrix {
		const x = featureMatrix(X, "PolynomialFeatures.transform");
		const terms = this.getTerms(x[0].size());
		return x.map((row) =>
			terms.map((term) => {
				let v = 1;
				for (const j of term) v *= row[j];
				return v;
			}),
		);
	}
}
