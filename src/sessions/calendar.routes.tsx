/** The month calendar of sessions and the iCalendar feed. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { formatDateVi, formatTimeVi } from "../core/format/vi-date.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { pageMeta } from "../core/http/request.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { byDay, monthRange, sessionsToIcs, shiftMonth } from "./calendar.rules.js";
import { type SessionSummary, sessionKindLabel } from "./sessions.model.js";
import { searchSessions } from "./sessions.service.js";
import { SESSIONS_HREF } from "./sessions.views.js";

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

function CalendarPage({
  meta,
  month,
  days,
}: {
  meta: PageMeta;
  month: string;
  days: { day: string; sessions: SessionSummary[] }[];
}) {
  const [y, m] = month.split("-");
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <h1>{`Lịch làm việc tháng ${m}/${y}`}</h1>
      <nav class="pager" aria-label="Tháng">
        <a href={`/quan-tri/lich-lam-viec?thang=${shiftMonth(month, -1)}`}>← Tháng trước</a>{" "}
        <a href={`/quan-tri/lich-lam-viec?thang=${shiftMonth(month, 1)}`}>Tháng sau →</a>{" "}
        <a href="/lich-lam-viec.ics">Tải lịch (ICS) để thêm vào ứng dụng lịch</a>
      </nav>
      {days.length === 0 ? <p class="muted">Không có buổi làm việc nào trong tháng.</p> : null}
      {days.map(({ day, sessions }) => (
        <section>
          <h2>{`${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}, ${formatDateVi(day)}`}</h2>
          <ul>
            {sessions.map((s) => (
              <li>
                <strong>{formatTimeVi(s.startsAt)}</strong> <a href={`${SESSIONS_HREF}/${s.id}`}>{s.title}</a>{" "}
                <span class="muted">{`(${sessionKindLabel(s.kind)}, ${unitDisplayName(s.host)}, ${s.place})`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </AdminLayout>
  );
}

export function registerCalendarPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/lich-lam-viec", async (c) => {
    const ctx = await actorOf(c);
    const raw = c.req.query("thang") ?? "";
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : ctx.today.slice(0, 7);
    const sessions = await searchSessions(c.var.ctx.database.db, { ...monthRange(month), limit: 500 }, ctx);
    return c.html(<CalendarPage meta={pageMeta(c, "Lịch làm việc")} month={month} days={byDay(sessions)} />);
  });

  /** Sessions the caller may see, from three months back: a session cookie or an API token is needed. */
  app.get("/lich-lam-viec.ics", async (c) => {
    const ctx = await actorOf(c);
    const from = new Date(ctx.now.getTime() - 92 * 86_400_000).toISOString();
    const unit = c.req.query("don_vi");
    const sessions = await searchSessions(
      c.var.ctx.database.db,
      { from, hostUnitId: unit && /^\d+$/.test(unit) ? Number(unit) : undefined, limit: 1000 },
      ctx,
    );
    const body = await sessionsToIcs(
      sessions,
      c.var.ctx.config.publicBaseUrl,
      `Lịch làm việc – ${c.var.ctx.config.siteName}`,
    );
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="lich-lam-viec.ics"',
    });
  });
}
