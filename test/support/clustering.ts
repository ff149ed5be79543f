// Clustering helpers for the specs: the adjusted Rand index and the scikit-learn reference fixtures
// (test/fixtures/reference, written by clustering.py there).
import { getHost } from "../../cli/host";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";

/** The adjusted Rand index of two labelings (Hubert & Arabie 1985): 1 for the same partition, ≈ 0 for chance. */
export function adjustedRandIndex(a: Array<number>, b: Array<number>): number {
	const n = a.size();
	const pairCount = (m: number) => (m * (m - 1)) / 2;
	const cells = new Map<string, number>();
	const rows = new Map<number, number>();
	const columns = new Map<number, number>();
	for (const i of $range(0, n - 1)) {
		const key = `${a[i]}|${b[i]}`;
		cells.set(key, (cells.get(key) ?? 0) + 1);
		rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
		columns.set(b[i], (columns.get(b[i]) ?? 0) + 1);
	}
	let index = 0;
	cells.forEach((m) => (index += pairCount(m)));
	let sumA = 0;
	rows.forEach((m) => (sumA += pairCount(m)));
	let sumB = 0;
	columns.forEach((m) => (sumB += pairCount(m)));
	const expected = (sumA * sumB) / pairCount(n);
	const maximum = (sumA + sumB) / 2;
	return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

/** A standard dataset exported by clustering.py: standardized features and the true classes. */
export function referenceDataset(name: string): LuaTuple<[Array<Array<number>>, Array<number>]> {
	const csv = parseCsv(getHost().readFile(`test/fixtures/reference/${name}.csv`), `${name}.csv`);
	const width = csv.header.size() - 1;
	const X = csv.rows.map((row) => row.filter((_, j) => j < width).map((v) => tonumber(v)!));
	return $tuple(X, csv.rows.map((row) => tonumber(row[width])!));
}

/** scikit-learn's result for one model on one dataset. */
export interface ReferenceResult {
	labels: Array<number>;
	ariTruth: number;
	clusters: number;
	inertia?: number;
	logLikelihood?: number;
	bandwidth?: number;
}

/** The references of clustering.json: dataset → model → result (and the DBSCAN radius per dataset). */
export function clusteringReferences(): { epsilon: { [name: string]: number } } & { [name: string]: { [model: string]: ReferenceResult } } {
	return decodeJson(getHost().readFile("test/fixtures/reference/clustering.json")) as never;
}
