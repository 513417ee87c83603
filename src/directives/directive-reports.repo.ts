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
    files: files
      .filter((f) => f.report_id === r.id)
      .map((f) => ({ id: f.id, name: f.original_name, byteSize: f.byte_size })),
  }));
}
