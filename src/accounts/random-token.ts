import { randomFillSync } from "node:crypto";

/**
 * Unguessable tokens (32 random bytes, base64url) drawn from a pool the system's CSPRNG refills 128
 * tokens at a time, as Node's own `randomUUID` does: a new visitor's CSRF token is made on the page
 * they first open, and one CSPRNG call per page showed in the page benchmark. Each byte is used once.
 */

const TOKEN_BYTES = 32;
const TOKENS_PER_REFILL = 128;
const pool = Buffer.alloc(TOKEN_BYTES * TOKENS_PER_REFILL);
let offset = pool.length;

export function newRandomToken(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString("base64url", offset, offset + TOKEN_BYTES);
  offset += TOKEN_BYTES;
  return token;
}
