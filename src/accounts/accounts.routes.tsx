import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { canAnywhere, grantedRoots, isSystemAdmin } from "../core/access/policy.js";
import { ROLE_LABELS, ROLES } from "../core/access/roles.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import { actorOf } from "../core/http/actor.js";
import { access, errorResponse, errorResponses } from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { AppError, ForbiddenError, ValidationError } from "../core/http/errors.js";
import { formText, requireId } from "../core/http/params.js";
import { type AppCtx, clientIp, hierarchyOf, pageMeta, requireActor, todayOf } from "../core/http/request.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { listOrganisationNames, listUnitNames } from "../units/unit-names.repo.js";
import { AccountPage, DashboardPage, UsersPage } from "./admin.views.js";
import { AUDIT_PAGE_SIZE, searchAudit } from "./audit.service.js";
import { AuditPage } from "./audit.views.js";
import { organisationIdsIn, unitIdsIn } from "./audit-changes.rules.js";
import { createApiToken } from "./auth.service.js";
import { registerDashboardApi } from "./dashboard.api.js";
import type { AccountExtensions } from "./dashboard.extension.js";
import { registerLoginRoutes } from "./login.routes.js";
import { dashboardOfRequest, menuCountsMiddleware } from "./menu-counts.middleware.js";
import { listApiTokens, revokeApiToken } from "./tokens.repo.js";
import { listUsersWithGrants } from "./users.repo.js";
import { changeOwnPassword, createUserWithGrant, resetUserPassword } from "./users.service.js";

async function unitNameMap(c: AppCtx, ids: number[] | null): Promise<Map<number, string>> {
  const rows = await listUnitNames(c.var.ctx.database.db, ids);
  return new Map(rows.map((r) => [r.id, unitDisplayName(r)]));
}

function requireAdminArea(c: AppCtx) {
  const actor = requireActor(c);
  if (!canAnywhere(actor, "admin.enter", todayOf(c))) throw new ForbiddenError();
  return actor;
}

async function renderAccount(
  c: AppCtx,
  extra: { newToken?: string; errors?: Record<string, string>; notice?: string | null },
  status: 200 | 422 = 200,
) {
  const actor = requireAdminArea(c);
  const tokens = await listApiTokens(c.var.ctx.database.db, actor.userId);
  return c.html(<AccountPage meta={pageMeta(c, "Tài khoản của tôi")} tokens={tokens} {...extra} />, status);
}

async function renderUsers(
  c: AppCtx,
  extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null },
  status: 200 | 409 | 422 = 200,
) {
  const actor = requireActor(c);
  const today = todayOf(c);
  if (!canAnywhere(actor, "user.manage", today)) throw new ForbiddenError();
  const roots = grantedRoots(actor, "user.manage", today);
  const unitIds = roots === "all" ? null : (await hierarchyOf(c)).unitIdsUnder(roots, today);
  const db = c.var.ctx.database.db;
  const [users, units] = await Promise.all([listUsersWithGrants(db, unitIds), listUnitNames(db, unitIds)]);
  const grantableRoles = ROLES.filter((r) => r !== "system_admin" || isSystemAdmin(actor, today));
  return c.html(
    <UsersPage
      meta={pageMeta(c, "Người dùng")}
      users={users}
      units={units}
      grantableRoles={grantableRoles}
      {...extra}
    />,
    status,
  );
}

const MeSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(
      z.object({
        role: z.string(),
        unitId: z.number().int(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      }),
    ),
  })
  .openapi("Me");

const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ example: "2020-01-02T14:49:00.000Z" }),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.number().int().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEvent");

const meRoute = createRoute({
  method: "get",
  path: "/api/v1/me",
  operationId: "getMe",
  ...access("read", "Any signed-in user: themselves."),
  tags: ["Tài khoản"],
  summary: "Người dùng đang gọi API và các vai trò của họ",
  responses: {
    200: {
      description: "Người dùng hiện tại",
      content: { "application/json": { schema: z.object({ data: MeSchema }) } },
    },
    401: errorResponse("Chưa đăng nhập"),
  },
});

