import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import { memoryHost } from "../../cli/host";
import { run } from "../../cli/main";

describe("hivemind demo", () => {
	it("merges eight servers three ways; exact statistics equal centralized training", () => {
		const host = memoryHost(new Map(), ["demo", "--rounds", "2"]);
		expect(run(host)).toBe(0);
		const out = host.out.join("");
		const [diff] = out.match("largest weight difference (%S+)");
		expect(tonumber(diff)! < 1e-9).toBe(true);
		const [central] = out.match("Centralized %(all data in one place%)%s+(%S+)");
		const [exact] = out.match("Merged: exact statistics%s+(%S+)");
		expect(exact).toBe(central);
		for (const k of $range(1, 8)) expect(out.find(`Server ${k} alone`, 1, true)[0] !== undefined).toBe(true);
		expect(out.find("Merged: FedAvg parameters (2 rounds)", 1, true)[0] !== undefined).toBe(true);
		expect(out.find("Merged: gradients (40 rounds)", 1, true)[0] !== undefined).toBe(true);
		expect(out.find("rejected: 0", 1, true)[0] !== undefined).toBe(true);
		// Through the stand-in services, with 10% of notifications lost and the owner killed once:
		// every session merged exactly once, so the merged model equals centralized training.
		expect(out.find("owner killed 1 time", 1, true)[0] !== undefined).toBe(true);
		const [merged, sent] = out.match("sessions merged (%d+) of (%d+)");
		expect(merged).toBe(sent);
		const [viaServices] = out.match("Merged: via the services %(exact statistics%)%s+(%S+)");
		expect(tonumber(viaServices)).toBe(tonumber(central));
		expect(out.find("predict minutes played per session (in minutes)", 1, true)[0] !== undefined).toBe(true);
	});
	it("rejects unknown options with a usage error", () => {
		const host = memoryHost(new Map(), ["demo", "--bogus"]);
		expect(run(host)).toBe(2);
		expect(host.err.join("").find("unknown option --bogus", 1, true)[0] !== undefined).toBe(true);
	});
});

describe("hivemind demo --json", () => {
	it("prints the comparison as one JSON document", () => {
		const host = memoryHost(new Map(), ["demo", "--rounds", "1", "--json"]);
		expect(run(host)).toBe(0);
		const decoded = game.GetService("HttpService").JSONDecode(host.out.join("")) as {
			results: Array<{ model: string; testMSE: number; r2: number }>;
			gradientUpdatesRejected: number;
		};
		expect(decoded.results.size()).toBe(13);
		expect(decoded.results[0].model).toBe("Centralized (all data in one place)");
		// exact statistics equal centralized (JSON decoding under Lune may move the last digit)
		expectClose(decoded.results[9].testMSE, decoded.results[0].testMSE, 1e-12);
		expect(decoded.gradientUpdatesRejected).toBe(0);
	});
});
