/** The Extreme Learning Machine: a random hidden layer and output weights solved in closed form. */
export * from "./ExtremeLearningMachine";
export { ELM_NEURON_TYPES, ElmNeuronType, hiddenOutput, initializeHiddenLayer } from "./hidden";
