/**
 * Use cases of the document library: file a document, correct it, attach files, publish one made in
 * giaoban (idempotent), and read what a caller may see. Each change is authorised by the central
 * policy (`document.manage` on the unit whose library holds it, or a unit above) and audited in the
 * same transaction; a refused change writes nothing.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { type Actor, authorize, can, grantedRoots } from "../core/access/policy.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { isIsoDate } from "../core/format/vi-date.js";
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from "../core/http/errors.js";
import { foldVietnamese } from "../core/text/fold.js";
import { partyAt } from "../units/parties.rules.js";
import { partyErrorsAt } from "../units/parties.service.js";
import { type DocumentRecord, isDocumentType } from "./documents.model.js";
import {
  addDocumentFiles,
  type DocumentFilter,
  type DocumentRow,
  findDocument,
  findDocumentIdBySource,
  insertDocument,
  issuerName,
  listDocuments,
  numberTakenBy,
  removeDocumentFiles,
  updateDocument,
} from "./documents.repo.js";
import { numberKey, searchTextOf } from "./documents.rules.js";

export interface DocumentInput {
  /** The unit whose library holds it; when null, the issuer's unit. */
  unitId: number | null;
  /** The issuing unit or organisation from the registry; null for an outside body named in `issuingBody`. */
  issuer: { unitId: number; organisationId: number | null } | null;
  /** The issuing body's name; empty with an issuer takes the issuer's name. */
  issuingBody: string;
  type: string;
  number: string;
  title: string;
  signerName: string | null;
  signerTitle: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  isPublic: boolean;
}

type Ctx = ActorContext<Actor | null>;

/** May the actor manage the library of `unitId` (its own unit's, or a unit's below it)? */
export function mayManageDocuments(ctx: Ctx, unitId: number): boolean {
  return can(
    ctx.actor,
    "document.manage",
    { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) },
    ctx.today,
  );
}

/** The units whose libraries the actor manages ("all" for a system admin). */
export function managedUnits(ctx: Ctx): "all" | number[] {
  const roots = grantedRoots(ctx.actor, "document.manage", ctx.today);
  return roots === "all" ? "all" : ctx.hierarchy.unitIdsUnder(roots, ctx.today);
}

/** Checks the input and resolves the issuing body's name: a row to write, or every field's message. */
async function rowOf(db: Kysely<DB>, input: DocumentInput, ctx: Ctx): Promise<DocumentRow> {
  const fields: FieldErrors = {};
  if (!isDocumentType(input.type)) fields.type = "Chọn loại văn bản.";
  if (!input.number.trim()) fields.number = "Vui lòng nhập số, ký hiệu của văn bản.";
  if (!input.title.trim()) fields.title = "Vui lòng nhập trích yếu nội dung.";
  if (!isIsoDate(input.issuedOn)) fields.issuedOn = "Vui lòng nhập ngày ban hành có thật.";
  if (input.effectiveOn !== null && !isIsoDate(input.effectiveOn))
    fields.effectiveOn = "Ngày có hiệu lực không hợp lệ.";
  else if (input.effectiveOn !== null && isIsoDate(input.issuedOn) && input.effectiveOn < input.issuedOn)
    fields.effectiveOn = "Ngày có hiệu lực không được trước ngày ban hành.";
  const unitId = input.unitId ?? input.issuer?.unitId ?? null;
  if (!input.issuer && !input.issuingBody.trim())
    fields.issuingBody = "Chọn cơ quan ban hành, hoặc nhập tên cơ quan bên ngoài.";
  if (unitId === null) fields.unitId = "Chọn đơn vị lưu văn bản này.";
  if (input.issuer && isIsoDate(input.issuedOn))
    Object.assign(
      fields,
      await partyErrorsAt(db, ctx.hierarchy, [partyAt("issuer", input.issuer)], input.issuedOn),
    );
  if (unitId !== null && !ctx.hierarchy.unit(unitId)) fields.unitId = "Không có đơn vị này.";
  if (Object.keys(fields).length > 0 || unitId === null) throw new ValidationError(fields);
  const issuingBody =
    input.issuingBody.trim() || (input.issuer ? ((await issuerName(db, input.issuer)) ?? "") : "");
  const row = {
    unitId,
    type: input.type,
    number: input.number.trim(),
    numberKey: numberKey(input.number),
    title: input.title.trim(),
    issuerUnitId: input.issuer?.unitId ?? null,
    issuerOrganisationId: input.issuer?.organisationId ?? null,
    issuingBody,
    signerName: input.signerName?.trim() || null,
    signerTitle: input.signerTitle?.trim() || null,
    issuedOn: input.issuedOn,
    effectiveOn: input.effectiveOn,
    isPublic: input.isPublic,
  };
  return { ...row, searchText: searchTextOf(row) };
}

