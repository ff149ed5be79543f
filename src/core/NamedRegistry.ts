/** A registry of named entries (the model and agent registries): one entry per name, listings sorted by name. */

/** Entries keyed by their `name`. */
export class NamedRegistry<T extends { readonly name: string }> {
	private readonly entries = new Map<string, T>();

	/** `what` names an entry in errors, with its article ("a model", "an agent"). */
	constructor(private readonly what: string) {}

	/** Adds `entry`; an error naming `where` (at the caller's caller) when its name is taken. */
	add(entry: T, where: string) {
		if (this.entries.has(entry.name)) error(`[Hivemind] ${where}: ${this.what} named "${entry.name}" is already registered`, 3);
		this.entries.set(entry.name, entry);
	}

	/** Every entry, sorted by name. */
	sorted(): Array<T> {
		const out = new Array<T>();
		for (const [, entry] of this.entries) out.push(entry);
		out.sort((a, b) => a.name < b.name);
		return out;
	}

	/** The entry named `name`; an error naming `where` (at the caller's caller) that lists the names otherwise. */
	get(name: string, where: string): T {
		const entry = this.entries.get(name);
		if (entry === undefined) {
			const names = this.sorted().map((e) => e.name);
			error(`[Hivemind] ${where}: name must be one of ${names.join(", ")}, got ${tostring(name)}`, 3);
		}
		return entry;
	}
}
