import { runWithDatabase as runDeadLetters } from "./dead-letters.js";
import { runEraseWithDatabase } from "./erase.js";
import { runRotateWithDatabase } from "./rotate-transcript-keys.js";

/** `npm run ops -- <command> …`: operator tools, run against DATABASE_URL. One line per command. */
const commands: Record<string, (args: string[]) => Promise<number>> = {
  "dead-letters": runDeadLetters,
  erase: runEraseWithDatabase,
  "rotate-transcript-keys": runRotateWithDatabase,
};

const [command, ...args] = process.argv.slice(2);
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`usage: npm run ops -- <${Object.keys(commands).join(" | ")}> …  (dead-letters list|replay <id>|replay-all|discard <id>; erase <customerId>|--status <customerId>; rotate-transcript-keys)`);
  process.exit(2);
}
process.exit(await run(args));
