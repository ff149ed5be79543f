/**
 * Several models' parameters in ONE record, for wrappers that hold a model per class: class c's
 * entries are named `<c>` (a single matrix) or `<c>.<entry>` (`parameterEntries` names: list
 * positions 1, 2, … or record keys), c numbered from 1.
 */
import { Matrix } from "../../matrix/types";
import { describeParameters, ModelParameters, parameterEntries, parameterKind } from "../../parameters";

/** One record holding every class's parameters (no copies). */
export function flattenPerClass(list: Array<ModelParameters>): { [name: string]: Matrix } {
	const out: { [name: string]: Matrix } = {};
	list.forEach((parameters, c) => {
		for (const [name, matrix] of parameterEntries(parameters)) out[name === "" ? `${c + 1}` : `${c + 1}.${name}`] = matrix;
	});
	return out;
}

function isPositiveInteger(text: string): boolean {
	return text.match("^[1-9]%d*$")[0] !== undefined;
}

/**
 * The per-class parameters of a record made by `flattenPerClass`: a list (class order); each
 * class's entries become a single matrix, a list (names 1 … m) or a record. Errors name `where`.
 */
export function splitPerClass(parameters: ModelParameters, where: string): Array<ModelParameters> {
	const expected = "a record of per-class entries named <class> or <class>.<entry> (classes numbered from 1)";
	if (parameterKind(parameters) !== "record")
		error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
	const groups = new Map<number, Map<string, Matrix>>();
	let classCount = 0;
	for (const [name, matrix] of parameterEntries(parameters)) {
		const [prefix, rest] = name.match("^([^.]*)%.?(.*)$") as LuaTuple<[string, string]>;
		if (!isPositiveInteger(prefix)) error(`[Hivemind] ${where}: parameters must be ${expected}, got an entry named "${name}"`, 4);
		const c = tonumber(prefix)!;
		classCount = math.max(classCount, c);
		const group = groups.get(c) ?? new Map<string, Matrix>();
		group.set(rest, matrix);
		groups.set(c, group);
	}
	const out = new Array<ModelParameters>();
	for (const c of $range(1, classCount)) {
		const group = groups.get(c);
		if (group === undefined) error(`[Hivemind] ${where}: parameters must hold every class from 1 to ${classCount}, missing class ${c}`, 4);
		const single = group.get("");
		if (single !== undefined) {
			if (group.size() > 1)
				error(`[Hivemind] ${where}: parameters of class ${c} must be either "${c}" alone or "${c}.<entry>" entries, got both`, 4);
			out.push(single);
			continue;
		}
		let isList = true;
		for (const i of $range(1, group.size())) if (!group.has(`${i}`)) isList = false;
		if (isList) {
			const list = new Array<Matrix>();
			for (const i of $range(1, group.size())) list.push(group.get(`${i}`)!);
			out.push(list);
		} else {
			const record: { [name: string]: Matrix } = {};
			for (const [key, matrix] of group) record[key] = matrix;
			out.push(record);
		}
	}
	return out;
}
