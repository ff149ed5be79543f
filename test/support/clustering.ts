// Clustering helpers for the specs: the adjusted Rand index.

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
