/**
 * Starts a text as a sentence: its first letter in upper case (Vietnamese rules), the rest untouched,
 * so proper names keep their capitals. Text starting with a digit, a quote or a bracket is left alone.
 * @example capitaliseFirst("phường chủ động xây dựng kế hoạch") === "Phường chủ động xây dựng kế hoạch"
 */
export function capitaliseFirst(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return text;
  const first = text.charAt(start);
  if (!/\p{Ll}/u.test(first)) return text;
  return text.slice(0, start) + first.toLocaleUpperCase("vi-VN") + text.slice(start + 1);
}
