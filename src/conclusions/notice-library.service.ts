/**
 * "Đăng lên thư viện văn bản": a notice issued in giaoban becomes a public document of the library in
 * one step, from its number, date, signer, issuing body and summary, with its original Word or PDF
 * file (or, for a notice typed in, the Word file giaoban writes for it). Idempotent: a notice is
 * published once, and publishing again returns the same document. Audited by the library's use case,
 * in the same transaction as the file's record.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { storeBytes } from "../core/files/files.service.js";
import { ForbiddenError } from "../core/http/errors.js";
import { DOCUMENT_FILE_TYPES } from "../documents/documents.model.js";
import { findDocumentIdBySource } from "../documents/documents.repo.js";
import { mayManageDocuments, publishToLibrary } from "../documents/documents.service.js";
import { getNoticeFor, mayEditNotice } from "./conclusions.service.js";

export const noticeSourceKey = (noticeId: number) => `notice:${noticeId}`;

/** The library's document made from this notice, if it was published. */
export function noticeDocumentId(db: Kysely<DB>, noticeId: number): Promise<number | undefined> {
  return findDocumentIdBySource(db, noticeSourceKey(noticeId));
}

/** May the actor publish the notice: correct it, and file documents of its issuing unit. */
export function mayPublishNotice(ctx: ActorContext, notice: { issuingUnitId: number }): boolean {
  return mayEditNotice(ctx, notice) && mayManageDocuments(ctx, notice.issuingUnitId);
}

export async function publishNoticeToLibrary(
  db: Kysely<DB>,
  dataDir: string,
  noticeId: number,
  ctx: ActorContext,
): Promise<{ id: number; created: boolean }> {
  const { notice, directives } = await getNoticeFor(db, noticeId, ctx);
  if (!mayPublishNotice(ctx, notice))
    throw new ForbiddenError("Bạn không có quyền đăng thông báo này lên thư viện văn bản.");
  return withTransaction(db, (trx) =>
    publishToLibrary(
      trx,
      noticeSourceKey(notice.id),
      async () => {
        let fileId = notice.sourceFileId;
        if (fileId === null) {
          // The Word writer (the `docx` package) is loaded on first use.
          const { noticeToDocx } = await import("./conclusion.docx.js");
          fileId = await storeBytes(trx, dataDir, {
            name: `Thông báo ${notice.number.replace(/\//g, "-")}.docx`,
            mimeType: DOCUMENT_FILE_TYPES.docx,
            bytes: await noticeToDocx(notice, directives),
            owner: { unitId: notice.issuingUnitId, userId: ctx.actor.userId, now: ctx.now },
          });
        }
        return {
          fileIds: [fileId],
          input: {
            unitId: notice.issuingUnitId,
            issuer: { unitId: notice.issuingUnitId, organisationId: null },
            issuingBody: notice.issuingBody,
            type: "notice",
            number: notice.number,
            title: notice.title,
            signerName: notice.signerName,
            signerTitle: notice.signerTitle,
            issuedOn: notice.issuedOn,
            effectiveOn: null,
            isPublic: true,
          },
        };
      },
      ctx,
    ),
  );
}
