/**
 * A loggable description of an error that never includes query parameters or message text:
 * drizzle's query errors embed both in `message`, so only the driver's cause is kept.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause;
    if (error.name === "DrizzleQueryError" || error.message.startsWith("Failed query")) {
      return cause instanceof Error ? `${cause.name}: ${cause.message}` : "query failed";
    }
    return `${error.name}: ${error.message}`;
  }
  return "unknown error";
}
