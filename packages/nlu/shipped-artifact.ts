// The committed artifact as the chat Worker ships it: the JSON header, and the tables as a Data
// module (an ArrayBuffer handed over at script load, nothing parsed). Only bundles that import .bin
// files as Data modules can load this file (wrangler, the vitest workerd projects); Node tools read
// the same two files from disk (scripts/nlu/artifact-files.ts).

import type { IntentModelArtifact, IntentModelHeader } from "./artifact";
import header from "./model/intent-model.json";
import tables from "./model/intent-model.bin";

export const SHIPPED_ARTIFACT: IntentModelArtifact = { ...(header as IntentModelHeader), tables: new Uint8Array(tables) };
