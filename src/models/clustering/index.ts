/** Clustering and decomposition: KMeans (k-means++ and Lloyd), PCA. */
export * from "./KMeans";
export * from "./PCA";
