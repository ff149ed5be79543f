import { Command } from "./command";
import { trainCommand } from "./train";
import { predictCommand } from "./predict";
import { evaluateCommand } from "./evaluate";
import { simulateCommand } from "./simulate";
import { modelsCommand } from "./models";
import { demoCommand } from "./demo";
import { transformCommand } from "./transform";
import { experienceCommand } from "./experience";

/** Every command of the tool, in the order `hivemind --help` lists them. */
export const COMMANDS: Array<Command> = [
	trainCommand,
	predictCommand,
	evaluateCommand,
	transformCommand,
	simulateCommand,
	modelsCommand,
	demoCommand,
	experienceCommand,
];
