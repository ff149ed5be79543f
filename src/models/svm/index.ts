/** Support vector machines: kernels, the SMO dual solver, the binary classifier. */
export * from "./kernels";
export * from "./smo";
export * from "./SupportVectorMachine";
