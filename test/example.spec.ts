import { describe, expect, it } from "./support/jest-globals";
import { add } from "../src";
import { t } from "@rbxts/t";

describe("add", () => {
	it("adds", () => {
		expect(add(1, 2)).toBe(3);
		expect(t.number(3)).toBe(true);
	});
});
