/**
 * Shape of a written FAQ answer and the quick replies they share. Answers are generic to a retail
 * bank: no phone numbers, fees or figures stated as fact — they point to the app or the fees page.
 */
import type { Banking77Intent } from "../../contract/intents.js";
import { quickReply } from "../render.js";
import type { Action } from "../types.js";

export interface FaqAnswer {
  /** 2–4 sentences. */
  text: string;
  actions?: Action[];
  /** Fraud-related: the conversation is also handed to a person. */
  escalate?: boolean;
}

export type FaqTable = Partial<Record<Banking77Intent, FaqAnswer>>;

export const FREEZE_CARD = quickReply("Freeze my card");
export const TALK_TO_PERSON = quickReply("Talk to a person");
export const RECENT_TRANSACTIONS = quickReply("Recent transactions", "Show my recent transactions");
export const CHECK_BALANCE = quickReply("Check my balance");
export const MAKE_TRANSFER = quickReply("Make a transfer", "I want to make a transfer");
export const SHOW_PAYEES = quickReply("My payees", "Show my payees");
