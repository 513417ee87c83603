import type { OpenAPIHono } from "@hono/zod-openapi";
import { isIsoDate } from "../core/format/vi-date.js";
import type { AppEnv } from "../core/http/env.js";
import { ValidationError } from "../core/http/errors.js";
import { requireId } from "../core/http/params.js";
import { type AppCtx, clientIp, pageMeta, requireActor, todayOf } from "../core/http/request.js";
import { AdminUnitEditPage, AdminUnitListPage } from "./unit-admin.views.js";
import { unitDisplayName } from "./unit-labels.js";
import type { UnitExtensions } from "./unit-page.extension.js";
import { UnitPage } from "./unit-page.views.js";
import { UnitTreePage } from "./unit-tree.views.js";
import {
  authorizeUnitEdit,
  getUnitDetail,
  listEditableUnits,
  unitTreeAt,
  updateUnitProfile,
} from "./units.service.js";

const BAD_DATE = "Ngày không hợp lệ; hãy chọn một ngày có thật (ví dụ 02/01/2020).";

/** `?ngay=` as a date, today when absent, or an error message for the form. */
function requestedDate(c: AppCtx): { date: string; raw?: string; error?: string } {
  const raw = c.req.query("ngay")?.trim();
  if (!raw) return { date: todayOf(c) };
  if (isIsoDate(raw)) return { date: raw };
  return { date: todayOf(c), raw, error: BAD_DATE };
}

const UNIT_NOT_FOUND = "Không tìm thấy đơn vị hành chính này.";

const SAVE_NOTICES: Record<string, string> = {
  "da-luu": "Đã lưu hồ sơ đơn vị.",
  "khong-doi": "Không có thay đổi nào để lưu.",
};

const PROFILE_FIELDS = ["address", "phone", "email", "intro"] as const;

/** The public unit pages and the admin pages where officers keep their unit's profile current. */
export function registerUnitPages(app: OpenAPIHono<AppEnv>, extensions: UnitExtensions): void {
  app.get("/don-vi", async (c) => {
    const { date, raw, error } = requestedDate(c);
    const tree = await unitTreeAt(c.var.ctx.database.db, date);
    return c.html(
      <UnitTreePage
        meta={pageMeta(c, "Đơn vị hành chính")}
        at={date}
        tree={tree}
        error={error}
        requestedText={raw}
      />,
      error ? 422 : 200,
    );
  });

  app.get("/don-vi/:id", async (c) => {
    const id = requireId(c.req.param("id"), UNIT_NOT_FOUND);
    const { date, error } = requestedDate(c);
    const detail = await getUnitDetail(c.var.ctx.database.db, id, {
      requested: error ? undefined : date,
      today: todayOf(c),
    });
    const title = unitDisplayName(detail.unit);
    return c.html(
      <UnitPage
        meta={pageMeta(c, title, { description: `${title}: tổ chức, lãnh đạo, liên hệ và lịch sử sắp xếp.` })}
        detail={detail}
        dateError={error}
        sections={
          await Promise.all(
            extensions.pageSections.map((section) => section(c, { id: detail.unit.id, name: title })),
          )
        }
      />,
      error ? 422 : 200,
    );
  });

  app.get("/quan-tri/don-vi", async (c) => {
    const actor = requireActor(c);
    const units = await listEditableUnits(c.var.ctx.database.db, actor, todayOf(c));
    return c.html(<AdminUnitListPage meta={pageMeta(c, "Hồ sơ đơn vị")} units={units} />);
  });

  app.get("/quan-tri/don-vi/:id", async (c) => {
    const actor = requireActor(c);
    const id = requireId(c.req.param("id"), UNIT_NOT_FOUND);
    const unit = await authorizeUnitEdit(c.var.ctx.database.db, actor, id, todayOf(c));
    return c.html(
      <AdminUnitEditPage
        meta={pageMeta(c, `Hồ sơ ${unitDisplayName(unit)}`)}
        unit={unit}
        values={unit}
        notice={SAVE_NOTICES[c.req.query("ket-qua") ?? ""]}
      />,
    );
  });

  app.post("/quan-tri/don-vi/:id", async (c) => {
    const actor = requireActor(c);
    const id = requireId(c.req.param("id"), UNIT_NOT_FOUND);
    const body = await c.req.parseBody();
    const changes: Record<string, string> = {};
    for (const key of PROFILE_FIELDS) {
      const value = body[key];
      if (typeof value === "string") changes[key] = value;
    }
    const db = c.var.ctx.database.db;
    try {
      const result = await updateUnitProfile(db, {
        actor,
        unitId: id,
        changes,
        today: todayOf(c),
        now: c.var.ctx.now(),
        ip: clientIp(c),
      });
      return c.redirect(`/quan-tri/don-vi/${id}?ket-qua=${result.changed ? "da-luu" : "khong-doi"}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const unit = await authorizeUnitEdit(db, actor, id, todayOf(c));
      return c.html(
        <AdminUnitEditPage
          meta={pageMeta(c, `Hồ sơ ${unitDisplayName(unit)}`)}
          unit={unit}
          values={{ ...unit, ...changes }}
          errors={error.fields}
        />,
        422,
      );
    }
  });
}
