/** Mixture models: GaussianMixture (EM with mergeable E-step statistics). */
export * from "./GaussianMixture";
export { GaussianMixturePartial } from "./statistics";
export { CovarianceType } from "./density";
