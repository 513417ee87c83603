import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere, grantedRoots } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, type FieldErrors, ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import { latestPeriodOf, periodChoices } from "../evaluation/evaluation.routes.js";
import { periodKindOf } from "../period.rules.js";
import { TARGETS_CSS_PATH } from "../targets-styles.routes.js";
import { unitTitle } from "../unit-wording.rules.js";
import { type EntrySheet, loadEntrySheet } from "./entry.service.js";
import { EntryPage, type EntryRow } from "./entry.views.js";
import { ENTRY_CHOOSER, UnitPeriodChooserPage } from "./entry-chooser.views.js";
import { formatEntryValue, parseEntryValue } from "./entry-form.rules.js";
import { ENTRY_SCRIPT_PATH } from "./entry-script.routes.js";
import { saveResults } from "./results.service.js";

const versionOf = (raw: string | undefined): ResultVersion => (raw === "estimate" ? "estimate" : "final");
const NOTICES: Record<string, string> = {
  luu: "Đã lưu số liệu (bản nháp).",
  "gui-duyet": "Đã lưu và gửi số liệu lên cấp trên phê duyệt.",
  xlsx: "Đã nhận tệp Excel: số liệu đã được lưu (bản nháp).",
};

function rowsOf(sheet: EntrySheet, posted?: Record<string, unknown>): EntryRow[] {
  return sheet.lines.map((line) => {
    const id = line.indicator.id;
    const stored = line.result;
    return {
      ...line,
      value:
        posted && `v_${id}` in posted
          ? formText(posted, `v_${id}`)
          : formatEntryValue(line.indicator, stored?.value ?? null),
      source: posted && `s_${id}` in posted ? formText(posted, `s_${id}`) : (stored?.source ?? ""),
      note: posted && `n_${id}` in posted ? formText(posted, `n_${id}`) : (stored?.note ?? ""),
      confirmed: posted ? formText(posted, `xn_${id}`) === "1" : false,
    };
  });
}

/** The dates a key without a default window asks for: as posted, else as given before; null when fixed. */
function windowOf(sheet: EntrySheet, posted?: Record<string, unknown>) {
  if (sheet.customWindow === undefined) return null;
  return {
    start: posted ? formText(posted, "periodStart") : (sheet.customWindow?.start ?? ""),
    end: posted ? formText(posted, "periodEnd") : (sheet.customWindow?.end ?? ""),
  };
}

/** Renders the entry page; exported for the XLSX upload, which shows its errors on the same page. */
export async function renderEntry(
  c: AppCtx,
  sheet: EntrySheet,
  extra: {
    posted?: Record<string, unknown>;
    errors?: FieldErrors;
    importErrors?: string[];
    importErrorCount?: number;
    showAll?: boolean;
  },
  status: 200 | 409 | 422 = 200,
) {
  const title = `Nhập số liệu ${sheet.periodKey}: ${unitTitle(sheet.unit)}`;
  const meta = pageMeta(c, title, {
    head: (
      <>
        <link rel="stylesheet" href={TARGETS_CSS_PATH} />
        <script src={ENTRY_SCRIPT_PATH} defer />
      </>
    ),
  });
  return c.html(
    <EntryPage
      meta={meta}
      unit={sheet.unit}
      periodKey={sheet.periodKey}
      version={sheet.version}
      rows={rowsOf(sheet, extra.posted)}
      window={windowOf(sheet, extra.posted)}
      errors={extra.errors}
      importErrors={extra.importErrors}
      importErrorCount={extra.importErrorCount}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
      showAll={extra.showAll ?? false}
    />,
    status,
  );
}

