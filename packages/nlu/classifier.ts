// The model shipped with the chat Worker: the committed artifact, built once per isolate (its tables are read in place).

import { createIntentModel, type Classification, type ClassifyOptions, type IntentModel } from "./model";
import { SHIPPED_ARTIFACT } from "./shipped-artifact";

let loaded: IntentModel | undefined;

/** The shipped model, built on first use and kept for the life of the isolate. */
export function loadIntentModel(): IntentModel {
  loaded ??= createIntentModel(SHIPPED_ARTIFACT);
  return loaded;
}

/** Classifies with the shipped model. */
export function classify(text: string, options?: ClassifyOptions): Classification {
  return loadIntentModel().classify(text, options);
}
