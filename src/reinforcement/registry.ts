/**
 * The agent registry: name → factory and capability tags, beside the model registry (agents are
 * not `BaseModel`s: they learn from `reinforce`, not `train(X, y)`). `hivemind models` lists them.
 */
import { ReinforcementAgent } from "./types";

/** Capability tags of agents: every agent has "agent"; then its family and what it acts on. */
export type AgentTag = "agent" | "tabular" | "value" | "policy" | "discrete" | "continuous" | "distributed";

/** One registered agent. */
export interface AgentRegistration {
	/** The agent's class name. */
	name: string;
	/** Builds the agent; `required` fills the options it cannot default (state and action counts). */
	create: (options?: object) => ReinforcementAgent<unknown, unknown> & { getOptions(): object };
	/** Capability tags. */
	tags: Array<AgentTag>;
	/** The options a listing needs to build one (`{ stateCount, actionCount }` or `{ stateSize, actionCount }`). */
	required: object;
}

const agents = new Map<string, AgentRegistration>();

/** Registers an agent (an error if the name is taken). */
export function registerAgent(registration: AgentRegistration) {
	if (agents.has(registration.name)) error(`[Hivemind] registerAgent: an agent named "${registration.name}" is already registered`, 2);
	agents.set(registration.name, registration);
}

/** Every registered agent, sorted by name. */
export function getRegisteredAgents(): Array<AgentRegistration> {
	const out = new Array<AgentRegistration>();
	for (const [, registration] of agents) out.push(registration);
	out.sort((a, b) => a.name < b.name);
	return out;
}

/** A new agent by registered name (its required options merged under `options`). */
export function createAgent(name: string, options?: object): ReinforcementAgent<unknown, unknown> {
	const registration = agents.get(name);
	if (registration === undefined)
		error(
			`[Hivemind] createAgent: name must be one of ${getRegisteredAgents()
				.map((r) => r.name)
				.join(", ")}, got ${tostring(name)}`,
			2,
		);
	return registration.create({ ...registration.required, ...options });
}
