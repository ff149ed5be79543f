// jest-lua configuration of the long runs (`npm run bench:rl`): not part of `npm test` (its testMatch is *.spec).
export = {
	testMatch: ["**/*.bench"],
};
