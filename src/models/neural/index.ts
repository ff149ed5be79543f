/** The dense neural network: the model, its activations and weight initializers. */
export * from "./NeuralNetwork";
export * from "./options";
export { LayerSpec } from "./layers";
export { DenseLayer } from "./network";
export { ACTIVATION_NAMES, ActivationName, activate, elementwiseActivation, ElementwiseActivation } from "./activations";
export { INITIALIZER_NAMES, InitializerName, initializeLayerWeights } from "./initializers";
