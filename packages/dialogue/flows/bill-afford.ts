/**
 * explore31, found by hand: "i'm worried i won't have enough for rent" got "Sorry, I can't help with
 * that."; "do i have enough for rent" and "can i afford my rent" listed every balance and left the sum
 * to the customer. A household bill (rent, utilities, phone, internet) asked about so: its last payment
 * set against what checking has available (flows/balance-afford.ts says what it would leave, or how far
 * short checking is, with savings named beside a shortfall). Nothing moves from here.
 */
import { categoryOf } from "../../nlu/entities/spending.js";
import type { StepContext } from "../context.js";
import { accountLabel, cleanName, moneyText, quoted, reply } from "../render.js";
import type { IntentTag, Reply } from "../types.js";
import { parseView } from "../views.js";
import { affordNote } from "./balance-afford.js";
import { begin } from "./insight-begin.js";
import { LOOKUP_DAYS } from "./insight-lookup.js";
import { dateText, isoDay } from "./wording.js";

const ENOUGH = String.raw`(?:enough(?:\s+money)?(?:\s+in\s+(?:my\s+)?checking(?:\s+account)?)?\s+(?:for|to\s+pay|to\s+cover))`;
const ASK = String.raw`(?:i'?m\s+(?:so\s+|really\s+|a\s+bit\s+)?(?:worried|scared|afraid|anxious|nervous|not\s+sure|concerned)\s+(?:that\s+)?i\s+(?:won'?t|wont|don'?t|dont|will\s+not|might\s+not)\s+have\s+${ENOUGH}|(?:do|will|would)\s+i\s+(?:still\s+)?have\s+${ENOUGH}|is\s+there\s+${ENOUGH}|can\s+i\s+(?:still\s+)?(?:afford|cover|make)|have\s+i\s+got\s+${ENOUGH})`;
const BILL = String.raw`(rent|utilities|(?:water|electric(?:ity)?|power|gas|phone|internet|utility|cable)\s+bill|phone|internet)`;
const AFFORD_BILL = new RegExp(
  String.raw`\b${ASK}\s+(?:my\s+|the\s+|this\s+month'?s\s+|next\s+month'?s\s+)?${BILL}(?:\s+payment)?(?:\s+(?:this|next)\s+month)?(?:\s+(?:now|then))?\s*[?.!]*$`,
  "i",
);
const DAY_MS = 86_400_000;

/** The bill an "enough for rent" question names ("rent", "water bill"), if it is one. */
export function billAsked(text: string): string | undefined {
  const said = AFFORD_BILL.exec(text.trim())?.[1]?.toLowerCase().replace(/\s+/g, " ");
  return said && (categoryOf(said) ?? categoryOf(`${said} bill`)) ? said : undefined;
}

/** Starts the answer (loads: accounts, the bill's payments); false when the message is no such question. */
export function startBillAfford(ctx: StepContext, intent: IntentTag, text: string): boolean {
  const bill = ctx.state.task ? undefined : billAsked(text);
  if (!bill) return false;
  ctx.state.consecutiveFallbacks = 0;
  const category = categoryOf(bill) ?? categoryOf(`${bill} bill`)!;
  const from = isoDay(ctx.now - (LOOKUP_DAYS - 1) * DAY_MS);
  return begin(ctx, { ...intent, name: "balance", confidence: Math.max(intent.confidence, 0.9) }, { kind: "bill_afford", bill }, [
    { what: "accounts" },
    { what: "transactions", query: { merchant: cleanName(category, 40), from, to: isoDay(ctx.now), direction: "out", limit: 20 } },
  ]);
}

/** The bill's last payment against what checking has available. */
export function billAffordAnswer(intent: IntentTag, bill: string, accountsData: unknown, rowsData: unknown): Reply | null {
  const accounts = parseView("accounts", accountsData);
  const rows = parseView("transactions", rowsData);
  if (!accounts || !rows) return null;
  const last = rows.filter((r) => r.amount.minor < 0).sort((a, b) => b.postedAt.localeCompare(a.postedAt))[0];
  const checking = accounts.find((a) => a.type === "checking");
  if (!last) {
    const held = checking ? ` ${accountLabel(checking)} has ${moneyText(checking.available ?? checking.balance)} available.` : "";
    return reply(intent, `I can't find a ${bill} payment in your transactions from the last ${LOOKUP_DAYS} days, so I can't say what it usually is.${held}`, {
      data: { kind: "accounts", accounts: checking ? [checking] : accounts },
    });
  }
  const amount = { minor: -last.amount.minor, currency: last.amount.currency };
  const lead = `Your last ${bill} payment was ${moneyText(amount)} to ${quoted(last.merchant)} on ${dateText(last.postedAt)}.`;
  return reply(intent, `${lead}${affordNote(accounts, [], amount)}`, { data: { kind: "accounts", accounts: accounts.filter((a) => a.type !== "credit") } });
}
