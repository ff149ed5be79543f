// Numeric assertions shared by the specs: explicit tolerances, messages that show both values.

/** Asserts |actual - expected| <= tolerance * max(1, |expected|) (relative for large values). */
export function expectClose(actual: number, expected: number, tolerance = 1e-9, label = "value") {
	const scale = math.max(1, math.abs(expected));
	const ok = math.abs(actual - expected) <= tolerance * scale;
	if (!ok) {
		error(`${label}: expected ${expected} within ${tolerance} (relative), got ${actual}`, 2);
	}
}

/** Asserts two matrices (arrays of rows) have the same shape and close entries. */
export function expectMatrixClose(actual: Array<Array<number>>, expected: Array<Array<number>>, tolerance = 1e-9) {
	if (actual.size() !== expected.size()) {
		error(`expected ${expected.size()} rows, got ${actual.size()}`, 2);
	}
	for (const i of $range(0, expected.size() - 1)) {
		if (actual[i].size() !== expected[i].size()) {
			error(`row ${i + 1}: expected ${expected[i].size()} columns, got ${actual[i].size()}`, 2);
		}
		for (const j of $range(0, expected[i].size() - 1)) {
			expectClose(actual[i][j], expected[i][j], tolerance, `[${i + 1}][${j + 1}]`);
		}
	}
}

/** Asserts that `fn` throws an error whose message contains every one of `fragments`. */
export function expectError(fn: () => unknown, ...fragments: Array<string>) {
	const [ok, err] = pcall(fn);
	if (ok) {
		error(`expected an error containing "${fragments.join('", "')}", but the call succeeded`, 2);
	}
	const message = tostring(err);
	for (const fragment of fragments) {
		if (message.find(fragment, 1, true)[0] === undefined) {
			error(`expected the error to contain "${fragment}", got: ${message}`, 2);
		}
	}
}
