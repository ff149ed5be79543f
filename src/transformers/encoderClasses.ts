/** The label list an encoder codes against: given by an option, or learned by `fit`; needed before any use. */
import { Label } from "../utilities/labels";

/** An encoder's classes (composition: LabelEncoder and OneHotEncoder each own one). */
export class EncoderClasses {
	private classes: Array<Label> | undefined;

	/** `owner` names the encoder and `optionName` its explicit-list option in errors; `explicit` (copied) makes it ready without `fit`. */
	constructor(
		private readonly owner: string,
		private readonly optionName: string,
		explicit: Array<Label> | undefined,
	) {
		if (explicit !== undefined) this.classes = table.clone(explicit);
	}

	/** Takes `classes` (owned from now on: pass a copy) as the encoder's list. */
	set(classes: Array<Label>) {
		this.classes = classes;
	}

	/** The classes (not a copy); before `fit`, `setState` or the option, an error naming `<owner>.<method>` at the caller's caller. */
	get(method: string): Array<Label> {
		const classes = this.classes;
		if (classes === undefined) {
			error(
				`[Hivemind] ${this.owner}.${method}: the encoder must be fitted first (fit, setState or the ${this.optionName} option), got an unfitted encoder`,
				3,
			);
		}
		return classes;
	}
}
