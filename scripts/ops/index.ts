import { runWithDatabase } from "./dead-letters.js";

/** `npm run ops -- <command> …`: operator tools, run against DATABASE_URL. */
const [command, ...args] = process.argv.slice(2);
if (command === "dead-letters") {
  process.exit(await runWithDatabase(args));
} else {
  console.error("usage: npm run ops -- dead-letters list|replay <id>|replay-all|discard <id>");
  process.exit(2);
}