const auditRoute = createRoute({
  method: "get",
  path: "/api/v1/audit-events",
  operationId: "listAuditEvents",
  ...access("read", "`audit.read`: unit_admin (events of their units) and system_admin."),
  tags: ["Nhật ký"],
  summary: "Nhật ký thay đổi dữ liệu (mới nhất trước)",
  request: {
    query: z.object({
      entityType: z.string().max(50).optional(),
      action: z.string().max(50).optional(),
      from: z.iso.date().optional().openapi({ description: "Từ ngày (giờ Việt Nam), YYYY-MM-DD" }),
      to: z.iso.date().optional().openapi({ description: "Đến ngày (giờ Việt Nam), YYYY-MM-DD" }),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
    }),
  },
  responses: {
    ...errorResponses(422),
    200: {
      description: "Một trang sự kiện",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(AuditEventSchema),
            meta: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
          }),
        },
      },
    },
    401: errorResponse("Chưa đăng nhập"),
    403: errorResponse("Không có quyền xem nhật ký"),
  },
});

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, extensions: AccountExtensions): void {
  // First, so every admin page registered after it gets the menu's counts.
  app.use("/quan-tri", menuCountsMiddleware(extensions));
  app.use("/quan-tri/*", menuCountsMiddleware(extensions));
  registerLoginRoutes(app);
  registerDashboardApi(app, extensions);

  app.get("/quan-tri", async (c) => {
    const actor = requireAdminArea(c);
    const ctx = await actorOf(c);
    const [names, cards] = await Promise.all([
      unitNameMap(c, [...new Set(actor.grants.map((g) => g.unitId))]),
      dashboardOfRequest(c, extensions),
    ]);
    return c.html(<DashboardPage meta={pageMeta(c, "Quản trị")} unitNames={names} cards={cards} />);
  });

  app.get("/quan-tri/tai-khoan", (c) =>
    renderAccount(c, { notice: c.req.query("ok") === "mat-khau" ? "Đã đổi mật khẩu." : null }),
  );

  app.post("/quan-tri/tai-khoan/mat-khau", async (c) => {
    const actor = requireAdminArea(c);
    const body = await c.req.parseBody();
    try {
      await changeOwnPassword(
        c.var.ctx.database.db,
        actor,
        {
          current: formText(body, "current"),
          next: formText(body, "next"),
          confirm: formText(body, "confirm"),
        },
        c.var.ctx.now(),
        c.var.auth.sessionId,
      );
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: error.fields }, 422);
      throw error;
    }
    return c.redirect("/quan-tri/tai-khoan?ok=mat-khau", 303);
  });

  app.post("/quan-tri/tai-khoan/ma-api", async (c) => {
    const actor = requireAdminArea(c);
    const name = formText(await c.req.parseBody(), "name").trim();
    if (!name || name.length > 100)
      return renderAccount(c, { errors: { name: "Vui lòng đặt tên gợi nhớ (tối đa 100 ký tự)." } }, 422);
    const { token } = await createApiToken(c.var.ctx.database.db, {
      username: actor.username,
      name,
      actor,
      now: c.var.ctx.now(),
    });
    return renderAccount(c, { newToken: token });
  });

  app.post("/quan-tri/tai-khoan/ma-api/:id/thu-hoi", async (c) => {
    const actor = requireAdminArea(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy mã API này.");
    const db = c.var.ctx.database.db;
    const now = c.var.ctx.now();
    await db.transaction().execute(async (trx) => {
      if (await revokeApiToken(trx, id, actor.userId, now)) {
        await recordAudit(trx, {
          actor,
          action: "revoke",
          entityType: "api_token",
          entityId: id,
          unitId: null,
          at: now,
          ip: clientIp(c),
        });
      }
    });
    return c.redirect("/quan-tri/tai-khoan", 303);
  });

  app.get("/quan-tri/nguoi-dung", (c) =>
    renderUsers(c, {
      notice:
        c.req.query("ok") === "mat-khau"
          ? "Đã đặt lại mật khẩu."
          : c.req.query("ok")
            ? "Đã thêm người dùng."
            : null,
    }),
  );

  app.post("/quan-tri/nguoi-dung", async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const values = {
      username: formText(body, "username").trim(),
      displayName: formText(body, "displayName"),
      email: formText(body, "email").trim(),
      role: formText(body, "role"),
      unitId: formText(body, "unitId"),
      validFrom: formText(body, "validFrom") || todayOf(c),
    };
    try {
      await createUserWithGrant(
        c.var.ctx.database.db,
        { ...values, password: formText(body, "password"), unitId: Number(values.unitId) },
        await actorOf(c),
      );
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 422 || error.status === 409)) {
        return renderUsers(c, { values, errors: error.fields }, error.status);
      }
      throw error;
    }
    return c.redirect("/quan-tri/nguoi-dung?ok=1", 303);
  });

  app.post("/quan-tri/nguoi-dung/:id/mat-khau", async (c) => {
    const ctx = await actorOf(c);
    const body = await c.req.parseBody();
    try {
      await resetUserPassword(
        c.var.ctx.database.db,
        {
          userId: requireId(c.req.param("id"), "Không tìm thấy người dùng này."),
          password: formText(body, "password"),
        },
        ctx,
      );
    } catch (error) {
      // Shown in the page's error summary, linked to that user's password field.
      if (error instanceof ValidationError)
        return renderUsers(
          c,
          { errors: { [`reset-${c.req.param("id")}`]: error.fields?.password ?? error.message } },
          422,
        );
      throw error;
    }
    return c.redirect("/quan-tri/nguoi-dung?ok=mat-khau", 303);
  });

  app.get("/quan-tri/nhat-ky", async (c) => {
    const actor = requireActor(c);
    const query = {
      entityType: c.req.query("entityType"),
      action: c.req.query("action"),
      actor: c.req.query("actor"),
      from: c.req.query("from"),
      to: c.req.query("to"),
      page: Math.max(1, Number(c.req.query("page")) || 1),
    };
    const { rows, total } = await searchAudit(
      c.var.ctx.database.db,
      actor,
      await hierarchyOf(c),
      query,
      todayOf(c),
    );
    const unitIds = [
      ...new Set(
        rows.flatMap((r) => [...(r.unitId ? [r.unitId] : []), ...unitIdsIn(r.before), ...unitIdsIn(r.after)]),
      ),
    ];
    return c.html(
      <AuditPage
        meta={pageMeta(c, "Nhật ký thay đổi")}
        rows={rows}
        total={total}
        pageSize={AUDIT_PAGE_SIZE}
        query={query}
        unitNames={await unitNameMap(c, unitIds)}
        organisationNames={
          await listOrganisationNames(c.var.ctx.database.db, [
            ...new Set(rows.flatMap((r) => [...organisationIdsIn(r.before), ...organisationIdsIn(r.after)])),
          ])
        }
        valueLabels={{
          ...extensions.auditValueLabels,
          role_grant: { role: ROLE_LABELS },
          user: { role: ROLE_LABELS },
        }}
      />,
    );
  });

  app.openapi(meRoute, (c) => {
    const actor = requireActor(c);
    return c.json(
      {
        data: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          grants: actor.grants,
        },
      },
      200,
    );
  });

  app.openapi(auditRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid("query");
    const { rows, total } = await searchAudit(
      c.var.ctx.database.db,
      actor,
      await hierarchyOf(c),
      query,
      todayOf(c),
    );
    return c.json(
      {
        data: rows.map(({ ip: _ip, ...rest }) => rest),
        meta: { total, page: query.page, pageSize: AUDIT_PAGE_SIZE },
      },
      200,
    );
  });
}
