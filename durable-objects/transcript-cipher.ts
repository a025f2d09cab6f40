import {
  KeyUnavailableError,
  createDataKey,
  isSealed,
  masterKeyring,
  openText,
  rewrapDataKey,
  sealPayload,
  sealText,
  sealedKeyId,
  unwrapDataKey,
  type DataKey,
  type MasterKeyring,
  type WrappedDataKey,
} from "../packages/transcript-crypto/index.js";
import { findDataKey, registerDataKey } from "../packages/db/deferred.js";
import { SEALED_EVENT_TYPES } from "../packages/db/transcript-policy.js";
import type { ChatEvent } from "../packages/contract/events.js";
import type { Db } from "../packages/db/client.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { ChatTurn } from "../packages/contract/chat.js";
import type { SessionStorage } from "../packages/conversation/turn.js";
import { columnFromPayload, sharedColumns, sharedSeal } from "./turn-seals.js";
import { openKeptTurn } from "./chat-session.turns.js";

interface StoredKey extends WrappedDataKey {
  /** True once the wrapped key is in Postgres (transcript_keys): only then may sealed events leave. */
  registered: boolean;
}

const META_KEY = "transcript_key";

/**
 * The ChatSession's transcript data key. Encryption happens here, before anything is stored or
 * queued, so the object's SQLite, the queue, chat_events and dead letters all hold ciphertext.
 *
 * Cost per turn: none beyond AES-GCM itself. The unwrapped key stays in memory while the object
 * lives; on wake-up it is unwrapped from this object's storage (one WebCrypto call, no Postgres).
 * A new key is created here too and written to Postgres by the outbox flush, before the first
 * events sealed with it leave. Postgres is read only when the master key that wrapped the stored
 * copy has been retired (after a rotation): the re-wrapped row is fetched once.
 */
export class TranscriptCipher {
  private current: DataKey | undefined;
  private parsedKey: { json: string; key: StoredKey } | undefined;

  constructor(
    private readonly store: ChatSessionStore,
    private readonly secrets: () => { TRANSCRIPT_MASTER_KEYS?: string; TRANSCRIPT_MASTER_KEY_ID?: string },
  ) {}

  private keyring(): Promise<MasterKeyring> {
    const env = this.secrets();
    return masterKeyring(env.TRANSCRIPT_MASTER_KEYS, env.TRANSCRIPT_MASTER_KEY_ID);
  }

  /** The customer's current data key: from memory, else from this object's storage, else a new one. */
  async key(customerId: string, db: () => Promise<Db>): Promise<DataKey> {
    if (this.current?.customerId === customerId) return this.current;
    const keyring = await this.keyring();
    const stored = this.storedKey();
    if (stored && stored.customerId === customerId) {
      const opened = await this.openStored(keyring, stored, db);
      if (opened) return (this.current = opened);
    }
    const created = await createDataKey(keyring, customerId);
    this.saveStoredKey({ ...created.wrapped, registered: false });
    return (this.current = created.dataKey);
  }

  /** Unwraps the stored copy; after a rotation re-wraps it, or fetches the re-wrapped row when its master key is gone. */
  private async openStored(keyring: MasterKeyring, stored: StoredKey, db: () => Promise<Db>): Promise<DataKey | undefined> {
    if (keyring.keys.has(stored.masterKeyId)) {
      const opened = await unwrapDataKey(keyring, stored);
      if (stored.masterKeyId !== keyring.currentId) this.saveStoredKey({ ...(await rewrapDataKey(keyring, stored)), registered: stored.registered });
      return opened;
    }
    const row = stored.registered ? await findDataKey(await db(), stored.keyId) : undefined;
    if (!row || row.customerId !== stored.customerId) return undefined; // shredded or never registered: start afresh
    try {
      const opened = await unwrapDataKey(keyring, row);
      this.saveStoredKey({ ...row, registered: true });
      return opened;
    } catch (error) {
      if (error instanceof KeyUnavailableError) return undefined;
      throw error;
    }
  }

  async seal(customerId: string, db: () => Promise<Db>, plaintext: string): Promise<string> {
    return sealText(await this.key(customerId, db), plaintext);
  }

