/** Multi-class wrappers over binary classifiers. */
export * from "./perClassParameters";
export * from "./OneVsAll";
