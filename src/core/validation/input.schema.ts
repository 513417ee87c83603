import { z } from "@hono/zod-openapi";
import { ID_NOT_VALID, MAX_DB_ID } from "./input.rules.js";

/**
 * The id schemas every request uses: a stored id is a whole number from 1 to 2^31 − 1 (PostgreSQL
 * `integer`), so a larger one is refused as a 422 with its field path on both engines instead of
 * reaching PostgreSQL as an out-of-range error.
 */

/** An id in a JSON body. */
export function dbIdSchema(message: string = ID_NOT_VALID) {
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(MAX_DB_ID, {
    error: message,
  });
}

/** An id in a path or query string ("12"). */
export function dbIdParamSchema(message: string = ID_NOT_VALID) {
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(MAX_DB_ID, { error: message });
}
