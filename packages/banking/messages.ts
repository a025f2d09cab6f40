/** The refusal of a disabled customer, as the ledger and the chat turn word it. */
export const CUSTOMER_DISABLED_MESSAGE = "this customer's access is disabled; nothing was done — contact the bank";
