// jest-lua configuration for the spec tree (ReplicatedStorage.HivemindTests).
export = {
	testMatch: ["**/*.spec"],
};
