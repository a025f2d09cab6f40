// One schema, split by owner: drizzle-kit reads this index (drizzle.config.ts).
export * from "./events.js";
export * from "./banking.js";
export * from "./account-facts.js";
export * from "./schedules.js";
export * from "./disputes.js";
export * from "./handoffs.js";
export * from "./transcript-keys.js";
