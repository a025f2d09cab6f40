import { MessageTime } from "./MessageTime.js";
import type { AgentMessage } from "./protocol.js";

/** A message from the bank's people: their words with their name, or a line about who joined or left. */
export function AgentMessageItem({ message }: { message: AgentMessage }) {
  if (message.kind !== "message") {
    return (
      <li className="agent-event" data-kind={message.kind}>
        <p className="text">{message.text}</p>
      </li>
    );
  }
  return (
    <li className="agent" data-kind="message">
      <p className="agent-name">{message.agentName} from the bank</p>
      <p className="text">{message.text}</p>
      <MessageTime at={message.at} />
    </li>
  );
}
