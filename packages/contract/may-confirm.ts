const TYPED_YES = /^\s*(y|yes|yep|yeah|yup|sure|ok|okay|k+|kay|confirm|confirmed|do it|go ahead|send it)\b/i;

/**
 * Whether a message may confirm a money movement (a Yes button, or a short typed yes): such turns
 * count against the money limit, over HTTP and over the WebSocket alike. Apart from the schemas
 * (chat.schema.ts), so the chat Worker's startup does not load zod for it.
 */
export function mayConfirm(message: { text: string; confirmation?: { answer: string } | undefined }): boolean {
  if (message.confirmation) return message.confirmation.answer === "yes";
  return message.text.length <= 40 && TYPED_YES.test(message.text);
}
