/**
 * The site's identity (one row, id 1): the ward's name and emblem, its contact and the editor in
 * charge, printed in the public header and footer. Added to the app-wide `DB`.
 */
export interface SiteSettingsTable {
  id: number;
  /** "phường Việt Hưng": the header reads "Cổng thông tin điện tử phường Việt Hưng". */
  ward_name: string;
  /** The ward's unit: the default of the leaders' calendar and the ranking. */
  unit_id: number | null;
  /** The emblem re-encoded as PNG, base64 (a few kilobytes); null for none. */
  emblem_png: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  /** "Chịu trách nhiệm nội dung: …", the line Vietnamese portals print in their footer. */
  editor_in_charge: string | null;
  updated_at: string;
}

export interface SiteTables {
  site_settings: SiteSettingsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends SiteTables {}
}
