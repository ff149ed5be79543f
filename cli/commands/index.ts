import { Command } from "./command";

/** Every command of the tool, in the order `hivemind --help` lists them. */
export const COMMANDS: Array<Command> = [];
