//!native
/**
 * Weight initialisation for one dense layer, seeded through a `RandomGenerator`.
 *
 * fanIn = neurons of the previous layer, fanOut = neurons of this layer (bias rows excluded).
 * Bias rows (the first row when the layer has a bias) start at 0 for every scheme.
 *
 * | name | draw |
 * |---|---|
 * | Zero | 0 |
 * | Uniform | U(−1, 1) |
 * | Normal | N(0, 1) |
 * | XavierUniform | U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))) (Glorot & Bengio 2010) |
 * | XavierNormal | N(0, 2/(fanIn+fanOut)) |
 * | HeUniform | U(−√(6/fanIn), +√(6/fanIn)) (He et al. 2015) |
 * | HeNormal | N(0, 2/fanIn) |
 * | LeCunUniform | U(−√(3/fanIn), +√(3/fanIn)) (LeCun et al. 1998) |
 * | LeCunNormal | N(0, 1/fanIn) |
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";

/** The weight initialisation schemes. */
export type InitializerName =
	"Zero" | "Uniform" | "Normal" | "XavierUniform" | "XavierNormal" | "HeUniform" | "HeNormal" | "LeCunUniform" | "LeCunNormal";

/** Every accepted initializer name (for option validation and error messages). */
export const INITIALIZER_NAMES: ReadonlyArray<InitializerName> = [
	"Zero",
	"Uniform",
	"Normal",
	"XavierUniform",
	"XavierNormal",
	"HeUniform",
	"HeNormal",
	"LeCunUniform",
	"LeCunNormal",
];

/** [kind, scale]: a uniform draw in (−scale, scale), a normal draw with std = scale, or zero. */
function distributionOf(name: InitializerName, fanIn: number, fanOut: number): [string, number] {
	if (name === "Zero") return ["zero", 0];
	if (name === "Uniform") return ["uniform", 1];
	if (name === "Normal") return ["normal", 1];
	if (name === "XavierUniform") return ["uniform", math.sqrt(6 / (fanIn + fanOut))];
	if (name === "XavierNormal") return ["normal", math.sqrt(2 / (fanIn + fanOut))];
	if (name === "HeUniform") return ["uniform", math.sqrt(6 / fanIn)];
	if (name === "HeNormal") return ["normal", math.sqrt(2 / fanIn)];
	if (name === "LeCunUniform") return ["uniform", math.sqrt(3 / fanIn)];
	return ["normal", math.sqrt(1 / fanIn)];
}

/**
 * A (fanIn + bias)×fanOut weight matrix for one layer: bias row first (zeros) when `hasBias`,
 * then fanIn rows drawn row by row from `rng` per the scheme `name`.
 */
export function initializeLayerWeights(name: InitializerName, fanIn: number, fanOut: number, hasBias: boolean, rng: RandomGenerator): Matrix {
	const [kind, scale] = distributionOf(name, fanIn, fanOut);
	const offset = hasBias ? 1 : 0;
	const out = table.create<Array<number>>(fanIn + offset);
	if (hasBias) out[0] = table.create<number>(fanOut, 0);
	for (const i of $range(offset, fanIn + offset - 1)) {
		const row = table.create<number>(fanOut, 0);
		if (kind === "uniform") {
			for (const j of $range(0, fanOut - 1)) row[j] = rng.uniform(-scale, scale);
		} else if (kind === "normal") {
			for (const j of $range(0, fanOut - 1)) row[j] = rng.normal(0, scale);
		}
		out[i] = row;
	}
	return out;
}
