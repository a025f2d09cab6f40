import { describe, expect, it } from "vitest";
import { answerPaymentReminder } from "./reminders.js";
import type { StepContext } from "../context.js";

function ctx(): StepContext {
  return { replies: [] } as unknown as StepContext;
}

describe("answerPaymentReminder", () => {
  it.each(["can you remind me to pay rent", "set a reminder for my credit card bill", "remind me to send money to mom on friday"])("offers a scheduled payment for %s", (text) => {
    const c = ctx();
    expect(answerPaymentReminder(c, text)).toBe(true);
    expect(c.replies[0]!.text).toMatch(/^I can't set reminders\. What I can do is schedule the payment itself/);
    expect(c.replies[0]!.actions.map((a) => a.label)).toEqual(["Make a transfer", "My scheduled payments"]);
  });

  it.each(["remind me to call my dentist", "set a reminder for 5pm", "pay rent"])("leaves %s alone", (text) => {
    expect(answerPaymentReminder(ctx(), text)).toBe(false);
  });
});
