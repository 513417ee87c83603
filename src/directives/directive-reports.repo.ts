/** Progress reports and workflow decisions on directives, with their attached files. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface NewReport {
  directiveId: number;
  action: string;
  percent: number | null;
  text: string | null;
  fromState: string;
  toState: string;
  reportedBy: number | null;
  reporterName: string;
  at: Date;
  fileIds: number[];
  /** The reporter lets the text show on the published notice's public page. */
  isPublic?: boolean;
}

export async function insertReport(db: Kysely<DB>, r: NewReport): Promise<number> {
  const row = await db
    .insertInto("directive_reports")
    .values({
      directive_id: r.directiveId,
      action: r.action,
      percent: r.percent,
      text: r.text,
      from_state: r.fromState,
      to_state: r.toState,
      reported_by: r.reportedBy,
      reporter_name: r.reporterName,
      at: r.at.toISOString(),
      is_public: r.isPublic ? 1 : 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (r.fileIds.length > 0) {
    await db
      .insertInto("directive_report_files")
      .values(r.fileIds.map((fileId) => ({ report_id: row.id, file_id: fileId })))
      .execute();
  }
  return row.id;
}

export interface ReportRow {
  id: number;
  action: string;
  percent: number | null;
  text: string | null;
  fromState: string;
  toState: string;
  reporterName: string;
  at: string;
  isPublic: boolean;
  files: { id: number; name: string; byteSize: number }[];
}

/** The history of a directive, oldest first. */
export async function listReports(db: Kysely<DB>, directiveId: number): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom("directive_reports")
    .selectAll()
    .where("directive_id", "=", directiveId)
    .orderBy("id")
    .execute();
  const ids = rows.map((r) => r.id);
  const files =
    ids.length === 0
      ? []
      : await db
          .selectFrom("directive_report_files as rf")
          .innerJoin("session_files as f", "f.id", "rf.file_id")
          .select(["rf.report_id", "f.id", "f.original_name", "f.byte_size"])
          .where("rf.report_id", "in", ids)
          .orderBy("f.id")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    percent: r.percent,
    text: r.text,
    fromState: r.from_state,
    toState: r.to_state,
    reporterName: r.reporter_name,
    at: r.at,
    isPublic: r.is_public === 1,
    files: files
      .filter((f) => f.report_id === r.id)
      .map((f) => ({ id: f.id, name: f.original_name, byteSize: f.byte_size })),
  }));
}

/** A report readers of a published notice may see: its text, percent and date, never its author. */
export interface PublicReportRow {
  directiveId: number;
  action: string;
  percent: number | null;
  text: string;
  at: string;
}

/** The reports marked public (with a text) of these directives, oldest first. */
export async function listPublicReports(
  db: Kysely<DB>,
  directiveIds: readonly number[],
): Promise<PublicReportRow[]> {
  if (directiveIds.length === 0) return [];
  const rows = await db
    .selectFrom("directive_reports")
    .select(["directive_id", "action", "percent", "text", "at"])
    .where("directive_id", "in", [...directiveIds])
    .where("is_public", "=", 1)
    .where("text", "is not", null)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    directiveId: r.directive_id,
    action: r.action,
    percent: r.percent,
    text: r.text ?? "",
    at: r.at,
  }));
}
