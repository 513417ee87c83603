import type { Generated } from "kysely";

/**
 * Kysely table types of the document library, added to the app-wide `DB`.
 * Conventions as in core/db/schema.ts: dates `YYYY-MM-DD`, instants ISO-8601 UTC text, booleans 0/1,
 * codes in English (labels in documents.model.ts).
 */

/** A document (văn bản) of the library: number and symbol, type, issuing body, dates, summary. */
export interface DocumentsTable {
  id: Generated<number>;
  /** The unit whose library holds it: its office (or a unit above) manages it. */
  unit_id: number;
  /** A DocumentType of documents.model.ts. */
  type: string;
  number: string;
  /** The number folded for search: lower case, no accents, đ → d, no spaces ("136-tb/qu"). */
  number_key: string;
  title: string;
  /** The issuing unit and organisation, when the body is one of the registry's; null for outside bodies. */
  issuer_unit_id: number | null;
  issuer_organisation_id: number | null;
  issuing_body: string;
  signer_name: string | null;
  signer_title: string | null;
  issued_on: string;
  effective_on: string | null;
  is_public: number;
  /** What it was published from ("notice:12"); unique, so publishing twice finds the first. */
  source_key: string | null;
  /** Number, summary, body and signer folded (documents.rules.ts searchTextOf), for search. */
  search_text: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The files of a document (stored in core/files), in their order. */
export interface DocumentFilesTable {
  id: Generated<number>;
  document_id: number;
  file_id: number;
  sort_order: number;
}

export interface DocumentsTables {
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
}

declare module "../core/db/schema.js" {
  interface DB extends DocumentsTables {}
}
