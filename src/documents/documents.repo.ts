/** SQL of the document library: documents, their files, the filters of the public list. */
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { unitDisplayName } from "../units/unit-labels.js";
import type { DocumentFile, DocumentRecord } from "./documents.model.js";
import { likeAnywhere } from "./documents.rules.js";

export interface DocumentRow {
  unitId: number;
  type: string;
  number: string;
  numberKey: string;
  title: string;
  issuerUnitId: number | null;
  issuerOrganisationId: number | null;
  issuingBody: string;
  signerName: string | null;
  signerTitle: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  isPublic: boolean;
  searchText: string;
}

function columns(d: DocumentRow) {
  return {
    unit_id: d.unitId,
    type: d.type,
    number: d.number,
    number_key: d.numberKey,
    title: d.title,
    issuer_unit_id: d.issuerUnitId,
    issuer_organisation_id: d.issuerOrganisationId,
    issuing_body: d.issuingBody,
    signer_name: d.signerName,
    signer_title: d.signerTitle,
    issued_on: d.issuedOn,
    effective_on: d.effectiveOn,
    is_public: d.isPublic ? 1 : 0,
    search_text: d.searchText,
  };
}

export async function insertDocument(
  db: Kysely<DB>,
  d: DocumentRow & { sourceKey: string | null; createdBy: number | null; now: Date },
): Promise<number> {
  const at = d.now.toISOString();
  const row = await db
    .insertInto("documents")
    .values({
      ...columns(d),
      source_key: d.sourceKey,
      created_by: d.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDocument(db: Kysely<DB>, id: number, d: DocumentRow, now: Date): Promise<void> {
  await db
    .updateTable("documents")
    .set({ ...columns(d), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Appends files after the document's last one. */
export async function addDocumentFiles(db: Kysely<DB>, documentId: number, fileIds: number[]): Promise<void> {
  if (fileIds.length === 0) return;
  const last = await db
    .selectFrom("document_files")
    .select((eb) => eb.fn.max("sort_order").as("n"))
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  const start = Number(last?.n ?? 0);
  await db
    .insertInto("document_files")
    .values(
      fileIds.map((fileId, i) => ({ document_id: documentId, file_id: fileId, sort_order: start + i + 1 })),
    )
    .execute();
}

export async function removeDocumentFiles(
  db: Kysely<DB>,
  documentId: number,
  fileIds: number[],
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .deleteFrom("document_files")
    .where("document_id", "=", documentId)
    .where("file_id", "in", fileIds)
    .execute();
}

const SELECT = [
  "documents.id",
  "documents.unit_id",
  "documents.type",
  "documents.number",
  "documents.title",
  "documents.issuer_unit_id",
  "documents.issuer_organisation_id",
  "documents.issuing_body",
  "documents.signer_name",
  "documents.signer_title",
  "documents.issued_on",
  "documents.effective_on",
  "documents.is_public",
  "documents.source_key",
  "documents.created_at",
  "documents.updated_at",
] as const;

type SelectedRow = {
  id: number;
  unit_id: number;
  type: string;
  number: string;
  title: string;
  issuer_unit_id: number | null;
  issuer_organisation_id: number | null;
  issuing_body: string;
  signer_name: string | null;
  signer_title: string | null;
  issued_on: string;
  effective_on: string | null;
  is_public: number;
  source_key: string | null;
  created_at: string;
  updated_at: string;
};

function toRecord(r: SelectedRow, files: DocumentFile[]): DocumentRecord {
  return {
    id: r.id,
    unitId: r.unit_id,
    type: r.type,
    number: r.number,
    title: r.title,
    issuer:
      r.issuer_unit_id === null
        ? null
        : { unitId: r.issuer_unit_id, organisationId: r.issuer_organisation_id },
    issuingBody: r.issuing_body,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    issuedOn: r.issued_on,
    effectiveOn: r.effective_on,
    isPublic: r.is_public === 1,
    sourceKey: r.source_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    files,
  };
}

async function filesOf(db: Kysely<DB>, documentIds: number[]): Promise<Map<number, DocumentFile[]>> {
  const byDocument = new Map<number, DocumentFile[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .selectFrom("document_files")
    .innerJoin("session_files", "session_files.id", "document_files.file_id")
    .select([
      "document_files.document_id",
      "session_files.id",
      "session_files.original_name",
      "session_files.mime_type",
      "session_files.byte_size",
    ])
    .where("document_files.document_id", "in", documentIds)
    .orderBy("document_files.sort_order")
    .orderBy("document_files.id")
    .execute();
  for (const r of rows)
    byDocument.set(r.document_id, [
      ...(byDocument.get(r.document_id) ?? []),
      { id: r.id, name: r.original_name, mimeType: r.mime_type, byteSize: r.byte_size },
    ]);
  return byDocument;
}

export async function findDocument(db: Kysely<DB>, id: number): Promise<DocumentRecord | undefined> {
  const row = await db.selectFrom("documents").select(SELECT).where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row, (await filesOf(db, [id])).get(id) ?? []);
}

export async function findDocumentIdBySource(db: Kysely<DB>, sourceKey: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("source_key", "=", sourceKey)
    .executeTakeFirst();
  return row?.id;
}

export interface DocumentFilter {
  /** Folded words (documents.rules.ts searchTextOf) and the query's number key. */
  text?: { folded: string; numberKey: string };
  type?: string;
  /** The issuing body's name, exactly. */
  body?: string;
  year?: number;
  /**
   * Only public documents (visitors), or the documents of these units ("all": a system admin), with
   * the public ones of other units too when `orPublic`.
   */
  scope: "public" | { units: "all" | number[]; orPublic?: boolean };
}

/**
 * Documents matching the filter: a number equal to the query's first, then a number containing it,
 * then the rest; each group newest first (date of issue, then id).
 */
export async function listDocuments(
  db: Kysely<DB>,
  filter: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DocumentRecord[]; total: number }> {
  let q = db.selectFrom("documents");
  const scope = filter.scope;
  if (scope === "public") q = q.where("documents.is_public", "=", 1);
  else if (scope.units !== "all") {
    const units = scope.units;
    if (units.length === 0 && !scope.orPublic) return { rows: [], total: 0 };
    q = q.where((eb) =>
      eb.or([
        ...(units.length > 0 ? [eb("documents.unit_id", "in", units)] : []),
        ...(scope.orPublic ? [eb("documents.is_public", "=", 1)] : []),
      ]),
    );
  }
  if (filter.type) q = q.where("documents.type", "=", filter.type);
  if (filter.body) q = q.where("documents.issuing_body", "=", filter.body);
  if (filter.year !== undefined)
    q = q
      .where("documents.issued_on", ">=", `${filter.year}-01-01`)
      .where("documents.issued_on", "<=", `${filter.year}-12-31`);
  const text = filter.text;
  if (text)
    q = q.where((eb) =>
      eb.or([
        eb("documents.number_key", "=", text.numberKey),
        sql<boolean>`documents.number_key LIKE ${likeAnywhere(text.numberKey)} ESCAPE '\\'`,
        sql<boolean>`documents.search_text LIKE ${likeAnywhere(text.folded)} ESCAPE '\\'`,
      ]),
    );
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  let ordered = q.select(SELECT);
  if (text)
    ordered = ordered.orderBy(
      sql`CASE WHEN documents.number_key = ${text.numberKey} THEN 0 WHEN documents.number_key LIKE ${likeAnywhere(text.numberKey)} ESCAPE '\\' THEN 1 ELSE 2 END`,
    );
  const rows = await ordered
    .orderBy("documents.issued_on", "desc")
    .orderBy("documents.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toRecord(r, files.get(r.id) ?? [])), total: Number(count.n) };
}

/** The issuing bodies and years of public documents, for the filters of the public list. */
export async function publicFacets(db: Kysely<DB>): Promise<{ bodies: string[]; years: number[] }> {
  const [bodies, dates] = await Promise.all([
    db
      .selectFrom("documents")
      .select("issuing_body")
      .distinct()
      .where("is_public", "=", 1)
      .orderBy("issuing_body")
      .execute(),
    db.selectFrom("documents").select("issued_on").where("is_public", "=", 1).execute(),
  ]);
  const years = [...new Set(dates.map((d) => Number(d.issued_on.slice(0, 4))))].sort((a, b) => b - a);
  return { bodies: bodies.map((b) => b.issuing_body), years };
}

/** The newest public documents by when they entered the library, for the feed. */
export async function listNewPublicDocuments(db: Kysely<DB>, limit: number): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom("documents")
    .select(SELECT)
    .where("is_public", "=", 1)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, files.get(r.id) ?? []));
}

/** Every public document, oldest first, with its files' changes counted in (the open-data set). */
export async function listAllPublicDocuments(db: Kysely<DB>): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom("documents")
    .select(SELECT)
    .where("is_public", "=", 1)
    .orderBy("issued_on")
    .orderBy("id")
    .execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, files.get(r.id) ?? []));
}

/** The printed name of a registry party: the organisation's name, or the unit's ("Phường Việt Hưng"). */
export async function issuerName(
  db: Kysely<DB>,
  issuer: { unitId: number; organisationId: number | null },
): Promise<string | null> {
  if (issuer.organisationId !== null) {
    const org = await db
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", issuer.organisationId)
      .executeTakeFirst();
    return org?.name ?? null;
  }
  const unit = await db
    .selectFrom("units")
    .select(["name", "level"])
    .where("id", "=", issuer.unitId)
    .executeTakeFirst();
  return unit ? unitDisplayName(unit) : null;
}

/** Another document of the same number, body and year, if any. */
export async function numberTakenBy(
  db: Kysely<DB>,
  d: Pick<DocumentRow, "numberKey" | "issuingBody" | "issuedOn">,
  exceptId: number | null,
): Promise<number | undefined> {
  const year = d.issuedOn.slice(0, 4);
  let q = db
    .selectFrom("documents")
    .select("id")
    .where("number_key", "=", d.numberKey)
    .where("issuing_body", "=", d.issuingBody)
    .where("issued_on", ">=", `${year}-01-01`)
    .where("issued_on", "<=", `${year}-12-31`);
  if (exceptId !== null) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst())?.id;
}
