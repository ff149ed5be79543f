/**
 * The agent registry: name → factory and capability tags, beside the model registry (agents are
 * not `BaseModel`s: they learn from `reinforce`, not `train(X, y)`). `hivemind models` lists them.
 */
import { ReinforcementAgent } from "./types";
import { NamedRegistry } from "../core/NamedRegistry";

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

const agents = new NamedRegistry<AgentRegistration>("an agent");

/** Registers an agent (an error if the name is taken). */
export function registerAgent(registration: AgentRegistration) {
	agents.add(registration, "registerAgent");
}

/** Every registered agent, sorted by name. */
export function getRegisteredAgents(): Array<AgentRegistration> {
	return agents.sorted();
}

/** A new agent by registered name (its required options merged under `options`). */
export function createAgent(name: string, options?: object): ReinforcementAgent<unknown, unknown> {
	const registration = agents.get(name, "createAgent");
	return registration.create({ ...registration.required, ...options });
}
