/**
 * A3C (Mnih et al. 2016) in Hivemind's terms: A2C workers, each acting in its own environment,
 * send their summed rollout gradients to one main model through a DistributedGradients (the same
 * exchange separate servers would make) and pull the main model's parameters before each episode.
 * Rounds run the workers one after another in one process; on a live game each worker is a server.
 */
import { Vector } from "../matrix/types";
import { constraint, integerAtLeast, numberAbove } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { ModelParameters } from "../parameters";
import { describeValue } from "../core/describe";
import { DistributedGradients } from "../distributed/DistributedGradients";
import { AdvantageActorCritic } from "../reinforcement/policy/AdvantageActorCritic";
import { PolicyOptions } from "../reinforcement/policy/PolicyAgent";
import { Environment } from "../reinforcement/types";
import { runEpisode } from "../reinforcement/runEpisode";

/** Options of {@link AsynchronousAdvantageActorCritic}. */
export interface AsynchronousAdvantageActorCriticOptions {
	/** Number of A2C workers. Default 2. */
	workerCount: number;
	/** Optimizer name of the main model. Default "Adam". */
	optimizer: string;
	/** Step size of the main model. Default 0.02. */
	learningRate: number;
	/** The workers' options (`stateSize`, `actionCount` required; worker k gets seed `seed + k − 1`). */
	agent: Partial<PolicyOptions>;
}

/**
 * A3C: A2C workers sharing one main model through DistributedGradients.
 * @example const a3c = new AsynchronousAdvantageActorCritic({ agent: { stateSize: 3, actionCount: 3 } }); const returns = a3c.runRound([envA, envB]);
 */
export class AsynchronousAdvantageActorCritic {
	/** The workers (A2C agents collecting gradients). */
	readonly workers: Array<AdvantageActorCritic>;
	private readonly main: DistributedGradients;

	/** Workers from `options.agent` (stateSize and actionCount required) and a main model starting from worker 1's parameters. */
	constructor(options?: Partial<AsynchronousAdvantageActorCriticOptions>) {
		const where = "AsynchronousAdvantageActorCritic.new";
		const o = resolveOptions(where, { workerCount: 2, optimizer: "Adam", learningRate: 0.02, agent: {} }, options, {
			workerCount: integerAtLeast(1),
			optimizer: constraint((v) => typeIs(v, "string"), "an optimizer name"),
			learningRate: numberAbove(0),
			agent: constraint((v) => typeIs(v, "table"), "a table of AdvantageActorCritic options"),
		});
		this.workers = [];
		const seed = o.agent.seed ?? 0;
		for (const k of $range(1, o.workerCount))
			this.workers.push(new AdvantageActorCritic({ ...o.agent, seed: seed + k - 1, collectGradients: true }));
		this.main = new DistributedGradients({ optimizer: o.optimizer, learningRate: o.learningRate, averaging: "SampleWeighted" });
		this.main.setModelParameters(this.workers[0].getModelParameters());
	}

	/**
	 * One round: each worker k pulls the main parameters, plays one episode in `environments[k]`
	 * and sends its gradients; the main model then steps once. Returns each worker's return.
	 */
	runRound(environments: Array<Environment<Vector, number>>): Array<number> {
		if (!typeIs(environments, "table") || environments.size() !== this.workers.size()) {
			error(
				`[Hivemind] AsynchronousAdvantageActorCritic.runRound: environments must be an array of ${this.workers.size()} environments (one per worker), got ${describeValue(environments)}`,
				2,
			);
		}
		const returns = this.workers.map((worker, k) => {
			worker.setModelParameters(this.main.getModelParameters()!);
			const [total] = runEpisode(worker, environments[k]);
			const [g, n] = worker.takeGradients();
			if (g !== undefined) this.main.addGradients(g, n);
			return total;
		});
		this.main.applyPending();
		return returns;
	}

	/** The main model's parameters (the workers' structure: Actor1…, Critic1…). */
	getModelParameters(): ModelParameters {
		return this.main.getModelParameters()!;
	}

	/** Replaces the main model's parameters (checked by the workers' structure) and the workers'. */
	setModelParameters(parameters: ModelParameters) {
		for (const worker of this.workers) worker.setModelParameters(parameters);
		this.main.setModelParameters(this.workers[0].getModelParameters());
	}
}
