/** A progress line for training: `[#####-----] 50/100  cost 0.1234`, redrawn in place on a terminal. */
export function progressLine(done: number, total: number, cost: number | undefined, width = 30): string {
	const fraction = total > 0 ? math.clamp(done / total, 0, 1) : 1;
	const filled = math.floor(fraction * width + 0.5);
	const bar = string.rep("#", filled) + string.rep("-", width - filled);
	const costText = cost !== undefined ? string.format("  cost %.6g", cost) : "";
	return `[${bar}] ${done}/${total}${costText}`;
}
