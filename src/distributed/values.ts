/** Small value helpers shared by the distributed classes and the statistics functions. */

export { describeValue, isFiniteNumber } from "../options/describe";
