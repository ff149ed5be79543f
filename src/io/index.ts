export * from "./csv";
export * from "./dataset";
export * from "./svg";
