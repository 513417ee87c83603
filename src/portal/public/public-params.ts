import { NotFoundError } from "../../core/http/errors.js";

/** Reading the public pages' address parameters. */

/** `?trang=N` (1 when absent); anything else is a page that does not exist (404). */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}
