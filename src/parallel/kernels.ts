/**
 * The kernel registry: name → function run by a worker on its resident shard. Kernels are
 * registered at load time by the modules that own the mathematics (models register theirs), so a
 * worker VM that requires the library knows them all before the parallel phase.
 */
import { Kernel } from "./types";

const kernels = new Map<string, Kernel>();

/** Registers `kernel` under `name` (an error if the name is taken by another function). */
export function registerKernel(name: string, kernel: Kernel) {
	const existing = kernels.get(name);
	if (existing !== undefined && existing !== kernel) error(`[Hivemind] registerKernel: a kernel named "${name}" is already registered`, 2);
	kernels.set(name, kernel);
}

/** The kernel registered as `name`, or an error listing the registered names. */
export function getKernel(name: string): Kernel {
	const kernel = kernels.get(name);
	if (kernel === undefined) {
		const names = new Array<string>();
		for (const [key] of kernels) names.push(key);
		names.sort();
		error(`[Hivemind] getKernel: kernel must be one of ${names.join(", ")}, got ${tostring(name)}`, 2);
	}
	return kernel;
}
