import { parseViNumber } from "../core/format/vi-number.js";

/**
 * A number typed the vi-VN way ("48,5"), empty meaning "none". Collects the message under `field`
 * when the text is not a number, and returns NaN so the caller's later checks do not run on it.
 */
export function formNumber(text: string, field: string, errors: Record<string, string>): number | null {
  if (text.trim() === "") return null;
  const parsed = parseViNumber(text);
  if (!parsed.ok) {
    errors[field] = parsed.message;
    return Number.NaN;
  }
  return parsed.value;
}
