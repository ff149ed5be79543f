import { describe, expect, it } from "../support/jest-globals";
import { expectError } from "../support/numeric";
import { AppliedSet, createIdentity, identityKey, identityOfRecord, identityProblem } from "../../src/distributed/identity";
import { createUpdate } from "../../src/distributed/wire";

const id = (childId: number, round: number, sequence?: number, modelName = "LinearRegression") =>
	createIdentity({ kind: "gradients", modelName, childId, round, sequence });

describe("update identity", () => {
	it("gives equal keys to equal identities and different keys to different ones", () => {
		expect(identityKey(id(3, 7))).toBe("gradients|3|7|0|LinearRegression");
		expect(identityKey(id(3, 7, 0))).toBe(identityKey(id(3, 7)));
		const keys = [
			id(3, 7),
			id(3, 7, 1),
			id(7, 3),
			id(3, 8),
			id(3, 7, 0, "Other"),
			createIdentity({ kind: "parameters", modelName: "LinearRegression", childId: 3, round: 7 }),
		].map(identityKey);
		const unique = new Set(keys);
		expect(unique.size()).toBe(6);
		const record = createUpdate({ kind: "gradients", modelName: "LinearRegression", childId: 3, round: 7, data: [[1]] });
		expect(identityKey(identityOfRecord(record))).toBe(identityKey(id(3, 7)));
	});
	it("names the bad field", () => {
		expect(identityProblem({ kind: "gradients", modelName: "M", childId: -1, round: 0 })).toBe("identity.childId must be an integer ≥ 0, got -1");
		expectError(
			() => createIdentity({ kind: "gradients", modelName: "", childId: 0, round: 0 }),
			'createIdentity: identity.modelName must be a non-empty string, got ""',
		);
		expectError(
			() => createIdentity({ kind: "gradients", modelName: "M", childId: 0, round: 0.5 }),
			"identity.round must be an integer ≥ 0, got 0.5",
		);
		expectError(() => createIdentity({ kind: "x" as never, modelName: "M", childId: 0, round: 0 }), "identity.kind must be one of");
	});
	it("admits each identity once, reports duplicates and other models, forgets old rounds as expired", () => {
		const set = new AppliedSet("LinearRegression");
		expect(set.admit(id(1, 0))).toBe("new");
		expect(set.admit(id(1, 0))).toBe("duplicate");
		expect(set.admit(id(1, 0, 1))).toBe("new");
		expect(set.admit(id(1, 0, 0, "LogisticRegression"))).toBe("otherModel");
		set.markApplied(id(1, 0));
		expect(set.admit(id(1, 0))).toBe("duplicate");
		expect(set.stateOf(id(1, 0))).toBe("applied");
		set.release(id(1, 0, 1));
		expect(set.admit(id(1, 0, 1))).toBe("new");
		set.markRejected(id(1, 0, 1));
		expect(set.counts()).toEqual({ pending: 0, applied: 1, rejected: 1 });
		expect(set.admit(id(2, 1))).toBe("new");
		set.forgetRoundsBefore(1);
		expect(set.size()).toBe(1);
		expect(set.admit(id(1, 0))).toBe("expired");
		expect(set.admit(id(2, 1))).toBe("duplicate");
		const copy = AppliedSet.fromData(set.toData());
		expect(copy.admit(id(2, 1))).toBe("duplicate");
		expect(copy.admit(id(1, 0))).toBe("expired");
		expect(copy.admit(id(3, 1))).toBe("new");
		expectError(() => set.markApplied(id(9, 9)), "must have been admitted first");
		expectError(() => new AppliedSet(""), "AppliedSet: modelName must be a non-empty string");
	});
});
