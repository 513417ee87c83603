/** In-app notifications (the reminders' in-app side): the page, marking read, and the API. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { formatDateTimeVi } from "../../core/format/vi-date.js";
import { access, dataResponse, errorResponse } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { pageMeta, requireActor } from "../../core/http/request.js";
import { CsrfInput } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { listNotifications, markNotificationsRead, type NotificationRow } from "./reminders.repo.js";

export const NOTIFICATIONS_HREF = "/quan-tri/thong-bao";

/** The unread ones only: what the dashboard's card counts. */
export const UNREAD_NOTIFICATIONS_HREF = `${NOTIFICATIONS_HREF}?chua_doc=1`;
/** The page lists the newest this many, and every unread one up to UNREAD_LIMIT. */
const PAGE_LIMIT = 100;
const UNREAD_LIMIT = 1000;

function NotificationsPage({
  meta,
  rows,
  unreadOnly,
}: {
  meta: PageMeta;
  rows: NotificationRow[];
  unreadOnly: boolean;
}) {
  const unread = rows.filter((r) => r.readAt === null).length;
  return (
    <AdminLayout meta={meta} active={NOTIFICATIONS_HREF}>
      <h1>Thông báo của tôi</h1>
      <p>
        {unreadOnly ? (
          <a href={NOTIFICATIONS_HREF}>Xem tất cả thông báo</a>
        ) : (
          <a href={UNREAD_NOTIFICATIONS_HREF}>Chỉ xem thông báo chưa đọc</a>
        )}
      </p>
      <p role="status">{unread > 0 ? `${unread} thông báo chưa đọc.` : "Không có thông báo mới."}</p>
      {unread > 0 ? (
        <form method="post" action={`${NOTIFICATIONS_HREF}/da-doc`}>
          <CsrfInput token={meta.auth.csrfToken} />
          <button type="submit" class="button">
            Đánh dấu tất cả là đã đọc
          </button>
        </form>
      ) : null}
      <ul class="plain-list">
        {rows.map((n) => (
          <li class="card">
            {n.readAt === null ? <span class="badge draft">Mới</span> : null}{" "}
            <strong>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</strong>
            <p class="muted">{formatDateTimeVi(n.createdAt)}</p>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/notifications",
  operationId: "listNotifications",
  ...access("read", "Any signed-in user: their own notifications."),
  tags: ["Nhiệm vụ"],
  summary: "The caller's in-app notifications (deadline reminders), newest first",
  responses: {
    200: dataResponse("Notifications.", z.array(NotificationSchema)),
    401: errorResponse("Not signed in."),
  },
});

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(NOTIFICATIONS_HREF, async (c) => {
    const actor = requireActor(c);
    const unreadOnly = c.req.query("chua_doc") === "1";
    const rows = await listNotifications(
      c.var.ctx.database.db,
      actor.userId,
      unreadOnly ? UNREAD_LIMIT : PAGE_LIMIT,
      { unreadOnly },
    );
    return c.html(
      <NotificationsPage meta={pageMeta(c, "Thông báo của tôi")} rows={rows} unreadOnly={unreadOnly} />,
    );
  });

  app.post(`${NOTIFICATIONS_HREF}/da-doc`, async (c) => {
    const actor = requireActor(c);
    await markNotificationsRead(c.var.ctx.database.db, actor.userId, c.var.ctx.now());
    return c.redirect(NOTIFICATIONS_HREF, 303);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    return c.json({ data: await listNotifications(c.var.ctx.database.db, actor.userId) }, 200);
  });
}
