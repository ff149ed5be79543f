/** Clustering and decomposition: KMeans (k-means++ and Lloyd) (PCA: `src/transformers`). */
export * from "./KMeans";
