// Post-build patch of roblox-ts 3.0.0's RuntimeLib, written into the include folder that Rojo
// syncs (and the harness reads): jest-lua re-executes RuntimeLib for every spec file while
// `_G[module]` survives, and the published RuntimeLib then refuses the second registration
// ("Invalid module access! Do you have multiple TS runtimes trying to import this?",
// roblox-ts issue #3011). As upstream PR #3061 does, a re-registration is allowed when it comes
// from the same RuntimeLib script. rbxtsc copies an unpatched RuntimeLib on every build, so every
// build step here patches right after it (scripts/lib/build.js).
"use strict";
const fs = require("fs");
const path = require("path");

const MARKER = "-- [Hivemind] RuntimeLib re-registration fix (roblox-ts #3011)";
const EDITS = [
	{ find: "local TS = {}", replace: `${MARKER}\nlocal TS = {}\nTS.__runtimeLibScript = script` },
	{ find: "if _G[module] then", replace: "if _G[module] and _G[module].__runtimeLibScript ~= script then" },
];

/** The patched text of a RuntimeLib source; throws when an edit does not apply exactly once. */
function patchSource(source, file) {
	if (source.includes(MARKER)) return source;
	let patched = source;
	for (const { find, replace } of EDITS) {
		const count = patched.split(find).length - 1;
		if (count !== 1) {
			throw new Error(`[Hivemind] ${file}: "${find}" found ${count} times, expected once; the RuntimeLib patch no longer applies (see scripts/lib/runtimeLib.js)`);
		}
		patched = patched.replace(find, () => replace);
	}
	return patched;
}

/** Patches `<includeDir>/RuntimeLib.lua` in place (idempotent); returns true when it changed the file. */
function patchRuntimeLib(includeDir) {
	const file = path.join(includeDir, "RuntimeLib.lua");
	const source = fs.readFileSync(file, "utf8");
	const patched = patchSource(source, file);
	if (patched === source) return false;
	fs.writeFileSync(file, patched);
	return true;
}

module.exports = { MARKER, patchSource, patchRuntimeLib };
