/** `GET /api/v1/dashboard`: the caller's dashboard cards, as the `/quan-tri` page shows them. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import { access, dataResponse, errorResponses } from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { type AccountExtensions, loadDashboard } from "./dashboard.extension.js";

const DashboardCardSchema = z
  .object({
    key: z.string().openapi({ example: "targets.approvals" }),
    label: z.string().openapi({ example: "Số liệu chờ tôi phê duyệt" }),
    count: z.number().int().min(0).openapi({ example: 12 }),
    href: z.string().openapi({
      description: "The admin page listing exactly the items counted.",
      example: "/quan-tri/phe-duyet",
    }),
  })
  .openapi("DashboardCard");

const dashboardRoute = createRoute({
  method: "get",
  path: "/api/v1/dashboard",
  operationId: "getDashboard",
  ...access(
    "read",
    "Any signed-in user: their own work. Cards the caller's roles can never apply to are left out.",
    "What waits for the caller: one card per kind of work (results to approve, own directives overdue or due within 7 days, proposals to answer, articles in review or scheduled, unread notifications), each with the number of items and the page listing exactly them.",
  ),
  tags: ["Tài khoản"],
  summary: "Việc đang chờ người gọi API (bảng điều khiển)",
  responses: {
    200: dataResponse(
      "The caller's cards, in page order.",
      z.object({ cards: z.array(DashboardCardSchema) }),
    ),
    ...errorResponses(401),
  },
});

export function registerDashboardApi(app: OpenAPIHono<AppEnv>, extensions: AccountExtensions): void {
  app.openapi(dashboardRoute, async (c) => {
    const ctx = await actorOf(c);
    return c.json({ data: { cards: await loadDashboard(extensions, ctx, c.var.ctx.database.db) } }, 200);
  });
}
