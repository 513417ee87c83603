import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/**
 * The extension point of the open-data catalogue (`/du-lieu-mo`, `/du-lieu-mo/catalog.jsonld`). The
 * rooms that hold public data (targets' approved results through the portal, directives' progress, the
 * document library) each add a dataset without the portal importing them: the composition root hands
 * their datasets to `registerPortalRoutes` (src/app/create-app.tsx), as it does the dashboard cards.
 *
 * A dataset holds only what anyone may read: its `load` never looks at who asks.
 */

/** A cell of a dataset: text, a number, or nothing. Dates are `YYYY-MM-DD` text. */
export type DatasetValue = string | number | null;

export interface DatasetColumn {
  /** The column's name in CSV, JSON and XLSX: ASCII, stable ("chi_tieu"). */
  key: string;
  /** Its Vietnamese heading on the page and in the XLSX ("Chỉ tiêu"). */
  label: string;
  /** A code for machines (THU_NS): in the files, left out of the page's preview table. */
  code?: boolean;
}

export interface DatasetTable {
  columns: readonly DatasetColumn[];
  rows: Record<string, DatasetValue>[];
  /** The latest change among the rows (ISO-8601 instant), or null when there is no row. */
  modified: string | null;
}

export interface CatalogueDataset {
  /** The dataset's address and file name: lowercase ASCII words and hyphens ("ket-qua-chi-tieu"). */
  key: string;
  title: string;
  description: string;
  keywords: readonly string[];
  /** The theme in words ("Kinh tế - xã hội", "Chỉ đạo, điều hành"). */
  theme: string;
  /** A page where people read the same data, if any. */
  landingPage?: string;
  load(db: Kysely<DB>, now: Date): Promise<DatasetTable>;
}

export interface OpenDataExtensions {
  /** In page order. */
  datasets: readonly CatalogueDataset[];
}
