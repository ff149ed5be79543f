/** Neighbour models: exact k-nearest-neighbour search, KNN classifier and regressor, nearest centroid. */
export * from "./search";
export * from "./NeighboursModel";
export * from "./KNearestNeighboursClassifier";
export * from "./KNearestNeighboursRegressor";
export * from "./NearestCentroid";
