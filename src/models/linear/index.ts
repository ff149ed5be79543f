/** The linear models (gradient-trained and exact) and polynomial features. */
export * from "./links";
export * from "./LinearModel";
export * from "./LinearRegressor";
export * from "./LinearClassifier";
export * from "./BinaryClassifier";
export * from "./LinearRegression";
export * from "./HuberRegression";
export * from "./QuantileRegression";
export * from "./PoissonRegression";
export * from "./LogisticRegression";
export * from "./BinaryRegression";
export * from "./SoftmaxRegression";
export * from "./StatisticsLinearModel";
export * from "./LeastSquaresModel";
export * from "./NormalLinearRegression";
export * from "./RidgeRegression";
export * from "./BayesianLinearRegression";
