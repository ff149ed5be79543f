// Types for jest-lua's globals as roblox-ts specs use them. The @rbxts-js packages ship
// empty typings, so these are the project's own. Matchers are declared as properties
// (not methods) so roblox-ts emits `expect(v).toBe(x)`: jest-lua's matchers take no self.
// jest-lua spells `.not` as `.never`.

export interface Matchers {
	toBe: (expected: unknown) => void;
	toEqual: (expected: unknown) => void;
	toStrictEqual: (expected: unknown) => void;
	toBeCloseTo: (expected: number, numDigits?: number) => void;
	toBeGreaterThan: (expected: number) => void;
	toBeGreaterThanOrEqual: (expected: number) => void;
	toBeLessThan: (expected: number) => void;
	toBeLessThanOrEqual: (expected: number) => void;
	toBeNil: () => void;
	toBeDefined: () => void;
	toBeUndefined: () => void;
	toBeTruthy: () => void;
	toBeFalsy: () => void;
	toBeNaN: () => void;
	toContain: (expected: unknown) => void;
	toHaveLength: (expected: number) => void;
	toMatch: (pattern: string) => void;
	toMatchObject: (expected: object) => void;
	toHaveProperty: (path: string, value?: unknown) => void;
	toThrow: (expected?: string) => void;
	toHaveBeenCalled: () => void;
	toHaveBeenCalledTimes: (count: number) => void;
	toHaveBeenCalledWith: (...args: Array<unknown>) => void;
	toHaveBeenLastCalledWith: (...args: Array<unknown>) => void;
}

export interface Expectation extends Matchers {
	never: Matchers;
}

export interface Mock<A extends Array<unknown> = Array<unknown>, R = unknown> {
	(...args: A): R;
	mock: { calls: Array<A>; results: Array<{ value: R }> };
	mockReturnValue: (value: R) => Mock<A, R>;
	mockImplementation: (fn: (...args: A) => R) => Mock<A, R>;
}

export declare const describe: ((name: string, fn: () => void) => void) & {
	only: (name: string, fn: () => void) => void;
	skip: (name: string, fn: () => void) => void;
	each: <T>(cases: Array<T>) => (name: string, fn: (value: T) => void) => void;
};
export declare const it: ((name: string, fn: () => void, timeout?: number) => void) & {
	only: (name: string, fn: () => void) => void;
	skip: (name: string, fn: () => void) => void;
	todo: (name: string) => void;
	each: <T>(cases: Array<T>) => (name: string, fn: (value: T) => void) => void;
};
export declare const test: typeof it;
export declare const expect: ((value: unknown) => Expectation) & {
	assertions: (count: number) => void;
	any: (typeName: string) => unknown;
};
export declare const beforeEach: (fn: () => void, timeout?: number) => void;
export declare const afterEach: (fn: () => void, timeout?: number) => void;
export declare const beforeAll: (fn: () => void, timeout?: number) => void;
export declare const afterAll: (fn: () => void, timeout?: number) => void;
export declare const jest: {
	fn: <A extends Array<unknown> = Array<unknown>, R = unknown>(impl?: (...args: A) => R) => Mock<A, R>;
	useFakeTimers: () => void;
	useRealTimers: () => void;
	advanceTimersByTime: (ms: number) => void;
};
