export const VERSION = "0.1.0";
export function add(a: number, b: number) {
	return a + b;
}
