import type { Db } from "../../packages/db/client.js";
import { rewrapDataKeys } from "../../packages/db/transcript-keys.repo.js";
import { importMasterKeys, KeyConfigError, type MasterKeyring } from "../../packages/transcript-crypto/index.js";
import { withDatabase } from "./database.js";

const USAGE = `usage: DATABASE_URL=postgres://… TRANSCRIPT_MASTER_KEYS='{"old":"…","new":"…"}' TRANSCRIPT_MASTER_KEY_ID=new \\
         npm run ops -- rotate-transcript-keys`;

/**
 * Master key rotation, step 2 of docs/operations.md: re-wraps every customer data key with the
 * current master key. Transcripts are not re-encrypted (their data keys do not change). Exit 0
 * only when no key is left under another master key: the old one can then be retired.
 */
export async function rotateCommand(db: Db, keyring: MasterKeyring, out: (line: string) => void = console.log): Promise<number> {
  const run = await rewrapDataKeys(db, keyring);
  out(`re-wrapped ${run.rewrapped} data key(s) with master key ${keyring.currentId}; ${run.remaining} still under another master key`);
  if (run.unavailable.length > 0) out(`${run.unavailable.length} key(s) are wrapped by a master key missing from TRANSCRIPT_MASTER_KEYS, e.g. ${run.unavailable.slice(0, 3).join(", ")}`);
  if (run.remaining === 0) out("the previous master key can now be removed from TRANSCRIPT_MASTER_KEYS");
  return run.remaining === 0 ? 0 : 1;
}

export async function runRotateWithDatabase(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let keyring: MasterKeyring;
  try {
    keyring = await importMasterKeys(process.env.TRANSCRIPT_MASTER_KEYS, process.env.TRANSCRIPT_MASTER_KEY_ID);
  } catch (error) {
    if (!(error instanceof KeyConfigError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  return withDatabase(args, (db) => rotateCommand(db, keyring));
}
