import { PortInUseError, startLocalStack } from "./local-stack.js";

// `npm start`: the whole product on loopback, one URL to open, Ctrl-C stops everything.
const started = Date.now();
console.log("Starting Teller locally…");
const stack = await startLocalStack({
  databaseUrl: process.env.DATABASE_URL || undefined,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  // "memory" for a throwaway stack (the tests use it); default .data/
  stateDir: process.env.TELLER_STATE_DIR || undefined,
}).catch((error: unknown) => {
  // What to do, without a stack trace; anything unexpected keeps its trace.
  if (!(error instanceof PortInUseError)) throw error;
  console.error(`\n  ${error.message}\n`);
  process.exit(1);
});
console.log(`\n  Teller is ready in ${((Date.now() - started) / 1000).toFixed(1)} s → open ${stack.url}\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.stop();
    process.exit(0);
  });
}
