/** Registers OneVsAll with its tags and example dataset. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { OneVsAll } from "./OneVsAll";

const NAMES = ["rock", "paper", "scissors"];

registerModel({
	name: "OneVsAll",
	create: (o) => new OneVsAll(o),
	tags: ["classifier"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 3);
		return {
			X,
			y: blob.map((b) => NAMES[b]),
			options: { modelName: "LogisticRegression", modelOptions: { maximumNumberOfIterations: 30 }, classesList: NAMES },
		};
	},
});
