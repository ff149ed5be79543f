import { describe, expect, it } from "./support/jest-globals";
import { VERSION } from "../src";

describe("package", () => {
	it("exports its version", () => {
		expect(VERSION).toBe("0.1.0");
	});
});
