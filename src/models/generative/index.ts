/** Generative adversarial networks: GAN, WassersteinGAN and their conditional variants, on `NeuralNetwork`. */
export * from "./AdversarialModel";
export * from "./GenerativeAdversarialNetwork";
export * from "./ConditionalGenerativeAdversarialNetwork";
export * from "./WassersteinGAN";
export * from "./ConditionalWassersteinGAN";
export { ADVERSARIAL_DEFAULTS, AdversarialOptions, ConditionalOptions, WassersteinOptions } from "./options";
