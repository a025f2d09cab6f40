import { fail, ok, type RpcResult } from "../contract/errors.js";
import type { Db } from "../db/client.js";
import { isId } from "./ids.js";
import { selectPayee, selectPayees } from "./payees.repo.js";
import type { PayeeView } from "../contract/views.js";
import { payeeView } from "./views.js";

export async function listPayees(db: Db, customerId: string): Promise<RpcResult<PayeeView[]>> {
  return ok((await selectPayees(db, customerId)).map(payeeView));
}

export async function getPayee(db: Db, customerId: string, payeeId: string): Promise<RpcResult<PayeeView>> {
  if (!isId("payee", payeeId)) return fail(404, "not_found", "payee not found");
  const row = await selectPayee(db, customerId, payeeId);
  return row ? ok(payeeView(row)) : fail(404, "not_found", "payee not found");
}
