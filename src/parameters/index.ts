/** Learned parameters as one named structure, walked generically (see docs/DESIGN.md). */
export * from "./tree";
