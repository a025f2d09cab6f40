const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** When a message was sent or answered: "2:05 PM" / "14:05" as the device's locale writes it. */
export function MessageTime({ at }: { at: number | undefined }) {
  if (at === undefined) return null;
  const date = new Date(at);
  return (
    <time className="message-time" dateTime={date.toISOString()}>
      {clock.format(date)}
    </time>
  );
}
