// Timing with no date in it (explore19: "later", "on payday", "next year" were read as no timing,
// and the card offered to send the money now). entities/schedule.ts reports every match as an
// unclear date, so the dialogue asks when instead of sending at once.
export const VAGUE_TIMING =
  /\b(?:later(?:\s+on|\s+today|\s+this\s+week)?|next\s+year|(?:the\s+)?(?:next|following)\s+(?:business|working|bank)\s+day|at\s+some\s+point|(?:on|by)\s+(?:my\s+|the\s+next\s+|next\s+)?pay\s*day|when\s+i\s+get\s+paid|(?:(?:at|by)\s+the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?week|on\s+(?:my|his|her|their|our)\s+(?:birthday|anniversary)|(?:once|when|after|as\s+soon\s+as)\s+my\s+(?:pay\s*check|pay|salary|wages?|paycheque)\s+(?:lands|arrives|comes\s+in|clears|hits|is\s+in|goes\s+in))\b/gi;
