// Lint: the roblox-ts community's rules (eslint-plugin-roblox-ts) with type information from
// tsconfig.game.json (src, test, cli, studio). `npm run lint`; `.ci/run` runs it.
import roblox from "eslint-plugin-roblox-ts";
import tseslint from "typescript-eslint";

export default [
	{
		ignores: [
			"out/**",
			"out-test/**",
			"include/**",
			"dist/**",
			".cache/**",
			"node_modules/**",
			"test/fixtures/**",
			"bench/**",
			"**/*.js",
			"**/*.mjs",
			"**/*.luau",
		],
	},
	{
		...roblox.configs.recommended,
		files: ["src/**/*.ts", "test/**/*.ts", "cli/**/*.ts", "studio/**/*.ts"],
		languageOptions: {
			...roblox.configs.recommended.languageOptions,
			parserOptions: {
				ecmaVersion: 2018,
				projectService: false,
				project: ["./tsconfig.game.json"],
				tsconfigRootDir: import.meta.dirname,
			},
		},
		plugins: { ...roblox.configs.recommended.plugins, "@typescript-eslint": tseslint.plugin },
		rules: {
			...roblox.configs.recommended.rules,
			// Multiple return values are the API (DataPredict's `predict` returns labels, then
			// probabilities; `computeGradients` returns gradient, n, loss): LuaTuple is deliberate.
			"roblox-ts/no-user-defined-lua-tuple": "off",
			"@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
		},
	},
];
