import type { OpenAPIHono } from "@hono/zod-openapi";
import { can, canAnywhere, grantedRoots } from "../../core/access/policy.js";
import { parseViNumber } from "../../core/format/vi-number.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, type FieldErrors, ForbiddenError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { findParentIdAt } from "../evaluation/evaluation.repo.js";
import { latestPeriodOf } from "../evaluation/evaluation.routes.js";
import { defaultWindow, periodKindOf } from "../period.rules.js";
import { TargetAdminPage } from "./target-admin.views.js";
import { listTargetsForUnit, listTargetsSetOn } from "./targets.repo.js";
import { setTarget } from "./targets.service.js";

const FIELDS = [
  "indicatorId",
  "appliesTo",
  "assignedBy",
  "kind",
  "baseline",
  "subTotal",
  "levelKind",
  "value",
  "minValue",
  "maxValue",
  "aggregation",
  "windowRule",
  "periodStart",
  "periodEnd",
  "document",
  "note",
];

async function render(
  c: AppCtx,
  unitId: number | null,
  periodKey: string,
  extra: { values?: Record<string, string>; errors?: FieldErrors } = {},
  status: 200 | 409 | 422 = 200,
) {
  const actor = requireActor(c);
  const today = todayOf(c);
  // The office above assigns targets; a unit records its council's and its own plan (target.plan,
  // held wherever target.manage is).
  if (!canAnywhere(actor, "target.plan", today)) throw new ForbiddenError();
  const db = c.var.ctx.database.db;
  const roots = grantedRoots(actor, "target.plan", today);
  const units = await listUnitNames(
    db,
    roots === "all" ? null : (await hierarchyOf(c)).unitIdsUnder(roots, today),
  );
  const selected = unitId !== null && units.some((u) => u.id === unitId) ? unitId : null;
  let rows: Parameters<typeof TargetAdminPage>[0]["rows"] = [];
  if (selected !== null && periodKindOf(periodKey)) {
    const asOf = defaultWindow(periodKey)?.end ?? today;
    const parentId = await findParentIdAt(db, selected, asOf);
    const setOn = await listTargetsSetOn(db, selected, periodKey);
    const inherited = (
      await listTargetsForUnit(db, { unitId: selected, parentId, periodKeys: [periodKey] })
    ).filter((t) => t.appliesTo === "children");
    rows = [
      ...setOn.map((row) => ({
        row,
        scope: row.appliesTo === "children" ? ("children" as const) : ("own" as const),
      })),
      ...inherited.map((row) => ({ row, scope: "inherited" as const })),
    ];
  }
  // On its own unit a ward records its council's targets; from above, the office assigns.
  const fromAbove =
    selected !== null &&
    can(actor, "target.manage", { unitPath: (await hierarchyOf(c)).pathForToday(selected, today) }, today);
  const values = extra.values ?? {
    appliesTo: "unit",
    assignedBy: fromAbove ? "higher" : "council",
    kind: "level",
    levelKind: "value",
    windowRule: "calendar",
  };
  return c.html(
    <TargetAdminPage
      meta={pageMeta(c, "Giao chỉ tiêu")}
      units={units}
      indicators={await listIndicators(db)}
      unitId={selected}
      periodKey={periodKey}
      rows={rows}
      values={values}
      errors={extra.errors}
      notice={c.req.query("ok") ? "Đã giao chỉ tiêu." : null}
    />,
    status,
  );
}

/** A vi-VN number field: undefined when empty, an error message when unreadable. */
function numberField(raw: string, errors: FieldErrors, key: string): number | undefined {
  if (raw.trim() === "") return undefined;
  const parsed = parseViNumber(raw);
  if (!parsed.ok) {
    errors[key] = parsed.message;
    return undefined;
  }
  return parsed.value;
}

export function registerTargetAdminPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/chi-tieu/giao", async (c) => {
    const unitId = idParam(c.req.query("don-vi"));
    const asked = (c.req.query("ky") ?? "").trim();
    return render(c, unitId, asked || (await latestPeriodOf(c, unitId === null ? null : [unitId])));
  });

  app.post("/quan-tri/chi-tieu/giao", async (c) => {
    const body = await c.req.parseBody();
    const v = Object.fromEntries(
      FIELDS.map((f) => [f, typeof body[f] === "string" ? (body[f] as string) : ""]),
    );
    const unitId = idParam(typeof body.unitId === "string" ? body.unitId : undefined);
    const periodKey = typeof body.periodKey === "string" ? body.periodKey : "";
    const errors: FieldErrors = {};
    const input = {
      indicatorId: Number(v.indicatorId),
      unitId: unitId ?? 0,
      appliesTo: v.appliesTo,
      assignedBy: v.assignedBy || "higher",
      kind: v.kind || "level",
      baseline: numberField(v.baseline ?? "", errors, "baseline"),
      subTotal: numberField(v.subTotal ?? "", errors, "subTotal"),
      periodKey,
      levelKind: v.levelKind,
      value: numberField(v.value ?? "", errors, "value"),
      minValue: numberField(v.minValue ?? "", errors, "minValue"),
      maxValue: numberField(v.maxValue ?? "", errors, "maxValue"),
      aggregation: v.aggregation || null,
      windowRule: v.windowRule || "calendar",
      periodStart: v.periodStart || undefined,
      periodEnd: v.periodEnd || undefined,
      document: v.document,
      note: v.note,
    };
    if (Object.keys(errors).length > 0) return render(c, unitId, periodKey, { values: v, errors }, 422);
    try {
      await setTarget(c.var.ctx.database.db, input, await actorOf(c));
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 409 || error.status === 422)) {
        return render(c, unitId, periodKey, { values: v, errors: error.fields }, error.status);
      }
      if (error instanceof ForbiddenError && v.assignedBy === "higher") {
        // A unit's own officer picked "cấp trên giao": say so on the field rather than a bare 403.
        const message = "Chỉ cấp trên mới giao chỉ tiêu này; chọn HĐND giao hoặc kế hoạch của đơn vị.";
        return render(c, unitId, periodKey, { values: v, errors: { assignedBy: message } }, 422);
      }
      throw error;
    }
    return c.redirect(
      `/quan-tri/chi-tieu/giao?don-vi=${unitId}&ky=${encodeURIComponent(periodKey)}&ok=1`,
      303,
    );
  });
}
