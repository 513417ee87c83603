import type { z } from "@hono/zod-openapi";
import type { Child } from "hono/jsx";
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import type { DB } from "../core/db/schema.js";
import type { SessionDetail } from "./sessions.model.js";

/**
 * The extension point of a session's record. The rooms above sessions (conclusions, directives) add
 * what they hold about a session — its notices, the proposals raised at it, the work still open with
 * its unit — without sessions importing them: the composition root hands their sections to
 * `registerSessionRoutes` (src/app/create-app.ts).
 */
export interface SessionSection {
  /** The part's key in the session's JSON (`GET /api/v1/sessions/{id}`). */
  key: string;
  /** Its JSON shape, for the OpenAPI document. */
  schema: z.ZodType;
  /** Reads the part of one session, as JSON for the API and as a section of the session's page. */
  load(db: Kysely<DB>, session: SessionDetail, ctx: ActorContext): Promise<{ json: unknown; view: Child }>;
}

/** What the new-session form shows once its host unit is chosen (the work still open with it). */
export interface HostSection {
  load(db: Kysely<DB>, host: { unitId: number; name: string }, ctx: ActorContext): Promise<Child>;
}

export interface SessionExtensions {
  /** In page order, after the session's own record. */
  sections: readonly SessionSection[];
  hostSections: readonly HostSection[];
}

/** Each section's part of one session: JSON by key, and the page's sections in order. */
export async function loadSessionSections(
  extensions: SessionExtensions,
  db: Kysely<DB>,
  session: SessionDetail,
  ctx: ActorContext,
): Promise<{ json: Record<string, unknown>; views: Child[] }> {
  const parts = await Promise.all(extensions.sections.map((s) => s.load(db, session, ctx)));
  return {
    json: Object.fromEntries(extensions.sections.map((s, i) => [s.key, parts[i]?.json])),
    views: parts.map((p) => p.view),
  };
}
