import { describe, expect, it } from "./support/jest-globals.d";
import { VERSION } from "../src";

describe("package", () => {
	it("exports its version", () => {
		expect(VERSION).toBe("0.1.0");
	});
});
