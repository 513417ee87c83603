import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import { AppError, type FieldErrors, ForbiddenError } from "../../core/http/errors.js";
import type { AppCtx } from "../../core/http/request.js";

/** Request helpers shared by the editor's pages (articles, history, library, categories). */

/** The editor area is for people who may write articles somewhere. */
export async function editorOf(c: AppCtx): Promise<ActorContext> {
  const caller = await actorOf(c);
  if (!canAnywhere(caller.actor, "article.create", caller.today)) throw new ForbiddenError();
  return caller;
}

/** A service refusal a person can fix in the form (422, or a 409 with or without a field). */
export function formErrorsOf(error: unknown): { status: 409 | 422; fields: FieldErrors } | null {
  if (error instanceof AppError && (error.status === 422 || error.status === 409)) {
    return { status: error.status, fields: error.fields ?? { intent: error.message } };
  }
  return null;
}

/** `?trang=N` for lists: 1 when absent or not a page number. */
export function pageOf(c: AppCtx): number {
  const raw = c.req.query("trang") ?? "1";
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}
