import { WorkerEntrypoint } from "cloudflare:workers";
import type { ChatEnv } from "./env.js";
import type { ChatMessageInput, ChatTurn } from "../../packages/common/chat.js";
import type { RpcResult } from "../../packages/common/errors.js";

/**
 * The chat Worker's RPC surface for the gateway (service binding, entrypoint "ChatService").
 * The chat Worker has no public route: every caller has passed the gateway's authentication,
 * and `customerId` is the verified token's `sub`.
 */
export class ChatService extends WorkerEntrypoint<ChatEnv> {
  async sendMessage(customerId: string, message: ChatMessageInput): Promise<RpcResult<ChatTurn>> {
    return this.session(customerId).handleMessage(customerId, message);
  }

  private session(customerId: string) {
    return this.env.CHAT_SESSION.get(this.env.CHAT_SESSION.idFromName(customerId));
  }
}
