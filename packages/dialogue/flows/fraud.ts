/**
 * A fraud report: the fraud team is asked to join at once (so the report is never lost, whatever
 * the customer does next), and the customer is offered to freeze their card, with a confirmation
 * the server renders like any other. The card flow (flows/cards.ts) does the choosing and freezing.
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import type { Entities, IntentTag } from "../types.js";
import { startCardChange } from "./cards.js";
import { handOff } from "./conversation.js";

export function startFraudReport(ctx: StepContext, intent: IntentTag, e: Entities): void {
  ctx.replies.push(reply(intent, "I'm sorry this happened. Let's protect your money first."));
  startCardChange(ctx, intent, "frozen", e);
  if (ctx.state.task?.kind === "card") ctx.state.task.confirmFreeze = true;
  handOff(ctx, intent, "fraud");
}
