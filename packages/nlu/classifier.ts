// The model shipped with the chat Worker: the committed artifact, built once per isolate (its tables are read in place).

import type { IntentModelArtifact } from "./artifact";
import { createIntentModel, type Classification, type ClassifyOptions, type IntentModel } from "./model";
import bundledArtifact from "./model/intent-model.json";

let loaded: IntentModel | undefined;

/** The shipped model, built on first use and kept for the life of the isolate (rows decode as queries touch them). */
export function loadIntentModel(): IntentModel {
  loaded ??= createIntentModel(bundledArtifact as IntentModelArtifact);
  return loaded;
}

/** Classifies with the shipped model. */
export function classify(text: string, options?: ClassifyOptions): Classification {
  return loadIntentModel().classify(text, options);
}
