// The model shipped with the chat Worker: the committed artifact, decoded once per isolate.

import type { IntentModelArtifact } from "./artifact";
import { createIntentModel, type Classification, type ClassifyOptions, type IntentModel } from "./model";
import bundledArtifact from "./model/intent-model.json";

let loaded: IntentModel | undefined;

/** The shipped model, decoded on first use and kept for the life of the isolate. */
export function loadIntentModel(): IntentModel {
  loaded ??= createIntentModel(bundledArtifact as IntentModelArtifact);
  return loaded;
}

/** Classifies with the shipped model. */
export function classify(text: string, options?: ClassifyOptions): Classification {
  return loadIntentModel().classify(text, options);
}
