/** Registers the support vector machine with its tags and example dataset. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { SupportVectorMachine } from "./SupportVectorMachine";

registerModel({
	name: "SupportVectorMachine",
	create: (o) => new SupportVectorMachine(o),
	tags: ["classifier"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 2);
		return { X, y: blob.map((b) => (b === 1 ? 1 : -1)), options: { C: 10 } };
	},
});
