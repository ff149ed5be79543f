// Shared data and measures for the outlier specs.
import { RandomGenerator } from "../../../src/matrix/random";

/** 200 inliers N(0, 1)² and 10 planted outliers at radius 6–8 (rows 200–209), seeded. */
export function plantedOutliers(seed: number): Array<Array<number>> {
	const rng = new RandomGenerator(seed);
	const x = new Array<Array<number>>();
	for (const _ of $range(1, 200)) x.push([rng.normal(), rng.normal()]);
	for (const i of $range(0, 9)) {
		const angle = (2 * math.pi * i) / 10 + rng.uniform(0, 0.3);
		const radius = rng.uniform(6, 8);
		x.push([radius * math.cos(angle), radius * math.sin(angle)]);
	}
	return x;
}

/** The share of rows 200–209 labelled −1. */
export function plantedRecall(labels: Array<number>): number {
	let found = 0;
	for (const i of $range(200, 209)) if (labels[i] === -1) found += 1;
	return found / 10;
}

/**
 * The area under the ROC curve of `scores` (higher = more normal) for picking the rows whose
 * reference label is −1: the share of (outlier, inlier) pairs the scores order correctly (ties ½).
 */
export function rocArea(scores: Array<number>, referenceLabels: Array<number>): number {
	let pairCount = 0;
	let correct = 0;
	scores.forEach((outlierScore, i) => {
		if (referenceLabels[i] !== -1) return;
		scores.forEach((inlierScore, j) => {
			if (referenceLabels[j] === -1) return;
			pairCount += 1;
			if (outlierScore < inlierScore) correct += 1;
			else if (outlierScore === inlierScore) correct += 0.5;
		});
	});
	return correct / pairCount;
}

/** Rows flagged in both label lists over rows flagged in either (Jaccard). */
export function flaggedOverlap(a: Array<number>, b: Array<number>): number {
	let both = 0;
	let either = 0;
	a.forEach((label, i) => {
		if (label === -1 || b[i] === -1) either += 1;
		if (label === -1 && b[i] === -1) both += 1;
	});
	return both / either;
}
