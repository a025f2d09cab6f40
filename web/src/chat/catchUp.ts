/**
 * Catching up over HTTP (GET /api/chat/turns): the turns a tab did not hear — it has no socket
 * (HTTP only), or its socket was closed while the customer spoke in another tab or device. The
 * cursor is a sequence number from the last read, or the message id of the last turn a socket
 * delivered (the server reads after either).
 */
import type { KeptTurn, TurnsPage } from "./protocol.js";

export type TurnsCursor = number | string;

export interface CatchUpDeps {
  read(after: TurnsCursor | undefined, limit: number): Promise<TurnsPage>;
  /** Asked on the first read only: restore the newest turns (a reload) instead of starting from now. */
  restore(): boolean;
  /**
   * `restored`: part of the first read after a reload, not something said since. `later`: the
   * turns after it in the same read, in the server's order (seq).
   */
  onTurn(turn: KeptTurn, restored: boolean, later: readonly KeptTurn[]): void;
  onState(state: Pick<TurnsPage, "pendingConfirmation" | "pendingQuestion" | "handoff" | "agent">): void;
  /** Turns a read (the server allows up to 50). */
  pageSize?: number;
}

const PAGE_SIZE = 50;
/** A tab far behind catches up at most this many pages a read; the next read goes on. */
const MAX_PAGES = 8;

export class TurnCatchUp {
  private cursor: TurnsCursor | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  /** Something newer than a read in flight arrived some other way (see `heardNewer`). */
  private overtaken = false;

  constructor(private readonly deps: CatchUpDeps) {}

  /** A turn this tab heard some other way (its socket): the next read starts after it. */
  saw(messageId: string): void {
    this.cursor = messageId;
  }

  /**
   * A reply or state arrived by the socket or an HTTP send while a read may be in flight: that
   * read's state (pending confirmation, hand-off) may predate it, so it is not passed on (it would
   * close a confirmation card the reply just opened). Its turns still are; the next read's state is.
   */
  heardNewer(): void {
    this.overtaken = true;
  }

  /** Reads what was missed; one read at a time, and a call during one reads once more after it. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const running = (async () => {
      try {
        do {
          this.again = false;
          await this.readAll();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    this.running = running;
    return running;
  }

  private async readAll(): Promise<void> {
    const size = this.deps.pageSize ?? PAGE_SIZE;
    this.overtaken = false;
    if (this.cursor === undefined) {
      const restore = this.deps.restore();
      const page = await this.deps.read(undefined, restore ? size : 0);
      page.turns.forEach((turn, i) => this.deps.onTurn(turn, true, page.turns.slice(i + 1)));
      this.cursor = page.next;
      if (!this.overtaken) this.deps.onState(stateOf(page));
      return;
    }
    let page: TurnsPage | undefined;
    for (let i = 0; i < MAX_PAGES && (!page || page.more); i++) {
      const read = await this.deps.read(this.cursor, size);
      read.turns.forEach((turn, i) => this.deps.onTurn(turn, false, read.turns.slice(i + 1)));
      page = read;
      this.cursor = page.next;
    }
    if (page && !this.overtaken) this.deps.onState(stateOf(page));
  }
}

const stateOf = ({ pendingConfirmation, pendingQuestion, handoff, agent }: TurnsPage) => ({ pendingConfirmation, pendingQuestion, handoff, agent });
