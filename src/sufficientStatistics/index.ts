/** Sufficient statistics: compute a partial in each child, merge (associative), finalize once. */
export * from "./merge";
export * from "./linear";
export * from "./moments";
export * from "./covariance";
export * from "./kmeans";
export * from "./naiveBayes";
export * from "./naiveBayesVariants";
export * from "./bayesianLinear";
