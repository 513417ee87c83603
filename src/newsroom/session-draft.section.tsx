import { z } from "@hono/zod-openapi";
import type { SessionSection } from "../sessions/session.extension.js";
import { mayDraftArticle } from "./session-article.service.js";
import { DraftButton, draftHref } from "./session-article.views.js";

/**
 * The newsroom's part of a session's page and JSON (`articleDraft`): where the host unit's editors and
 * leaders draft the session's news once it has been held; nothing for anyone else.
 */
export const sessionDraftSection: SessionSection = {
  key: "articleDraft",
  schema: z
    .object({ href: z.string().nullable() })
    .openapi({ description: "The page that drafts the session's article; null when the caller may not." }),
  async load(_db, session, ctx) {
    const held = new Date(session.startsAt).getTime() <= ctx.now.getTime();
    const may = held && mayDraftArticle(ctx, session);
    return {
      json: { href: may ? draftHref(session.id) : null },
      view: may ? <DraftButton sessionId={session.id} /> : null,
    };
  },
};