  /**
   * Plain text of a stored value; undefined when it was sealed with a key this object no longer has.
   * A stored turn's column that shares its event's seal (turn-seals.ts) opens to the column's value.
   */
  async open(customerId: string, db: () => Promise<Db>, value: string): Promise<string | undefined> {
    const shared = sharedSeal(value);
    if (shared) {
      const payload = await this.open(customerId, db, shared.sealed);
      return payload === undefined ? undefined : columnFromPayload(shared, payload);
    }
    // Turns stored before encryption shipped are plain; they leave with retention (KEEP_TURNS, and the alarm's TRANSCRIPT_RETENTION_DAYS).
    if (!isSealed(value)) return value;
    const key = await this.key(customerId, db);
    if (sealedKeyId(value) !== key.keyId) return undefined;
    return openText(key, value).catch(() => undefined);
  }

  /** Seals the payload of the events that carry words (message.received, reply.sent); others pass as they are. */
  async sealEvents(customerId: string, db: () => Promise<Db>, events: ChatEvent[]): Promise<ChatEvent[]> {
    const sealed: ChatEvent[] = [];
    for (const event of events) {
      sealed.push(
        SEALED_EVENT_TYPES.has(event.type)
          ? { ...event, payload: { ...(await sealPayload(await this.key(customerId, db), event.payload)) } }
          : event,
      );
    }
    return sealed;
  }

  /** Whether a stored key still has to go to Postgres (asked by every flush; almost always no). */
  needsRegistration(): boolean {
    return this.unregisteredKey() !== undefined;
  }

  /** Before sealed events leave for the queue: their key must be in Postgres, or they could never be read. */
  async ensureRegistered(db: () => Promise<Db>): Promise<void> {
    const stored = this.unregisteredKey();
    if (!stored) return;
    await registerDataKey(await db(), stored);
    // Unless an erasure replaced the key meanwhile.
    if (this.storedKey()?.keyId === stored.keyId) this.saveStoredKey({ ...stored, registered: true });
  }

  /** Erasure: this object's copy of the key goes; the next turn starts with a new one. */
  forget(): void {
    this.current = undefined;
    this.store.deleteMeta(META_KEY);
  }

  /** The stored key while Postgres doesn't have it yet: the one check both questions above ask. */
  private unregisteredKey(): StoredKey | undefined {
    const stored = this.storedKey();
    return stored && !stored.registered ? stored : undefined;
  }

  /** Parsed once per stored version: every outbox flush asks whether the key is registered. */
  private storedKey(): StoredKey | undefined {
    const json = this.store.getMeta(META_KEY);
    if (!json) return undefined;
    if (this.parsedKey?.json !== json) this.parsedKey = { json, key: JSON.parse(json) as StoredKey };
    return this.parsedKey.key;
  }

  private saveStoredKey(key: StoredKey): void {
    this.store.setMeta(META_KEY, JSON.stringify(key));
  }
}

/** A turn's writes behind its deadline's fence (turn-deadline.ts): `check` throws once it has passed. */
export interface WriteFence {
  check(): void;
  /** Awaited before the save's seals (the local DB-hang switch stalls there). */
  beforeSave?(): Promise<void>;
}

/**
 * The turn's view of the session's storage (SessionStorage), sealing on the way in and opening
 * on the way out: the turn logic in packages/conversation never sees ciphertext. With a fence,
 * each write is refused once the turn's deadline has passed, checked in the same synchronous step
 * as the write (the seals before it await).
 */
export function sealedSessionStorage(store: ChatSessionStore, cipher: TranscriptCipher, customerId: string, db: () => Promise<Db>, fence?: WriteFence): SessionStorage {
  return {
    async findTurn(messageId) {
      const row = store.findTurn(messageId);
      if (!row) return undefined;
      const opened = await openKeptTurn(row, (value) => cipher.open(customerId, db, value));
      // Sealed with a key this object no longer has: the id stays taken (answered as a conflict).
      if (opened?.said === undefined) return { text: "\u0000unreadable", turn: { id: messageId } as ChatTurn };
      return { text: opened.said, turn: opened.turn };
    },
    loadState: () => store.loadState(),
    saveState: (state) => {
      fence?.check();
      store.saveState(state);
    },
    loadNotices: () => store.loadNotices(),
    async commitTurn(turn) {
      await fence?.beforeSave?.();
      const events = await cipher.sealEvents(customerId, db, turn.events);
      // The words and the reply are sealed once, in their events; the stored turn refers to those seals.
      const shared = sharedColumns(turn, turn.events, events);
      const text = shared.text ?? (await cipher.seal(customerId, db, turn.text));
      const sealedTurn = shared.turn ?? (await cipher.seal(customerId, db, JSON.stringify(turn.turn)));
      fence?.check();
      store.commitTurn({ ...turn, text, turn: sealedTurn, events });
    },
    queueEvent: (event) => {
      fence?.check();
      store.queueEvent(event);
    },
  };
}
