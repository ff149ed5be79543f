/** Cost functions (summed over samples, with gradients w.r.t. the predictions), created by name. */
export * from "./types";
export * from "./elementwise";
export * from "./regression";
export * from "./classification";
export * from "./create";
