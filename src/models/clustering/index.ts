/** Clustering: KMeans, KMedoids, FuzzyCMeans, BisectingKMeans, DBSCAN, OPTICS, MeanShift, AgglomerativeHierarchical, AffinityPropagation (PCA: `src/transformers`). */
export * from "./KMeans";
export * from "./KMedoids";
export { pairwiseDistances, assignToCentres } from "./shared";
export * from "./DBSCAN";
export * from "./OPTICS";
export * from "./AgglomerativeHierarchical";
export * from "./AffinityPropagation";
export * from "./MeanShift";
export * from "./FuzzyCMeans";
export * from "./BisectingKMeans";