function authorizeOn(ctx: Ctx, unitId: number): void {
  authorize(
    ctx.actor,
    "document.manage",
    { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) },
    ctx.today,
  );
}

/** Refuses a second document of the same number from the same body in the same year. */
async function refuseDuplicate(db: Kysely<DB>, row: DocumentRow, exceptId: number | null): Promise<void> {
  const other = await numberTakenBy(db, row, exceptId);
  if (other !== undefined)
    throw new ConflictError(
      `Thư viện đã có văn bản số ${row.number} của ${row.issuingBody} năm ${row.issuedOn.slice(0, 4)}.`,
      {
        number: "Số, ký hiệu này đã có trong thư viện (cùng cơ quan ban hành, cùng năm).",
      },
    );
}

/** Files a new document; `fileIds` are stored files (core/files) to attach. Returns its id. */
export async function createDocument(
  db: Kysely<DB>,
  input: DocumentInput,
  ctx: Ctx,
  extra: { fileIds?: number[]; sourceKey?: string | null } = {},
): Promise<number> {
  const row = await rowOf(db, input, ctx);
  authorizeOn(ctx, row.unitId);
  return withTransaction(db, async (trx) => {
    await refuseDuplicate(trx, row, null);
    const id = await insertDocument(trx, {
      ...row,
      sourceKey: extra.sourceKey ?? null,
      createdBy: ctx.actor?.userId ?? null,
      now: ctx.now,
    });
    await addDocumentFiles(trx, id, extra.fileIds ?? []);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "document",
      entityId: id,
      unitId: row.unitId,
      after: await findDocument(trx, id),
      ip: ctx.ip,
      at: ctx.now,
    });
    return id;
  });
}

/** Corrects a document (the whole record as given), adds and removes files; audited with before and after. */
export async function editDocument(
  db: Kysely<DB>,
  id: number,
  input: DocumentInput,
  ctx: Ctx,
  files: { add?: number[]; remove?: number[] } = {},
): Promise<void> {
  const before = await findDocument(db, id);
  if (!before || !mayManageDocuments(ctx, before.unitId))
    throw new NotFoundError("Không tìm thấy văn bản này.");
  const row = await rowOf(db, { ...input, unitId: input.unitId ?? before.unitId }, ctx);
  // Moving a document to another library needs the right there too.
  authorizeOn(ctx, row.unitId);
  await withTransaction(db, async (trx) => {
    await refuseDuplicate(trx, row, id);
    await updateDocument(trx, id, row, ctx.now);
    await removeDocumentFiles(trx, id, files.remove ?? []);
    await addDocumentFiles(trx, id, files.add ?? []);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "document",
      entityId: id,
      unitId: row.unitId,
      before,
      after: await findDocument(trx, id),
      ip: ctx.ip,
      at: ctx.now,
    });
  });
}

/**
 * Publishes a record of giaoban (a conclusion notice: `sourceKey` "notice:12") to the library once:
 * the first call files it, every later one returns the same document and writes nothing.
 */
export async function publishToLibrary(
  db: Kysely<DB>,
  sourceKey: string,
  make: () => Promise<{ input: DocumentInput; fileIds: number[] }>,
  ctx: Ctx,
): Promise<{ id: number; created: boolean }> {
  const existing = await findDocumentIdBySource(db, sourceKey);
  if (existing !== undefined) return { id: existing, created: false };
  const { input, fileIds } = await make();
  const id = await createDocument(db, input, ctx, { fileIds, sourceKey });
  return { id, created: true };
}

/** The document a caller may see: public ones for everyone, the others for those who manage them. */
export async function getDocumentFor(db: Kysely<DB>, id: number, ctx: Ctx): Promise<DocumentRecord> {
  const d = await findDocument(db, id);
  if (!d || (!d.isPublic && !mayManageDocuments(ctx, d.unitId)))
    throw new NotFoundError("Không tìm thấy văn bản này.");
  return d;
}

export interface DocumentSearch {
  q?: string;
  type?: string;
  body?: string;
  year?: number;
  page: number;
}

export const DOCUMENTS_PAGE_SIZE = 20;

/** A page of the documents matching a search, within `scope` (documents.repo.ts DocumentFilter). */
export function searchDocuments(db: Kysely<DB>, s: DocumentSearch, scope: DocumentFilter["scope"]) {
  const q = s.q?.trim() ?? "";
  return listDocuments(
    db,
    {
      ...(q ? { text: { folded: foldVietnamese(q), numberKey: numberKey(q) } } : {}),
      ...(s.type ? { type: s.type } : {}),
      ...(s.body ? { body: s.body } : {}),
      ...(s.year !== undefined ? { year: s.year } : {}),
      scope,
    },
    { limit: DOCUMENTS_PAGE_SIZE, offset: (s.page - 1) * DOCUMENTS_PAGE_SIZE },
  );
}
