/**
 * The site's identity: its admin page (`/quan-tri/cong-thong-tin`, system administrators only) and the
 * emblem image the public header shows.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { formText } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { findEmblemPng, findSiteSettings } from "./site-settings.repo.js";
import {
  EMBLEM_PATH,
  loadSiteIdentity,
  reencodeEmblem,
  updateSiteSettings,
} from "./site-settings.service.js";
import { SITE_SETTINGS_HREF, SiteSettingsPage } from "./site-settings.views.js";
import {
  readSiteForm,
  SITE_FORM_FIELDS,
  type SiteFormValues,
  siteFormValues,
} from "./site-settings-form.rules.js";

function requireSiteAdmin(c: AppCtx): void {
  if (!canAnywhere(requireActor(c), "site.manage", todayOf(c))) throw new ForbiddenError();
}

async function renderPage(
  c: AppCtx,
  values: SiteFormValues,
  options: { errors?: Record<string, string>; status?: 200 | 422; notice?: string | null } = {},
) {
  const db = c.var.ctx.database.db;
  const [units, identity] = await Promise.all([
    listUnitNames(db, null),
    loadSiteIdentity(db, c.var.ctx.config.siteName),
  ]);
  return c.html(
    <SiteSettingsPage
      meta={pageMeta(c, "Thông tin cổng thông tin")}
      values={values}
      errors={options.errors}
      units={unitPickerGroups(units, todayOf(c))}
      emblemUrl={identity.emblemUrl}
      notice={options.notice}
    />,
    options.status ?? 200,
  );
}

export function registerSiteSettingsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(EMBLEM_PATH, async (c) => {
    const png = await findEmblemPng(c.var.ctx.database.db);
    if (!png) throw new NotFoundError("Cổng chưa có biểu trưng.");
    return c.body(new Uint8Array(png), 200, {
      "content-type": "image/png",
      // The address carries the version (?v=), so a day is safe; a change gets a new address.
      "cache-control": "public, max-age=86400",
    });
  });

  app.get(SITE_SETTINGS_HREF, async (c) => {
    requireSiteAdmin(c);
    const stored = await findSiteSettings(c.var.ctx.database.db);
    return renderPage(c, siteFormValues(stored), {
      notice: c.req.query("ok") ? "Đã lưu thông tin cổng." : null,
    });
  });

  app.post(SITE_SETTINGS_HREF, async (c) => {
    requireSiteAdmin(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody();
    const values: SiteFormValues = Object.fromEntries(SITE_FORM_FIELDS.map((k) => [k, formText(body, k)]));
    const units = await listUnitNames(db, null);
    const { settings, errors } = readSiteForm(values, new Set(units.map((u) => u.id)));
    const upload = body.emblem;
    let emblem: Buffer | null | undefined = formText(body, "removeEmblem") === "1" ? null : undefined;
    try {
      if (upload instanceof File && upload.size > 0) emblem = await reencodeEmblem(upload);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
    if (!settings || Object.keys(errors).length > 0) return renderPage(c, values, { errors, status: 422 });
    await updateSiteSettings(db, settings, emblem, await actorOf(c));
    c.var.ctx.siteIdentityCache?.drop();
    return c.redirect(`${SITE_SETTINGS_HREF}?ok=1`, 303);
  });
}
