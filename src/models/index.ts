/** Models: the shared contract (base), the registry, and the model families (each registers itself). */
import "./linear/register";
import "./neural/register";
import "./elm/register";
import "./svm/register";
import "./naiveBayes/register";
import "./neighbours/register";
import "./passiveAggressive/register";
import "./multiclass/register";
export * from "./base";
export * from "./registry";
export * from "./linear";
export * from "./neural";
export * from "./elm";
export * from "./svm";
export * from "./naiveBayes";
export * from "./neighbours";
export * from "./passiveAggressive";
export * from "./multiclass";
