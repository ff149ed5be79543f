import { Command } from "./command";
import { demoCommand } from "./demo";

/** Every command of the tool, in the order `hivemind --help` lists them. */
export const COMMANDS: Array<Command> = [demoCommand];
