import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

export interface SiteSettings {
  wardName: string;
  unitId: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  editorInCharge: string | null;
}

export interface StoredSiteSettings extends SiteSettings {
  hasEmblem: boolean;
  updatedAt: string;
}

/** The one row of settings (without the emblem's bytes), or null before anyone described the site. */
export async function findSiteSettings(db: Kysely<DB>): Promise<StoredSiteSettings | null> {
  const row = await db
    .selectFrom("site_settings")
    .select((eb) => [
      "ward_name",
      "unit_id",
      "address",
      "phone",
      "email",
      "opening_hours",
      "editor_in_charge",
      "updated_at",
      eb("emblem_png", "is not", null).as("has_emblem"),
    ])
    .where("id", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    wardName: row.ward_name,
    unitId: row.unit_id,
    address: row.address,
    phone: row.phone,
    email: row.email,
    openingHours: row.opening_hours,
    editorInCharge: row.editor_in_charge,
    hasEmblem: Boolean(row.has_emblem),
    updatedAt: row.updated_at,
  };
}

/** The emblem as PNG bytes, or null. */
export async function findEmblemPng(db: Kysely<DB>): Promise<Buffer | null> {
  const row = await db
    .selectFrom("site_settings")
    .select("emblem_png")
    .where("id", "=", 1)
    .executeTakeFirst();
  return row?.emblem_png ? Buffer.from(row.emblem_png, "base64") : null;
}

/**
 * Writes the settings row (creating it the first time). `emblem`: new PNG bytes, null to remove it,
 * undefined to keep the stored one.
 */
export async function saveSiteSettings(
  db: Kysely<DB>,
  settings: SiteSettings,
  emblem: Buffer | null | undefined,
  now: Date,
): Promise<void> {
  const values = {
    ward_name: settings.wardName,
    unit_id: settings.unitId,
    address: settings.address,
    phone: settings.phone,
    email: settings.email,
    opening_hours: settings.openingHours,
    editor_in_charge: settings.editorInCharge,
    updated_at: now.toISOString(),
    ...(emblem === undefined ? {} : { emblem_png: emblem === null ? null : emblem.toString("base64") }),
  };
  const updated = await db.updateTable("site_settings").set(values).where("id", "=", 1).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto("site_settings")
      .values({ id: 1, emblem_png: null, ...values })
      .execute();
  }
}
