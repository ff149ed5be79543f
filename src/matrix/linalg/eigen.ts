//!native
/** Symmetric eigen-decomposition by the cyclic Jacobi method (for PCA and spectral norms). */
import { Matrix, Vector } from "../types";
import { assertMatrix, describeShape } from "../validate";
import { assertSymmetric } from "./cholesky";

/** Eigenvalues (descending) and eigenvectors (as columns, same order) of a symmetric matrix. */
export interface EigenDecomposition {
	/** Eigenvalues, largest first. */
	values: Vector;
	/** Eigenvectors as the columns of this matrix, in the order of `values`. */
	vectors: Matrix;
}

/**
 * Decomposes a symmetric matrix (checked to within 1e-10 of its largest entry) by cyclic Jacobi
 * sweeps until the off-diagonal mass is negligible (at most `maxSweeps`). Each eigenvector's
 * largest-magnitude component is positive, so results are reproducible.
 */
export function symmetricEigen(a: Matrix, maxSweeps = 100): EigenDecomposition {
	assertMatrix(a, "a", "Matrix.symmetricEigen");
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] Matrix.symmetricEigen: matrix must be square, got ${describeShape(a)}`, 2);
	assertSymmetric(a, "Matrix.symmetricEigen");
	const m = table.create<Array<number>>(n);
	const v = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		m[i] = table.clone(a[i]);
		v[i] = table.create<number>(n, 0);
		v[i][i] = 1;
	}
	for (const _ of $range(1, maxSweeps)) {
		let off = 0;
		let total = 0;
		for (const i of $range(0, n - 1)) {
			for (const j of $range(0, n - 1)) {
				const x = m[i][j] * m[i][j];
				total += x;
				if (i !== j) off += x;
			}
		}
		if (off <= 1e-30 * math.max(total, 1e-300)) break;
		for (const p of $range(0, n - 2)) {
			for (const q of $range(p + 1, n - 1)) {
				const apq = m[p][q];
				if (apq === 0) continue;
				const theta = (m[q][q] - m[p][p]) / (2 * apq);
				const t = (theta >= 0 ? 1 : -1) / (math.abs(theta) + math.sqrt(theta * theta + 1));
				const c = 1 / math.sqrt(t * t + 1);
				const s = t * c;
				for (const k of $range(0, n - 1)) {
					const mkp = m[k][p];
					const mkq = m[k][q];
					m[k][p] = c * mkp - s * mkq;
					m[k][q] = s * mkp + c * mkq;
				}
				for (const k of $range(0, n - 1)) {
					const mpk = m[p][k];
					const mqk = m[q][k];
					m[p][k] = c * mpk - s * mqk;
					m[q][k] = s * mpk + c * mqk;
				}
				for (const k of $range(0, n - 1)) {
					const vkp = v[k][p];
					const vkq = v[k][q];
					v[k][p] = c * vkp - s * vkq;
					v[k][q] = s * vkp + c * vkq;
				}
			}
		}
	}
	const order = new Array<number>();
	for (const i of $range(0, n - 1)) order.push(i);
	order.sort((x, y) => (m[x][x] !== m[y][y] ? m[x][x] > m[y][y] : x < y));
	const values = order.map((i) => m[i][i]);
	const vectors = table.create<Array<number>>(n);
	for (const r of $range(0, n - 1)) {
		const row = table.create<number>(n, 0);
		for (const k of $range(0, n - 1)) row[k] = v[r][order[k]];
		vectors[r] = row;
	}
	// Sign convention: the largest-magnitude component of each eigenvector is positive.
	for (const k of $range(0, n - 1)) {
		let bestAbs = 0;
		let sign = 1;
		for (const r of $range(0, n - 1)) {
			const x = vectors[r][k];
			if (math.abs(x) > bestAbs + 1e-12) {
				bestAbs = math.abs(x);
				sign = x < 0 ? -1 : 1;
			}
		}
		if (sign < 0) for (const r of $range(0, n - 1)) vectors[r][k] = -vectors[r][k];
	}
	return { values, vectors };
}
