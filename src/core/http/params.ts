import { parseDbId } from "../validation/input.rules.js";
import { NotFoundError } from "./errors.js";

/**
 * What every room reads from a request's path, query and form the same way: ids and form text.
 */

/**
 * A stored id from a path or query parameter, or null when it is none. Ids are the databases'
 * `integer` (int4 on PostgreSQL), so anything past 2^31 − 1 is no id at all, on both engines alike.
 */
export function idParam(raw: string | undefined | null): number | null {
  return parseDbId(raw);
}

/** A path id, or the 404 page with `notFoundMessage`: a malformed id names nothing that exists. */
export function requireId(raw: string | undefined, notFoundMessage: string): number {
  const id = idParam(raw);
  if (id === null) throw new NotFoundError(notFoundMessage);
  return id;
}

/** A parsed form body, as Hono's `parseBody({ all: true })` or `parseBody()` gives it. */
export type FormBody = Record<string, unknown>;

/**
 * One text field, "" when absent or a file. A field sent more than once gives its last value: a
 * hidden default before a checkbox of the same name is overridden by the box when it is ticked.
 */
export function formText(body: FormBody, key: string): string {
  const value = body[key];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === "string" ? last : "";
}

/** Every non-empty text value of a field sent more than once (multiple selects, checkbox lists). */
export function formTexts(body: FormBody, key: string): string[] {
  const value = body[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((x): x is string => typeof x === "string" && x !== "");
}
