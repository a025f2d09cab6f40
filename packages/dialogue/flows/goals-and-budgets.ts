/**
 * Savings goals and budgets (session 24, found by hand as a seeded customer): "set a savings goal"
 * (a transfer at 0.37, too unsure to start one), "can i set a budget for groceries" and "help me
 * budget" got "Sorry, I can't help with that." Teller keeps no goals or budgets, so it
 * says so and offers what it can do: a repeating transfer to savings, spending by category, the
 * savings balance. A message with an amount is left to the transfer ("save 500 a month").
 */
import type { StepContext } from "../context.js";
import { TALK_TO_PERSON } from "../faq/answer.js";
import { quickReply, reply } from "../render.js";
import type { Entities } from "../types.js";

const GOAL_OR_BUDGET = /\b(?:savings?\s+goals?|goals?\s+for\s+(?:my\s+)?savings|saving\s+goals?|budget(?:s|ing)?)\b/i;

export function answerGoalOrBudget(ctx: StepContext, text: string, entities: Entities): boolean {
  if (!GOAL_OR_BUDGET.test(text) || entities.amount) return false;
  ctx.replies.push(
    reply(
      { name: "savings_goals_and_budgets", confidence: 1 },
      "I can't set up or track savings goals or budgets here. What I can do: set up a repeating transfer to your savings (say, “send $100 to savings every month”), show what you spend by category each month, and show your savings balance.",
      { actions: [quickReply("Spending by category", "What did I spend this month by category?"), quickReply("My savings balance", "What's my savings balance?"), TALK_TO_PERSON] },
    ),
  );
  return true;
}
