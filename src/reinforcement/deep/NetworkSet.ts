/**
 * The networks an agent learns (one or two, each with an optional target copy) seen as ONE
 * parameter value, so agents plug into DistributedGradients and DistributedModelParameters like
 * supervised models: one network → its list of layer matrices; several → a record with entries
 * `<prefix><layer>` (e.g. A1, A2, B1, B2). In "Collect" mode the gradients of the steps are summed
 * (with their sample counts) for `takeGradients()` instead of being applied.
 */
import { Matrix } from "../../matrix/types";
import { copy, zeros } from "../../matrix/creation";
import { addInPlace } from "../../matrix/inplace";
import { ModelParameters } from "../../parameters";
import { NeuralNetwork } from "../../models/neural/NeuralNetwork";

/** A named group of networks with their target copies and a gradient accumulator. */
export class NetworkSet {
	private readonly targets: Array<NeuralNetwork>;
	private pending: Array<Array<Matrix>> | undefined;
	private pendingCount = 0;

	/** `networks` (their order gives the prefixes A, B, …); `collect`: sum gradients instead of applying them. */
	constructor(
		readonly networks: Array<NeuralNetwork>,
		readonly prefixes: Array<string>,
		public collect = false,
	) {
		this.targets = networks.map((network) => network.clone() as NeuralNetwork);
	}

	/** Target network `k` (a frozen copy refreshed by `syncTargets`). */
	target(k: number): NeuralNetwork {
		return this.targets[k];
	}

	/** Copies every network's parameters into its target. */
	syncTargets() {
		this.networks.forEach((network, k) => this.targets[k].setModelParameters(network.getModelParameters() as ModelParameters));
	}

	/** Applies (or, collecting, stores) network `k`'s gradient summed over `n` samples. */
	deliver(k: number, gradients: ModelParameters, n: number) {
		if (!this.collect) {
			this.networks[k].applyGradients(gradients, n);
			return;
		}
		if (this.pending === undefined)
			this.pending = this.networks.map((network) => (network.getModelParameters() as Array<Matrix>).map((m) => zeros(m.size(), m[0].size())));
		(gradients as Array<Matrix>).forEach((g, l) => addInPlace(this.pending![k][l], g));
		this.pendingCount += n;
	}

	/** The summed gradients since the last call (same structure as `getModelParameters`) and their sample count; undefined when none. */
	takeGradients(): LuaTuple<[ModelParameters | undefined, number]> {
		const pending = this.pending;
		const count = this.pendingCount;
		this.pending = undefined;
		this.pendingCount = 0;
		if (pending === undefined) return $tuple(undefined, 0);
		return $tuple(this.pack(pending), count);
	}

	/** Every network's parameters as one value (copies). */
	getModelParameters(): ModelParameters {
		return this.pack(this.networks.map((network) => network.getModelParameters() as Array<Matrix>));
	}

	/** Sets every network from one value of `getModelParameters`'s structure (checked by the networks); the targets too unless `keepTargets`. */
	setModelParameters(parameters: ModelParameters, where: string, keepTargets = false) {
		const parts = this.unpack(parameters, where);
		this.networks.forEach((network, k) => network.setModelParameters(parts[k]));
		if (!keepTargets) this.syncTargets();
	}

	private pack(lists: Array<Array<Matrix>>): ModelParameters {
		if (lists.size() === 1) return lists[0].map((m) => copy(m));
		const record: { [name: string]: Matrix } = {};
		lists.forEach((list, k) => list.forEach((m, l) => (record[`${this.prefixes[k]}${l + 1}`] = copy(m))));
		return record;
	}

	private unpack(parameters: ModelParameters, where: string): Array<Array<Matrix>> {
		if (this.networks.size() === 1) return [parameters as Array<Matrix>];
		const record = parameters as { [name: string]: Matrix };
		return this.networks.map((network, k) =>
			(network.getModelParameters() as Array<Matrix>).map((_, l) => {
				const m = typeIs(record, "table") ? record[`${this.prefixes[k]}${l + 1}`] : undefined;
				if (m === undefined)
					error(
						`[Hivemind] ${where}: parameters must be a record with entries ${this.prefixes.join("…, ")}… (one per layer of each network), got no ${this.prefixes[k]}${l + 1}`,
						4,
					);
				return m;
			}),
		);
	}
}
