// The conformance suite: the common checks (checks.ts), run over every registered model. A model
// registered in src/models (see src/models/registry.ts) is covered here without writing a test.
import { getRegisteredModels } from "../../src/models";
import { describeConformance } from "./checks";

for (const r of getRegisteredModels()) describeConformance(r);
