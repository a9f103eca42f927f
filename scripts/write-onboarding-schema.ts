/**
 * Writes the JSON Schema of the onboarding spec (src/modules/onboarding/onboarding-spec.ts) into
 * docs/onboarding.schema.json, for editors and for customers' own tooling. A test fails when the
 * committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { onboardingSchemaText } from "../src/modules/onboarding/onboarding-spec.js";

writeFileSync(new URL("../docs/onboarding.schema.json", import.meta.url), onboardingSchemaText());
console.log("docs/onboarding.schema.json written");
