// What jest-lua needs to load spec modules in a Studio session (used by studio/run-tests.server.ts;
// it lives in the shared spec tree so that its own spec can import it), and what to tell the developer
// when it is missing. jest-runtime loads each module with `debug.loadmodule` when
// `pcall(debug.loadmodule, Instance.new("ModuleScript"))` succeeds (Studio's FFlagEnableLoadModule),
// and otherwise with `loadstring(module.Source)`, which needs LoadStringEnabled and a Script allowed
// to read `Source` (in Studio only plugins may).

/** The outcome of each probe, run the way jest-lua itself decides. */
export interface LoaderProbes {
	/** `pcall(debug.loadmodule, Instance.new("ModuleScript"))` succeeded. */
	loadmodule: boolean;
	/** `loadstring` compiled a chunk (ServerScriptService.LoadStringEnabled is on). */
	loadstring: boolean;
	/** This Script could read a ModuleScript's `Source`. */
	readSource: boolean;
}

/** Roblox's `loadstring` (nil results while ServerScriptService.LoadStringEnabled is off); not in @rbxts/types. */
declare function loadstring(source: string): LuaTuple<[Callback | undefined, string | undefined]>;

/** Runs the probes in this session; `sample` is any ModuleScript (its Source is read, not run). */
export function probeLoaders(sample: ModuleScript): LoaderProbes {
	const loadmodule = (debug as unknown as { loadmodule?: (module: ModuleScript) => unknown }).loadmodule;
	const [compiled, chunk] = pcall(() => loadstring("return true")[0]);
	const [readable, source] = pcall(() => (sample as unknown as { Source: string }).Source);
	return {
		loadmodule: loadmodule !== undefined && pcall(loadmodule, new Instance("ModuleScript"))[0],
		loadstring: compiled && chunk !== undefined,
		readSource: readable && typeIs(source, "string"),
	};
}

/** What is missing for jest-lua to load the specs (empty when it can), each as one instruction. */
export function missingForJest(probes: LoaderProbes): Array<string> {
	if (probes.loadmodule || (probes.loadstring && probes.readSource)) return [];
	const missing = [
		'debug.loadmodule is off: add "FFlagEnableLoadModule": true to Studio\'s ClientSettings/ClientAppSettings.json and restart Studio (README, "Testing in Roblox Studio", step 1)',
	];
	if (!probes.readSource) missing.push("jest-lua's loadstring fallback cannot replace it here: this Script may not read ModuleScript.Source");
	else if (!probes.loadstring) missing.push("or, for jest-lua's loadstring fallback, tick ServerScriptService.LoadStringEnabled");
	return missing;
}
