export * from "./csv";
export * from "./dataset";
export * from "./modelFile";
export * from "./LoadedModel";
export * from "./evaluation";
export * from "./dataPredict";
export { encodeJson, decodeJson } from "../core/json";
