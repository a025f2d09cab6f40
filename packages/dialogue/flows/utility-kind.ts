/**
 * "how much was my water bill": the bank files water, power and gas alike under Utilities, so a
 * lookup by that category found the electricity company's payment and named it as the water bill.
 * The kind's words pick that company's payments ("Metro Water Utility"); with none, the answer says
 * the bill couldn't be told apart rather than naming another company's.
 */
import { categoryOf } from "../../nlu/entities/spending.js";
import type { TransactionView } from "../types.js";
import { billerWordsIn, nameFitsKind } from "./payee-kinds.js";

export interface UtilityPayments {
  /** The payments of the kind asked about (all of them when no utility kind was named). */
  payments: TransactionView[];
  /** A utility kind was named and none of its company's payments found: the latest utility payment otherwise. */
  otherUtility?: TransactionView;
}

export function utilityPayments(target: string, payments: TransactionView[]): UtilityPayments {
  const words = billerWordsIn(target);
  if (words.length === 0 || categoryOf(`${target} bill`) !== "utilities") return { payments };
  // A word of the name starts with the kind's ("Metro Water Utility"), never a word inside another.
  const ofKind = payments.filter((t) => nameFitsKind(t.merchant, words));
  if (ofKind.length > 0 || payments.length === 0) return { payments: ofKind };
  return { payments: [], otherUtility: payments[0]! };
}
