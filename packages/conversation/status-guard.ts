import type { Effect } from "../dialogue/index.js";
import type { TurnHooks } from "../dialogue/runner.js";
import { CustomerDisabled } from "./bank-effects.js";

/**
 * The fresh status check a confirming turn owes before money moves, read only where it is needed.
 * A transfer's ledger call reads the customer's status itself, in the transfer's own transaction
 * (teller_transfer_commit, migration 0014: a disabled customer is refused with 403, and the bank
 * executor throws CustomerDisabled), so a "yes" that runs a transfer costs no round trip of its
 * own. Any other effect that writes (a card change, a schedule, a dispute, a hand-off) is
 * preceded by the check; a turn that ran no transfer is checked at its end, before it is stored.
 * The check fails open when Postgres cannot answer (undefined): the ledger call then cannot run
 * either, and the execution waits for it, as any other.
 */
export class StatusGuard {
  constructor(
    /** False only when the bank has disabled the customer; undefined when it cannot be read now. */
    private readonly isActive: () => Promise<boolean | undefined>,
    /** True while a check is owed (the turn confirms something). */
    private owed: boolean,
  ) {}

  /** The hooks with the check in front of the effects that need it. */
  wrap(hooks: TurnHooks): TurnHooks {
    return {
      ...hooks,
      executor: {
        execute: async (effect) => {
          if (this.owed && writesWithoutLedgerCheck(effect)) await this.check();
          const result = await hooks.executor.execute(effect);
          // The ledger answered (anything but "could not be reached"): it read the status.
          if (isLedgerTransfer(effect) && (result.ok || result.error.code !== "unavailable")) this.owed = false;
          return result;
        },
      },
    };
  }

  /** At the end of the turn, before it is stored: the check, unless a transfer already made it. */
  async settle(): Promise<void> {
    if (this.owed) await this.check();
  }

  private async check(): Promise<void> {
    this.owed = false;
    if ((await this.isActive()) === false) throw new CustomerDisabled();
  }
}

function isLedgerTransfer(effect: Effect): boolean {
  return effect.kind === "transfer" && !effect.lookupOnly;
}

/** Reads (loads, look-ups past a deadline) need no check; a ledger transfer checks for itself. */
function writesWithoutLedgerCheck(effect: Effect): boolean {
  if (effect.kind === "load" || isLedgerTransfer(effect)) return false;
  return !("lookupOnly" in effect && effect.lookupOnly);
}
