import { z } from "@hono/zod-openapi";
import { formatDateVi } from "../core/format/vi-date.js";
import type { SessionSection } from "../sessions/session.extension.js";
import { listNotices, type NoticeSummary } from "./conclusions.repo.js";

function SessionNotices({ notices }: { notices: NoticeSummary[] }) {
  return (
    <>
      <h2>Thông báo kết luận</h2>
      {notices.length === 0 ? (
        <p class="muted">Chưa có thông báo kết luận.</p>
      ) : (
        <ul>
          {notices.map((n) => (
            <li>
              <a
                href={`/quan-tri/thong-bao-ket-luan/${n.id}`}
              >{`Thông báo ${n.number} ngày ${formatDateVi(n.issuedOn)}`}</a>
              : {n.title}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The conclusion notices issued after a session, on its page and in its JSON (`notices`). */
export const sessionNoticesSection: SessionSection = {
  key: "notices",
  schema: z.array(
    z.object({ id: z.number().int(), number: z.string(), issuedOn: z.string(), title: z.string() }),
  ),
  async load(db, session) {
    const notices = await listNotices(db, { sessionId: session.id, issuingUnitIds: null, limit: 100 });
    return {
      json: notices.map((n) => ({ id: n.id, number: n.number, issuedOn: n.issuedOn, title: n.title })),
      view: <SessionNotices notices={notices} />,
    };
  },
};
