// Independent reference calculations for the linear-model specs (not using src/matrix solvers).

/** Solves a small square system by Gaussian elimination written out here (partial pivoting). */
export function referenceSolve(a: Array<Array<number>>, b: Array<number>): Array<number> {
	const n = a.size();
	const m = a.map((row, i) => [...row, b[i]]);
	for (const col of $range(0, n - 1)) {
		let pivot = col;
		for (const r of $range(col + 1, n - 1)) if (math.abs(m[r][col]) > math.abs(m[pivot][col])) pivot = r;
		const tmp = m[col];
		m[col] = m[pivot];
		m[pivot] = tmp;
		for (const r of $range(col + 1, n - 1)) {
			const f = m[r][col] / m[col][col];
			for (const c of $range(col, n)) m[r][c] -= f * m[col][c];
		}
	}
	const x = table.create<number>(n, 0);
	for (const i of $range(n - 1, 0, -1)) {
		let s = m[i][n];
		for (const j of $range(i + 1, n - 1)) s -= m[i][j] * x[j];
		x[i] = s / m[i][i];
	}
	return x;
}

/** [1, x] rows (or x itself without the intercept). */
export function design(X: Array<Array<number>>, intercept = true): Array<Array<number>> {
	return X.map((row) => (intercept ? [1, ...row] : [...row]));
}

/**
 * The ridge solution (DᵀD + λI′)w = Dᵀy written out with loops (I′ zero at index 0 when
 * `intercept`); λ = 0 gives ordinary least squares.
 */
export function referenceRidge(X: Array<Array<number>>, y: Array<number>, lambda: number, intercept = true): Array<number> {
	const d = design(X, intercept);
	const p = d[0].size();
	const a = new Array<Array<number>>();
	const b = new Array<number>();
	for (const i of $range(0, p - 1)) {
		const row = new Array<number>();
		for (const j of $range(0, p - 1)) {
			let s = 0;
			for (const k of $range(0, d.size() - 1)) s += d[k][i] * d[k][j];
			if (i === j && !(intercept && i === 0)) s += lambda;
			row.push(s);
		}
		a.push(row);
		let s = 0;
		for (const k of $range(0, d.size() - 1)) s += d[k][i] * y[k];
		b.push(s);
	}
	return referenceSolve(a, b);
}

/** The column of a p×1 parameter matrix as a vector. */
export function column(w: unknown): Array<number> {
	return (w as Array<Array<number>>).map((row) => row[0]);
}

/** 1 / (1 + e^-z). */
export function logistic(z: number): number {
	return 1 / (1 + math.exp(-z));
}
