/** Models: the shared contract (base), the registry, and the model families (each registers itself). */
import "./linear/register";
import "./svm/register";
import "./naiveBayes/register";
export * from "./base";
export * from "./registry";
export * from "./linear";
export * from "./svm";
export * from "./naiveBayes";
