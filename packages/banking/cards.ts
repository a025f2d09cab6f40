import { fail, ok, type RpcResult } from "../contract/errors.js";
import type { Db } from "../db/client.js";
import { selectCards, updateCardStatus } from "./cards.repo.js";
import { isId } from "./ids.js";
import type { CardStatus, CardView } from "../contract/views.js";
import { cardView } from "./views.js";

export async function listCards(db: Db, customerId: string): Promise<RpcResult<CardView[]>> {
  return ok((await selectCards(db, customerId)).map(cardView));
}

/** Idempotent: freezing a frozen card answers with the card, unchanged. */
export function freezeCard(db: Db, customerId: string, cardId: string): Promise<RpcResult<CardView>> {
  return setCardStatus(db, customerId, cardId, "frozen");
}

export function unfreezeCard(db: Db, customerId: string, cardId: string): Promise<RpcResult<CardView>> {
  return setCardStatus(db, customerId, cardId, "active");
}

export async function setCardStatus(db: Db, customerId: string, cardId: string, status: CardStatus): Promise<RpcResult<CardView>> {
  if (!isId("card", cardId)) return fail(404, "not_found", "card not found");
  const row = await updateCardStatus(db, customerId, cardId, status);
  return row ? ok(cardView(row)) : fail(404, "not_found", "card not found");
}
