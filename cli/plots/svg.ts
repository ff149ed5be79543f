/**
 * SVG plots a browser opens: the cost curve of a training run, and the decision regions of a
 * classifier with two features. Pure string building, so it runs in Roblox and under Lune alike.
 */

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = 56;
/** Room left of the plot for the tick labels and the rotated axis title. */
const LEFT = 76;
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

function fmt(value: number): string {
	return string.format("%.4g", value);
}

function escapeXml(text: string): string {
	const [a] = text.gsub("&", "&amp;");
	const [b] = a.gsub("<", "&lt;");
	const [c] = b.gsub(">", "&gt;");
	return c;
}

function header(title: string): Array<string> {
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
		`<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16">${escapeXml(title)}</text>`,
	];
}

function axes(lines: Array<string>, xLabel: string, yLabel: string, xRange: [number, number], yRange: [number, number]) {
	const left = LEFT;
	const right = WIDTH - MARGIN / 2;
	const top = MARGIN / 1.4;
	const bottom = HEIGHT - MARGIN;
	lines.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="black"/>`);
	lines.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="black"/>`);
	for (const k of $range(0, 4)) {
		const fx = k / 4;
		const x = left + fx * (right - left);
		const y = bottom - fx * (bottom - top);
		lines.push(`<text x="${fmt(x)}" y="${bottom + 16}" text-anchor="middle">${fmt(xRange[0] + fx * (xRange[1] - xRange[0]))}</text>`);
		lines.push(`<text x="${left - 6}" y="${fmt(y + 4)}" text-anchor="end">${fmt(yRange[0] + fx * (yRange[1] - yRange[0]))}</text>`);
	}
	lines.push(`<text x="${(left + right) / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
	lines.push(
		`<text x="16" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(top + bottom) / 2})">${escapeXml(yLabel)}</text>`,
	);
}

function range(values: Array<number>): [number, number] {
	let lo = math.huge;
	let hi = -math.huge;
	for (const v of values) {
		lo = math.min(lo, v);
		hi = math.max(hi, v);
	}
	if (lo === hi) return [lo - 1, hi + 1];
	return [lo, hi];
}

/** An SVG line chart of a cost history (one point per recorded cost). */
export function costCurveSvg(costHistory: Array<number>, title = "Training cost"): string {
	if (!typeIs(costHistory, "table") || costHistory.size() === 0) {
		error(`[Hivemind] costCurveSvg: costHistory must be a non-empty array of numbers, got ${typeOf(costHistory)}`, 2);
	}
	const lines = header(title);
	const n = costHistory.size();
	const xRange: [number, number] = [1, math.max(2, n)];
	const yRange = range(costHistory);
	axes(lines, "iteration", "cost", xRange, yRange);
	const left = LEFT;
	const right = WIDTH - MARGIN / 2;
	const top = MARGIN / 1.4;
	const bottom = HEIGHT - MARGIN;
	const points = new Array<string>();
	for (const i of $range(0, n - 1)) {
		const x = left + ((i + 1 - xRange[0]) / (xRange[1] - xRange[0])) * (right - left);
		const y = bottom - ((costHistory[i] - yRange[0]) / (yRange[1] - yRange[0])) * (bottom - top);
		points.push(`${fmt(x)},${fmt(y)}`);
	}
	lines.push(`<polyline fill="none" stroke="${PALETTE[0]}" stroke-width="2" points="${points.join(" ")}"/>`);
	lines.push("</svg>");
	return lines.join("\n") + "\n";
}

/**
 * An SVG of a two-feature classifier: a grid of predicted classes as shaded cells and the data
 * points on top, coloured by label. `predictGrid` receives the grid rows (x1, x2) and returns
 * one label per row.
 */
export function decisionRegionsSvg(
	X: Array<Array<number>>,
	labels: Array<string | number>,
	predictGrid: (points: Array<Array<number>>) => Array<string | number>,
	featureNames: [string, string] = ["x1", "x2"],
	title = "Decision regions",
	resolution = 60,
): string {
	if (X.size() === 0 || X[0].size() !== 2) {
		error(`[Hivemind] decisionRegionsSvg: X must have exactly 2 feature columns, got ${X.size() === 0 ? 0 : X[0].size()}`, 2);
	}
	const xs = X.map((row) => row[0]);
	const ys = X.map((row) => row[1]);
	const xr = range(xs);
	const yr = range(ys);
	const padX = (xr[1] - xr[0]) * 0.05;
	const padY = (yr[1] - yr[0]) * 0.05;
	const xRange: [number, number] = [xr[0] - padX, xr[1] + padX];
	const yRange: [number, number] = [yr[0] - padY, yr[1] + padY];
	const classes = new Array<string>();
	const classIndex = new Map<string, number>();
	const keyOf = (label: string | number) => tostring(label);
	for (const label of labels) {
		const key = keyOf(label);
		if (!classIndex.has(key)) {
			classIndex.set(key, classes.size());
			classes.push(key);
		}
	}
	const grid = new Array<Array<number>>();
	for (const gy of $range(0, resolution - 1)) {
		for (const gx of $range(0, resolution - 1)) {
			grid.push([
				xRange[0] + ((gx + 0.5) / resolution) * (xRange[1] - xRange[0]),
				yRange[0] + ((gy + 0.5) / resolution) * (yRange[1] - yRange[0]),
			]);
		}
	}
	const predicted = predictGrid(grid);
	const lines = header(title);
	const left = LEFT;
	const right = WIDTH - MARGIN / 2;
	const top = MARGIN / 1.4;
	const bottom = HEIGHT - MARGIN;
	const cellW = (right - left) / resolution;
	const cellH = (bottom - top) / resolution;
	for (const k of $range(0, grid.size() - 1)) {
		const key = keyOf(predicted[k]);
		let index = classIndex.get(key);
		if (index === undefined) {
			index = classes.size();
			classIndex.set(key, index);
			classes.push(key);
		}
		const gx = k % resolution;
		const gy = math.floor(k / resolution);
		const x = left + gx * cellW;
		const y = bottom - (gy + 1) * cellH;
		lines.push(
			`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(cellW + 0.5)}" height="${fmt(cellH + 0.5)}" fill="${PALETTE[index % PALETTE.size()]}" fill-opacity="0.25"/>`,
		);
	}
	axes(lines, featureNames[0], featureNames[1], xRange, yRange);
	for (const i of $range(0, X.size() - 1)) {
		const index = classIndex.get(keyOf(labels[i]))!;
		const x = left + ((X[i][0] - xRange[0]) / (xRange[1] - xRange[0])) * (right - left);
		const y = bottom - ((X[i][1] - yRange[0]) / (yRange[1] - yRange[0])) * (bottom - top);
		lines.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="3.5" fill="${PALETTE[index % PALETTE.size()]}" stroke="black" stroke-width="0.5"/>`);
	}
	for (const c of $range(0, classes.size() - 1)) {
		const y = top + 4 + c * 16;
		lines.push(`<rect x="${right - 90}" y="${y}" width="10" height="10" fill="${PALETTE[c % PALETTE.size()]}"/>`);
		lines.push(`<text x="${right - 75}" y="${y + 9}">${escapeXml(classes[c])}</text>`);
	}
	lines.push("</svg>");
	return lines.join("\n") + "\n";
}
