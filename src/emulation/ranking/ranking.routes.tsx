import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, NotFoundError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, todayOf } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { PickerScript } from "../../core/views/picker.js";
import { isPeriodKey } from "../emulation-period.rules.js";
import { defaultEmulationYear } from "../emulation-request.js";
import { listParentUnits } from "./ranking.repo.js";
import { type Ranking, rankChildren } from "./ranking.service.js";
import { RankingPage } from "./ranking.views.js";
import { buildRankingWorkbook } from "./ranking.xlsx.js";

const RankingEntrySchema = z
  .object({
    unit: z.object({ id: z.number().int(), name: z.string() }),
    score: z.number().nullable().openapi({ description: "null: chưa đủ điểm để xếp hạng" }),
    rank: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Xếp hạng thi đấu: điểm bằng nhau cùng hạng (1, 2, 2, 4)" }),
    tied: z.boolean().openapi({ description: "Đồng hạng với đơn vị khác" }),
    note: z
      .string()
      .nullable()
      .openapi({ description: "base=comparable: các đơn vị cũ và tỷ lệ dùng để quy đổi số liệu" }),
  })
  .openapi("RankingEntry");

const RankingResponseSchema = z.object({
  data: z.array(RankingEntrySchema),
  basis: z.enum(["emulation", "evaluation", "none"]).openapi({
    description:
      "emulation: điểm cuối cùng của Hội đồng theo bảng chấm điểm thi đua của đơn vị cấp trên cho kỳ này; evaluation: không có bảng chấm điểm, điểm tính từ kết quả chỉ tiêu đã duyệt (thang 100); none: chưa có dữ liệu",
  }),
  meta: z.object({
    parent: z.object({ id: z.number().int(), name: z.string() }),
    period: z.string(),
    base: z.enum(["own", "comparable"]).openapi({
      description:
        "own: các đơn vị của kỳ; comparable: các đơn vị hiện nay, số liệu kỳ trước quy đổi theo địa bàn mới",
    }),
    total: z.number().int().openapi({ description: "Số đơn vị được xếp hạng" }),
    scheme: z.object({ id: z.number().int(), name: z.string(), maxPoints: z.number() }).nullable(),
    cluster: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  }),
});

const rankingsRoute = createRoute({
  method: "get",
  path: "/api/v1/rankings",
  operationId: "getRankings",
  ...access("optional", "Anyone; what a ranking shows follows `result.read` of the caller."),
  tags: ["Thi đua"],
  summary: "Xếp hạng các đơn vị trực thuộc một đơn vị trong một kỳ",
  request: {
    query: z.object({
      parent: dbIdParamSchema().openapi({ description: "Đơn vị cấp trên (ví dụ quận)", example: 2 }),
      period: z
        .string()
        .refine(isPeriodKey, "Kỳ là một năm (2019) hoặc một nhiệm kỳ (2015-2020).")
        .openapi({ example: "2019" }),
      cluster: dbIdParamSchema().optional().openapi({ description: "Chỉ xếp hạng trong một cụm thi đua" }),
      base: z.enum(["own", "comparable"]).optional().openapi({
        description:
          "comparable: xếp hạng các đơn vị hiện nay của đơn vị cấp trên cho một kỳ trước khi có đơn vị đó, trên số liệu quy đổi theo địa bàn mới",
      }),
    }),
  },
  responses: {
    200: { description: "Bảng xếp hạng", content: { "application/json": { schema: RankingResponseSchema } } },
    ...errorResponses(401, 404, 422),
  },
});

function toJson(ranking: Ranking) {
  return {
    data: ranking.rows.map((r) => ({
      unit: { id: r.unit.id, name: r.unit.name },
      score: r.score,
      rank: r.rank,
      tied: r.tied,
      note: r.note ?? null,
    })),
    basis: ranking.basis,
    meta: {
      parent: { id: ranking.parent.id, name: ranking.parent.name },
      period: ranking.periodKey,
      base: ranking.base,
      total: ranking.total,
      scheme: ranking.scheme
        ? { id: ranking.scheme.id, name: ranking.scheme.name, maxPoints: ranking.scheme.maxPoints }
        : null,
      cluster: ranking.cluster ? { id: ranking.cluster.id, name: ranking.cluster.name } : null,
    },
  };
}

