// Public API of the NLU package (what the chat Worker imports). Map of exports to files:
//   ../contract/intents.ts intent lists and the IntentName type (re-exported; declared in the contract)
//   classifier.ts         loadIntentModel() / classify() with the shipped artifact
//   model.ts              createIntentModel(artifact) and the result types
//   cascade.ts            resolveIntent(): local model + optional Workers AI tie-breaker
//   entities/*.ts         amounts, dates, account references, payees, spending targets
//   features.ts           feature extraction shared with the offline trainer

export {
  ACTION_INTENTS,
  ALL_INTENTS,
  BANKING77_INTENTS,
  OUT_OF_SCOPE,
  RULE_DATA_INTENTS,
  RULE_FAQ_INTENTS,
  SMALL_TALK_INTENTS,
  TELLER_FAQ_INTENTS,
  isFaqIntent,
  isSmallTalkIntent,
  type ActionIntent,
  type Banking77Intent,
  type IntentName,
  type RuleFaqIntent,
  type SmallTalkIntent,
  type TellerFaqIntent,
} from "../contract/intents";
export { classify, loadIntentModel } from "./classifier";
export {
  createIntentModel,
  type Classification,
  type ClassifyOptions,
  type IntentModel,
  type IntentScore,
} from "./model";
export type { IntentModelArtifact } from "./artifact";
export {
  DEFAULT_AI_MODEL,
  buildAiRequest,
  parseAiAnswer,
  resolveIntent,
  type CascadeLogEntry,
  type DecisionPath,
  type DecisionReason,
  type ResolveOptions,
  type ResolvedIntent,
  type TextGenerator,
} from "./cascade";
export {
  extractAmount,
  extractAmounts,
  isInvalidAmount,
  parseNumberWords,
  type Amount,
  type AmountIssue,
  type AmountOptions,
  type InvalidAmount,
} from "./entities/amount";
export { extractDateRange, type DateRange } from "./entities/dates";
export {
  extractAccountRefs,
  resolveAccount,
  type AccountKind,
  type AccountLike,
  type AccountMatch,
  type AccountMentions,
  type AccountReference,
} from "./entities/accounts";
export { matchPayee, type PayeeLike, type PayeeMatch, type PayeeMatchKind } from "./entities/payees";
export { bareRecipientName, extractRecipientName } from "./entities/recipient";
export { extractCardBrand, extractCardKind } from "./entities/card-brand";
export { looksNonEnglish } from "./language";
export { emojiIntent } from "./emoji";
export { SPENDING_CATEGORIES, extractSpendingTarget, type SpendingTarget } from "./entities/spending";
export { extractSchedule, type ScheduleExtraction, type TimingProblem, type TimingProblemReason } from "./entities/schedule";
export { extractEntities, type EntityContext, type ExtractedEntities } from "./entities/index";
export { extractQueryModifiers, isQuestion, type QueryModifiers } from "./entities/query";
