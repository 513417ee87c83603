import type { OpenAPIHono } from "@hono/zod-openapi";
import { formatViNumber } from "../../core/format/vi-number.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { clientIp, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { getUnitDetail } from "../../units/units.service.js";
import type { UnitPortalPart } from "./portal-sections.extension.js";
import {
  loadUnitPortal,
  loadUnitPortalForEdit,
  type UnitPortal,
  type UnitPortalInput,
  updateUnitPortal,
} from "./unit-portal.service.js";
import { UnitPortalEditPage, UnitPortalPage, unitPortalEditHref } from "./unit-portal.views.js";

/** `/don-vi/:id/gioi-thieu` (public) and `/quan-tri/don-vi/:id/cong-thong-tin` (the unit's officers). */

const unitIdOf = (raw: string) => requireId(raw, "Không tìm thấy đơn vị hành chính này.");

/** The stored values as the form shows them (numbers the vi-VN way). */
function formValuesOf(portal: UnitPortal): UnitPortalInput {
  const p = portal.profile;
  return {
    history: p.history ?? "",
    boundary: p.boundary ?? "",
    area: p.areaKm2 === null ? "" : formatViNumber(p.areaKm2, { maximumFractionDigits: 4 }),
    population: p.population === null ? "" : formatViNumber(p.population),
    populationYear: p.populationYear === null ? "" : String(p.populationYear),
    duties: Object.fromEntries(portal.leaders.map((l) => [String(l.personId), l.duties ?? ""])),
  };
}

export function registerUnitPortalRoutes(app: OpenAPIHono<AppEnv>, parts: readonly UnitPortalPart[]): void {
  app.get("/don-vi/:id/gioi-thieu", async (c) => {
    const id = unitIdOf(c.req.param("id"));
    const db = c.var.ctx.database.db;
    const detail = await getUnitDetail(db, id, { today: todayOf(c) });
    const portal = await loadUnitPortal(db, detail, c.var.ctx.now());
    const extra = await Promise.all(parts.map((part) => part(db, id, c.var.ctx.now())));
    const title = `Giới thiệu ${unitDisplayName(detail.unit)}`;
    const meta = pageMeta(c, title, {
      description: `${unitDisplayName(detail.unit)}: lịch sử, cơ cấu tổ chức, lãnh đạo và nhiệm vụ, liên hệ.`,
    });
    return c.html(<UnitPortalPage meta={meta} detail={detail} portal={portal} parts={extra} />);
  });

  app.get("/quan-tri/don-vi/:id/cong-thong-tin", async (c) => {
    const actor = requireActor(c);
    const id = unitIdOf(c.req.param("id"));
    const { detail, portal } = await loadUnitPortalForEdit(
      c.var.ctx.database.db,
      actor,
      id,
      todayOf(c),
      c.var.ctx.now(),
    );
    return c.html(
      <UnitPortalEditPage
        meta={pageMeta(c, `Trang giới thiệu ${unitDisplayName(detail.unit)}`)}
        detail={detail}
        portal={portal}
        values={formValuesOf(portal)}
        notice={c.req.query("ket-qua") === "da-luu" ? "Đã lưu trang giới thiệu." : undefined}
      />,
    );
  });

  app.post("/quan-tri/don-vi/:id/cong-thong-tin", async (c) => {
    const actor = requireActor(c);
    const id = unitIdOf(c.req.param("id"));
    const body = await c.req.parseBody();
    const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
    const duties: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      const match = /^duties-(\d{1,10})$/.exec(key);
      if (match?.[1] && typeof value === "string") duties[match[1]] = value;
    }
    const input: UnitPortalInput = {
      history: text("history"),
      boundary: text("boundary"),
      area: text("area"),
      population: text("population"),
      populationYear: text("populationYear"),
      duties,
    };
    const db = c.var.ctx.database.db;
    try {
      await updateUnitPortal(db, {
        actor,
        unitId: id,
        input,
        today: todayOf(c),
        now: c.var.ctx.now(),
        ip: clientIp(c),
      });
      return c.redirect(`${unitPortalEditHref(id)}?ket-qua=da-luu`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { detail, portal } = await loadUnitPortalForEdit(db, actor, id, todayOf(c), c.var.ctx.now());
      return c.html(
        <UnitPortalEditPage
          meta={pageMeta(c, `Trang giới thiệu ${unitDisplayName(detail.unit)}`)}
          detail={detail}
          portal={portal}
          values={input}
          errors={error.fields}
        />,
        422,
      );
    }
  });
}
