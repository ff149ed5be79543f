/** Naive Bayes: one base over mergeable statistics, five likelihoods. */
export * from "./likelihoods";
export * from "./NaiveBayesModel";
export * from "./CountNaiveBayesModel";
export * from "./GaussianNaiveBayes";
export * from "./MultinomialNaiveBayes";
export * from "./BernoulliNaiveBayes";
export * from "./ComplementNaiveBayes";
export * from "./CategoricalNaiveBayes";
