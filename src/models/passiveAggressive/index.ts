/** Passive-aggressive online learners (PA, PA-I, PA-II): classifier and regressor. */
export * from "./PassiveAggressiveModel";
export * from "./PassiveAggressiveClassifier";
export * from "./PassiveAggressiveRegressor";
