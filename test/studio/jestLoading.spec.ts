// The Studio runner's pre-check (test/support/jestLoading.ts) follows jest-lua's own rule: loadmodule,
// or else loadstring together with a readable ModuleScript.Source; it names what is missing.
import { describe, expect, it } from "../support/jest-globals.d";
import { missingForJest, probeLoaders } from "../support/jestLoading";

const FLAG = 'debug.loadmodule is off: add "FFlagEnableLoadModule": true';

describe("studio: what jest-lua needs", () => {
	it("nothing is missing with loadmodule, whatever else is off", () => {
		expect(missingForJest({ loadmodule: true, loadstring: false, readSource: false })).toEqual([]);
	});

	it("nothing is missing when loadstring works and Source is readable (jest-lua's fallback)", () => {
		expect(missingForJest({ loadmodule: false, loadstring: true, readSource: true })).toEqual([]);
	});

	it("in Studio without the flag, loadstring alone is not enough: it says the flag is needed and why", () => {
		const missing = missingForJest({ loadmodule: false, loadstring: true, readSource: false });
		expect(missing.size()).toBe(2);
		expect(missing[0].find(FLAG, 1, true)[0]).toBe(1);
		expect(missing[1]).toBe("jest-lua's loadstring fallback cannot replace it here: this Script may not read ModuleScript.Source");
	});

	it("with Source readable but loadstring off, it names both ways out", () => {
		const missing = missingForJest({ loadmodule: false, loadstring: false, readSource: true });
		expect(missing[0].find(FLAG, 1, true)[0]).toBe(1);
		expect(missing[1]).toBe("or, for jest-lua's loadstring fallback, tick ServerScriptService.LoadStringEnabled");
	});

	it("headless, the probes find jest-lua's fallback available (no loadmodule, loadstring, readable Source)", () => {
		const sample = script as ModuleScript;
		expect(probeLoaders(sample)).toEqual({ loadmodule: false, loadstring: true, readSource: true });
	});
});
