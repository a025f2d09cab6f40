/**
 * Runtime checks for the data effects return. The DO's code produces it, but the engine must never
 * act on a malformed id or amount, so every result is parsed before use; a bad shape is handled
 * like a failed effect.
 */
import type * as z from "zod";
import type * as ViewSchemasModule from "./view-schemas.js";
import type { ViewSchemas } from "./view-schemas.js";
import { lazyModule } from "../lazy-module/lazy-module.js";

const viewSchemasModule = lazyModule((): Promise<typeof ViewSchemasModule> => import("./view-schemas.js"));

let built: ViewSchemas | undefined;

/**
 * Loads zod and builds the schemas (view-schemas.ts) once per isolate. Whoever feeds effect
 * results to the engine awaits it first (runner.ts does, before a turn's first effect), so a
 * fresh isolate's startup and its FAQ turns never run zod.
 */
export async function loadViewSchemas(): Promise<ViewSchemas> {
  built ??= (await viewSchemasModule()).buildViewSchemas();
  return built;
}

/** Every view's schema, by kind: loaded by loadViewSchemas(). */
export function viewSchemas(): ViewSchemas {
  if (!built) throw new Error("the view schemas are not loaded: await loadViewSchemas() before feeding effect results");
  return built;
}

/** The parsed value, or null when the data does not have the expected shape. */
export function parseView<K extends keyof ViewSchemas>(kind: K, data: unknown): z.infer<ViewSchemas[K]> | null {
  const parsed = viewSchemas()[kind].safeParse(data);
  return parsed.success ? (parsed.data as z.infer<ViewSchemas[K]>) : null;
}
