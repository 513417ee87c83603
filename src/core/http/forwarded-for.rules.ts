/**
 * The client's address from an X-Forwarded-For header when `hops` reverse proxies of ours stand in
 * front of the app. Each proxy appends the address it received the request from, so the last `hops`
 * entries were written by our proxies and the one they appended first is the client. Entries to the
 * left of it were sent by the client itself and may be anything: never trust the first entry.
 * Returns null when the header is absent or empty.
 */
export function forwardedClientIp(header: string | undefined, hops: number): string | null {
  if (!header || hops < 1) return null;
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return null;
  // Fewer entries than proxies: every entry was appended by one of ours, the earliest is the client.
  return entries[Math.max(0, entries.length - hops)] ?? null;
}
