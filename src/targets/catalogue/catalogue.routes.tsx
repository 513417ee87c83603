import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere } from "../../core/access/policy.js";
import { formatViNumber, parseViNumber } from "../../core/format/vi-number.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { CataloguePage, IndicatorFormPage } from "./catalogue.views.js";
import type { Indicator } from "./indicator.model.js";
import { findIndicatorById, listIndicators, listOrganisationChoices } from "./indicators.repo.js";
import { createIndicator, editIndicator, mayManageCatalogue } from "./indicators.service.js";

const FIELDS = [
  "code",
  "name",
  "field",
  "unitOfMeasure",
  "valueType",
  "direction",
  "comparisonMode",
  "termAggregation",
  "responsibleOrganisationId",
  "definition",
  "sortOrder",
  "precision",
  "percentDigits",
  "isPublic",
  "wordingFrom",
  "comparableRule",
  "comparableWeightId",
  "figureKind",
  "minValue",
  "maxValue",
  "warnFactor",
] as const;

/** A typed vi-VN number ("1.234,5"), null when empty, NaN (refused by the schema) when not a number. */
function numberOf(text: string | undefined): number | null {
  if (!text?.trim()) return null;
  const parsed = parseViNumber(text.trim());
  return parsed.ok ? parsed.value : Number.NaN;
}

const numberText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : formatViNumber(value, { maximumFractionDigits: 10 });

function valuesOf(i: Indicator): Record<string, string> {
  return {
    code: i.code,
    name: i.name,
    field: i.field,
    unitOfMeasure: i.unitOfMeasure,
    valueType: i.valueType,
    direction: i.direction,
    comparisonMode: i.comparisonMode,
    termAggregation: i.termAggregation,
    responsibleOrganisationId:
      i.responsibleOrganisationId === null ? "" : String(i.responsibleOrganisationId),
    definition: i.definition ?? "",
    sortOrder: String(i.sortOrder),
    precision: i.precision === null ? "" : String(i.precision),
    percentDigits: i.percentDigits === null ? "" : String(i.percentDigits),
    isPublic: i.isPublic ? "1" : "",
    comparableRule: i.comparableRule ?? "",
    comparableWeightId: i.comparableWeightId ? String(i.comparableWeightId) : "",
    figureKind: i.figureKind ?? "",
    minValue: numberText(i.minValue),
    maxValue: numberText(i.maxValue),
    warnFactor: numberText(i.warnFactor),
  };
}

/** Form strings → the service's input (the service validates it). */
function inputOf(v: Record<string, string>) {
  const sortOrder = v.sortOrder?.trim() ? Number(v.sortOrder) : 0;
  return {
    code: v.code ?? "",
    name: v.name ?? "",
    field: v.field ?? "",
    unitOfMeasure: v.unitOfMeasure ?? "",
    valueType: v.valueType,
    direction: v.direction,
    comparisonMode: v.comparisonMode,
    termAggregation: v.termAggregation,
    responsibleOrganisationId: v.responsibleOrganisationId ? Number(v.responsibleOrganisationId) : null,
    definition: v.definition ?? null,
    sortOrder,
    precision: v.precision?.trim() ? Number(v.precision) : null,
    percentDigits: v.percentDigits === "0" ? 0 : v.percentDigits === "1" ? 1 : null,
    isPublic: v.isPublic === "1",
    wordingFrom: v.wordingFrom?.trim() ? v.wordingFrom : undefined,
    comparableRule: v.comparableRule || null,
    comparableWeightId: v.comparableWeightId ? Number(v.comparableWeightId) : null,
    figureKind: v.figureKind?.trim() ? v.figureKind : null,
    minValue: numberOf(v.minValue),
    maxValue: numberOf(v.maxValue),
    warnFactor: numberOf(v.warnFactor),
  };
}

async function form(
  c: AppCtx,
  id: number | null,
  values: Record<string, string>,
  errors?: Record<string, string>,
  status: 200 | 409 | 422 = 200,
) {
  const [organisations, indicators] = await Promise.all([
    listOrganisationChoices(c.var.ctx.database.db, todayOf(c)),
    listIndicators(c.var.ctx.database.db),
  ]);
  // Weights of a mean count people or households: number indicators other than this one.
  const weights = indicators.filter((i) => i.valueType === "number" && i.id !== id);
  const title = id === null ? "Thêm chỉ tiêu" : "Sửa chỉ tiêu";
  return c.html(
    <IndicatorFormPage
      meta={pageMeta(c, title)}
      id={id}
      values={values}
      organisations={organisations}
      weights={weights.map((i) => ({ id: i.id, name: `${i.name} (${i.code})` }))}
      errors={errors}
    />,
    status,
  );
}

async function requireManager(c: AppCtx) {
  const actor = requireActor(c);
  if (!mayManageCatalogue(actor, await hierarchyOf(c), todayOf(c))) throw new ForbiddenError();
}

async function posted(c: AppCtx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === "string" ? (body[f] as string) : ""]));
}

export function registerCataloguePages(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/chi-tieu", async (c) => {
    const actor = requireActor(c);
    if (!canAnywhere(actor, "admin.enter", todayOf(c))) throw new ForbiddenError();
    const indicators = await listIndicators(c.var.ctx.database.db);
    const canManage = mayManageCatalogue(actor, await hierarchyOf(c), todayOf(c));
    const notice = c.req.query("ok") ? "Đã lưu chỉ tiêu." : null;
    return c.html(
      <CataloguePage
        meta={pageMeta(c, "Danh mục chỉ tiêu")}
        indicators={indicators}
        canManage={canManage}
        notice={notice}
      />,
    );
  });

  app.get("/quan-tri/chi-tieu/moi", async (c) => {
    await requireManager(c);
    const defaults = {
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "mean",
      isPublic: "1",
      sortOrder: "0",
    };
    return form(c, null, defaults);
  });

  app.post("/quan-tri/chi-tieu/moi", async (c) => {
    const values = await posted(c);
    try {
      await createIndicator(c.var.ctx.database.db, inputOf(values), await actorOf(c));
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 409 || error.status === 422)) {
        return form(c, null, values, error.fields, error.status);
      }
      throw error;
    }
    return c.redirect("/quan-tri/chi-tieu?ok=1", 303);
  });

  app.get("/quan-tri/chi-tieu/:id{[0-9]+}", async (c) => {
    await requireManager(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy chỉ tiêu này.");
    const indicator = await findIndicatorById(c.var.ctx.database.db, id);
    if (!indicator) throw new NotFoundError("Không tìm thấy chỉ tiêu này.");
    return form(c, indicator.id, valuesOf(indicator));
  });

  app.post("/quan-tri/chi-tieu/:id{[0-9]+}", async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy chỉ tiêu này.");
    const values = await posted(c);
    try {
      await editIndicator(c.var.ctx.database.db, id, inputOf(values), await actorOf(c));
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 409 || error.status === 422)) {
        return form(c, id, values, error.fields, error.status);
      }
      throw error;
    }
    return c.redirect("/quan-tri/chi-tieu?ok=1", 303);
  });
}