/** `?co-so=quy-doi` on the page and the spreadsheet: today's units on the comparable base, read at today. */
function comparableParam(c: AppCtx): string | null {
  return c.req.query("co-so") === "quy-doi" ? todayOf(c) : null;
}

/**
 * The unit above the site's own ward today (the city for a ward since 2025): what `/xep-hang` opens on
 * when the address names no unit, so a visitor sees the ward among its peers rather than an empty page.
 */
async function siteParentId(c: AppCtx): Promise<number | null> {
  const site = await c.var.ctx.siteIdentity?.();
  if (!site?.unitId) return null;
  return (await hierarchyOf(c)).pathForToday(site.unitId, todayOf(c))[1] ?? null;
}

/**
 * The public ranking: `/xep-hang?don-vi=<parentId>&ky=2019[&cum=<clusterId>]` and
 * `GET /api/v1/rankings?parent=&period=`. Council scores are published results; scores from targets
 * use open-data indicators only for visitors who are not signed in.
 */
export function registerRankingRoutes(app: OpenAPIHono<AppEnv>): void {
  // The same ranking as the page, as a spreadsheet; the page links to it with its own query.
  app.get("/xep-hang.xlsx", async (c) => {
    const parentId = idParam(c.req.query("don-vi"));
    if (parentId === null) throw new NotFoundError("Chưa chọn đơn vị cấp trên.");
    const periodKey = c.req.query("ky")?.trim() ?? "";
    const ranking = await rankChildren(
      c.var.ctx.database.db,
      await hierarchyOf(c),
      {
        parentId,
        periodKey,
        clusterId: idParam(c.req.query("cum")),
        publicOnly: !c.var.auth.actor,
        comparableAt: comparableParam(c),
      },
      c.var.ctx.evaluationSource,
    );
    const cluster = ranking.cluster ? `-cum-${ranking.cluster.id}` : "";
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // ASCII file names: browsers differ on non-ASCII ones.
    c.header(
      "Content-Disposition",
      `attachment; filename="xep-hang-${parentId}-${periodKey}${cluster}.xlsx"`,
    );
    return c.body(new Uint8Array(await buildRankingWorkbook(ranking)));
  });

  app.get("/xep-hang", async (c) => {
    const db = c.var.ctx.database.db;
    const parentId = idParam(c.req.query("don-vi")) ?? (await siteParentId(c));
    const periodKey = c.req.query("ky")?.trim() || (await defaultEmulationYear(c, "schemes"));
    const clusterId = idParam(c.req.query("cum"));
    const comparableAt = comparableParam(c);
    const parents = await listParentUnits(db);
    let ranking: Ranking | null = null;
    let status: 200 | 404 | 422 = 200;
    let problem: string | null = null;
    if (parentId !== null) {
      try {
        ranking = await rankChildren(
          db,
          await hierarchyOf(c),
          {
            parentId,
            periodKey,
            clusterId,
            publicOnly: !c.var.auth.actor,
            comparableAt,
          },
          c.var.ctx.evaluationSource,
        );
      } catch (error) {
        if (!(error instanceof AppError) || (error.status !== 404 && error.status !== 422)) throw error;
        status = error.status;
        problem = error.fields ? Object.values(error.fields).join(" ") : error.message;
      }
    }
    const title = ranking ? `Xếp hạng thi đua ${periodKey} – ${ranking.parent.name}` : "Xếp hạng thi đua";
    return c.html(
      <RankingPage
        meta={pageMeta(c, title, { head: <PickerScript /> })}
        filter={{ parents, parentId, periodKey, clusterId, comparable: comparableAt !== null }}
        ranking={ranking}
        problem={problem}
      />,
      status,
    );
  });

  app.openapi(rankingsRoute, async (c) => {
    const query = c.req.valid("query");
    const ranking = await rankChildren(
      c.var.ctx.database.db,
      await hierarchyOf(c),
      {
        parentId: query.parent,
        periodKey: query.period,
        clusterId: query.cluster ?? null,
        publicOnly: !c.var.auth.actor,
        comparableAt: query.base === "comparable" ? todayOf(c) : null,
      },
      c.var.ctx.evaluationSource,
    );
    return c.json(toJson(ranking), 200);
  });
}
