import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * Just enough of the Postgres wire protocol (v3) for the local proxy: split a byte stream into
 * messages, build the few messages a pooler writes itself, and authenticate to a server
 * (trust, cleartext, MD5, SCRAM-SHA-256) with the configured URL's credentials.
 */

export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

export interface WireMessage {
  type: string;
  /** The whole message, type byte and length included (what is forwarded). */
  raw: Buffer;
  /** The body after the length. */
  body: Buffer;
}

/** Splits typed messages (type byte + int32 length) out of chunks as they arrive. */
export class MessageReader {
  private buffer = Buffer.alloc(0);

  push(chunk?: Buffer): WireMessage[] {
    if (chunk) this.append(chunk);
    const messages: WireMessage[] = [];
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) break;
      const raw = this.buffer.subarray(0, 1 + length);
      messages.push({ type: String.fromCharCode(raw[0]!), raw, body: raw.subarray(5) });
      this.buffer = this.buffer.subarray(1 + length);
    }
    return messages;
  }

  /** A length-prefixed packet without a type byte (startup, SSLRequest), if complete. */
  takeUntyped(chunk?: Buffer): Buffer | undefined {
    if (chunk) this.append(chunk);
    if (this.buffer.length < 4) return undefined;
    const length = this.buffer.readInt32BE(0);
    if (this.buffer.length < length) return undefined;
    const packet = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return packet;
  }

  /** `count` bytes without any framing (the one-byte answer to an SSLRequest), if received. */
  takeBytes(count: number, chunk?: Buffer): Buffer | undefined {
    if (chunk) this.append(chunk);
    if (this.buffer.length < count) return undefined;
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
  }

  /** How many bytes are received but not yet parsed. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Bytes received but not yet parsed. */
  rest(): Buffer {
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    return rest;
  }

  private append(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk);
  }
}

/** SSLRequest and GSSENCRequest: asked before the real startup packet, answered with one byte. */
export const isEncryptionRequest = (code: number) => code === SSL_REQUEST || code === GSSENC_REQUEST;

export function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

export function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([int32(PROTOCOL_3), ...Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]), Buffer.from([0])]);
  return Buffer.concat([int32(4 + body.length), body]);
}

/** The startup packet's parameters (user, database, …); `code` is the protocol or request code. */
export function parseStartup(packet: Buffer): { code: number; parameters: Record<string, string> } {
  const code = packet.readInt32BE(4);
  const parameters: Record<string, string> = {};
  if (code === PROTOCOL_3) {
    const parts = packet.subarray(8).toString("utf8").split("\0");
    for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) parameters[parts[i]!] = parts[i + 1]!;
  }
  return { code, parameters };
}

export const authenticationOk = () => message("R", int32(0));
export const readyForQuery = (status: "I" | "T" | "E" = "I") => message("Z", Buffer.from(status, "latin1"));
export const backendKeyData = (pid: number, secret: number) => message("K", Buffer.concat([int32(pid), int32(secret)]));
export const simpleQuery = (sql: string) => message("Q", cstring(sql));
export function errorResponse(code: string, text: string): Buffer {
  return message("E", Buffer.concat([cstring(`SFATAL`), cstring(`VFATAL`), cstring(`C${code}`), cstring(`M${text}`), Buffer.from([0])]));
}

/**
 * Answers the server's authentication requests until AuthenticationOk. Returns the messages that
 * follow in the same chunk(s) handling is done with (ParameterStatus, BackendKeyData, …) through
 * the caller's reader; throws on ErrorResponse or an unsupported method.
 */
export class ServerAuth {
  private scram: { nonce: string; clientFirstBare: string; serverSignature?: Buffer } | undefined;
  constructor(
    private readonly user: string,
    private readonly password: string,
    /** Fixed only by tests (RFC 7677's example); Postgres ignores the SCRAM user name. */
    private readonly scramOptions: { nonce?: string; name?: string } = {},
  ) {}

  /** Handles one 'R' message; returns what to send back (nothing once authenticated). */
  answer(body: Buffer): Buffer | "ok" | undefined {
    const code = body.readInt32BE(0);
    switch (code) {
      case 0:
        return "ok";
      case 3: // cleartext
        return message("p", cstring(this.password));
      case 5: {
        // md5(md5(password + user) + salt)
        const inner = createHash("md5").update(this.password + this.user).digest("hex");
        const outer = createHash("md5").update(Buffer.concat([Buffer.from(inner), body.subarray(4, 8)])).digest("hex");
        return message("p", cstring(`md5${outer}`));
      }
      case 10: {
        const mechanisms = body.subarray(4).toString("utf8").split("\0");
        if (!mechanisms.includes("SCRAM-SHA-256")) throw new Error(`unsupported SASL mechanisms ${mechanisms.join(",")}`);
        const nonce = this.scramOptions.nonce ?? randomBytes(18).toString("base64");
        const clientFirstBare = `n=${this.scramOptions.name ?? "*"},r=${nonce}`;
        this.scram = { nonce, clientFirstBare };
        const data = Buffer.from(`n,,${clientFirstBare}`);
        return message("p", Buffer.concat([cstring("SCRAM-SHA-256"), int32(data.length), data]));
      }
      case 11: {
        if (!this.scram) throw new Error("SASL continue before start");
        const serverFirst = body.subarray(4).toString("utf8");
        const fields = Object.fromEntries(serverFirst.split(",").map((part) => [part[0], part.slice(2)]));
        if (!fields.r?.startsWith(this.scram.nonce)) throw new Error("SCRAM nonce mismatch");
        const salted = pbkdf2Sync(this.password.normalize("NFKC"), Buffer.from(fields.s ?? "", "base64"), Number(fields.i), 32, "sha256");
        const clientKey = createHmac("sha256", salted).update("Client Key").digest();
        const storedKey = createHash("sha256").update(clientKey).digest();
        const withoutProof = `c=biws,r=${fields.r}`;
        const authMessage = `${this.scram.clientFirstBare},${serverFirst},${withoutProof}`;
        const signature = createHmac("sha256", storedKey).update(authMessage).digest();
        const proof = Buffer.from(clientKey.map((byte, i) => byte ^ signature[i]!));
        const serverKey = createHmac("sha256", salted).update("Server Key").digest();
        this.scram.serverSignature = createHmac("sha256", serverKey).update(authMessage).digest();
        return message("p", Buffer.from(`${withoutProof},p=${proof.toString("base64")}`));
      }
      case 12: {
        const final = body.subarray(4).toString("utf8");
        if (!this.scram?.serverSignature || final !== `v=${this.scram.serverSignature.toString("base64")}`) throw new Error("SCRAM server signature mismatch");
        return undefined;
      }
      default:
        throw new Error(`unsupported authentication request ${code}`);
    }
  }
}

/** The message text of an ErrorResponse body. */
export function errorText(body: Buffer): string {
  for (const field of body.toString("utf8").split("\0")) if (field.startsWith("M")) return field.slice(1);
  return "error";
}
