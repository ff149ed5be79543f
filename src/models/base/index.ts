/** The model contract: BaseModel, the shared gradient loop, input and label helpers. */
export * from "./types";
export * from "./capabilities";
export * from "./data";
export * from "./labels";
export * from "./BaseModel";
export * from "./gradientOptions";
export * from "./output";
export * from "./monitor";
export * from "./trainingState";
export * from "./batches";
export * from "./GradientModel";