export function registerEntryPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/so-lieu", async (c) => {
    const actor = requireActor(c);
    const today = todayOf(c);
    if (!canAnywhere(actor, "result.enter", today)) throw new ForbiddenError();
    const unitId = idParam(c.req.query("don-vi"));
    const ky = (c.req.query("ky") ?? "").trim();
    if (unitId && periodKindOf(ky))
      return c.redirect(`/quan-tri/so-lieu/${unitId}/${encodeURIComponent(ky)}`, 303);
    const roots = grantedRoots(actor, "result.enter", today);
    const ids = roots === "all" ? null : (await hierarchyOf(c)).unitIdsUnder(roots, today);
    const units = await listUnitNames(c.var.ctx.database.db, ids);
    const meta = pageMeta(c, "Nhập số liệu");
    return c.html(
      <UnitPeriodChooserPage
        meta={meta}
        text={ENTRY_CHOOSER}
        units={units}
        periods={periodChoices(c)}
        defaultPeriod={await latestPeriodOf(c, ids)}
      />,
    );
  });

  app.get("/quan-tri/so-lieu/:unitId/:period", async (c) => {
    const unitId = idParam(c.req.param("unitId"));
    if (!unitId) throw new NotFoundError();
    const showAll = c.req.query("tat-ca") === "1";
    const sheet = await loadEntrySheet(
      c.var.ctx.database.db,
      {
        unitId,
        periodKey: c.req.param("period"),
        version: versionOf(c.req.query("phien-ban")),
        all: showAll,
      },
      await actorOf(c),
    );
    return renderEntry(c, sheet, { showAll });
  });

  app.post("/quan-tri/so-lieu/:unitId/:period", async (c) => {
    const unitId = idParam(c.req.param("unitId"));
    if (!unitId) throw new NotFoundError();
    const body = await c.req.parseBody();
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const periodKey = c.req.param("period");
    const version = versionOf(formText(body, "phien-ban"));
    const shown = new Set(formText(body, "rows").split(",").map(Number));
    const sheet = await loadEntrySheet(db, { unitId, periodKey, version, all: true }, ctx);
    sheet.lines = sheet.lines.filter((l) => shown.has(l.indicator.id) || l.result !== null);

    const errors: FieldErrors = {};
    const entries: {
      indicatorId: number;
      value: number | boolean | null;
      source: string;
      note: string;
      confirmed: boolean;
    }[] = [];
    for (const line of sheet.lines) {
      const key = `v_${line.indicator.id}`;
      // A locked milestone's select is disabled and not posted: nothing to save for it.
      if (!(key in body)) continue;
      const parsed = parseEntryValue(line.indicator, formText(body, key));
      if (!parsed.ok) errors[key] = parsed.message;
      else {
        entries.push({
          indicatorId: line.indicator.id,
          value: parsed.value,
          source: formText(body, `s_${line.indicator.id}`),
          note: formText(body, `n_${line.indicator.id}`),
          confirmed: formText(body, `xn_${line.indicator.id}`) === "1",
        });
      }
    }
    if (Object.keys(errors).length > 0) return renderEntry(c, sheet, { posted: body, errors }, 422);
    if (entries.length === 0)
      return c.redirect(`/quan-tri/so-lieu/${unitId}/${encodeURIComponent(periodKey)}`, 303);
    const submit = formText(body, "hanh-dong") === "gui-duyet";
    try {
      const start = formText(body, "periodStart");
      const end = formText(body, "periodEnd");
      const dates =
        sheet.customWindow !== undefined && start && end ? { periodStart: start, periodEnd: end } : {};
      await saveResults(db, { unitId, periodKey, version, values: entries, ...dates }, ctx, {
        submit,
        warnings: true,
      });
    } catch (error) {
      if (error instanceof AppError && (error.status === 409 || error.status === 422) && error.fields) {
        // The service names fields by position (`values.3.value`): point them back to the inputs.
        const mapped: FieldErrors = {};
        for (const [path, message] of Object.entries(error.fields)) {
          const index = Number(path.split(".")[1]);
          const entry = Number.isInteger(index) ? entries[index] : undefined;
          const field = path.endsWith(".confirmed") ? "xn" : "v";
          mapped[entry ? `${field}_${entry.indicatorId}` : path] = message;
        }
        return renderEntry(c, sheet, { posted: body, errors: mapped }, error.status);
      }
      throw error;
    }
    const ok = submit ? "gui-duyet" : "luu";
    return c.redirect(
      `/quan-tri/so-lieu/${unitId}/${encodeURIComponent(periodKey)}?phien-ban=${version}&ok=${ok}`,
      303,
    );
  });
}
