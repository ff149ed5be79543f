/** Option tables: declarative constraints, validation with option-naming errors, frozen merges. */
export * from "./constraints";
export * from "./resolve";
export * from "../core/describe";
