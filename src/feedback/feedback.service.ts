/**
 * A citizen sends a feedback, and anyone follows it by its code. The sender acts with no account: the
 * checks against abuse (honeypot, per-address limit, proof of work or the no-JavaScript sum) run
 * first, then the fields, then everything is written in one transaction (the feedback, its photos'
 * records and the audit event). The public view of a feedback carries nothing of its sender.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { storeUpload } from "../core/files/files.service.js";
import { type CleanPhoto, cleanPhoto, PhotoRefused } from "../core/files/photo.service.js";
import { vnDateString } from "../core/format/vi-date.js";
import { AppError, NotFoundError, TooManyRequestsError, ValidationError } from "../core/http/errors.js";
import { listUnitsValidAt } from "../units/units.repo.js";
import { answerDueDate } from "./answer-deadline.rules.js";
import type { FeedbackState, FeedbackTopic } from "./feedback.model.js";
import {
  codeExists,
  type FeedbackRecord,
  findFeedbackByCode,
  insertFeedback,
  insertFeedbackPhotos,
  senderStats,
} from "./feedback.repo.js";
import { DAY_MS, HOUR_MS, rateDecision } from "./feedback-abuse.rules.js";
import { codeFromBytes, normaliseCode } from "./feedback-code.rules.js";
import { checkFeedback, type FeedbackDraft } from "./feedback-input.rules.js";
import { verifyPow, verifySumAnswer } from "./proof-of-work.js";

/** Levels of the units that take citizens' feedback. */
export const FEEDBACK_LEVELS = ["ward", "commune", "town"];

export interface FeedbackUpload {
  name: string;
  bytes: Uint8Array;
}

/** How the sender proved to be a person: an ALTCHA payload, or the answer to the sum. */
export type HumanProof =
  | { kind: "pow"; payload: unknown }
  | { kind: "sum"; token: string; answer: number | null };

export interface FeedbackSubmission extends Omit<FeedbackDraft, "photoCount"> {
  /** The honeypot: people leave it empty. */
  honeypot: string;
  proof: HumanProof;
  photos: FeedbackUpload[];
}

export interface SubmitDeps {
  dataDir: string;
  sessionSecret: string;
  now: Date;
  ip: string;
}

/** The wards and communes that exist today: the choices of the form's picker. */
export async function currentWards(
  db: Kysely<DB>,
  today: string,
): Promise<{ id: number; name: string; level: string }[]> {
  const units = await listUnitsValidAt(db, today);
  return units
    .filter((u) => FEEDBACK_LEVELS.includes(u.level))
    .map((u) => ({ id: u.id, name: u.name, level: u.level }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** The per-address key: a keyed hash, so the table never holds a sender's address. */
function senderKeyOf(sessionSecret: string, ip: string): string {
  return createHmac("sha256", sessionSecret).update(`feedback-sender:${ip}`).digest("hex").slice(0, 32);
}

/** Refusal of a submission that a person would not make (honeypot filled, no proof of work). */
export class NotAPersonError extends AppError {
  constructor(field: string, message: string) {
    super(422, "validation_failed", message, { [field]: message });
  }
}

async function newCode(db: Kysely<DB>): Promise<string> {
  for (let i = 0; i < 10; i += 1) {
    const code = codeFromBytes(randomBytes(16));
    if (code && !(await codeExists(db, code))) return code;
  }
  throw new Error("no free feedback code after 10 tries");
}

async function cleanPhotos(photos: FeedbackUpload[]): Promise<CleanPhoto[]> {
  const fields: Record<string, string> = {};
  const out: CleanPhoto[] = [];
  for (const [i, photo] of photos.entries()) {
    try {
      out.push(await cleanPhoto(photo.bytes));
    } catch (error) {
      if (!(error instanceof PhotoRefused)) throw error;
      fields[`photos.${i}`] = `Ảnh ${i + 1} (${photo.name || "không tên"}): ${error.message}`;
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return out;
}

/** Records a citizen's feedback; returns its tracking code. */
export async function submitFeedback(
  db: Kysely<DB>,
  input: FeedbackSubmission,
  deps: SubmitDeps,
): Promise<string> {
  if (input.honeypot.trim() !== "")
    throw new NotAPersonError("website", "Không gửi được phản ánh: trường này phải để trống.");
  const senderKey = senderKeyOf(deps.sessionSecret, deps.ip);
  const at = deps.now.getTime();
  const stats = await senderStats(
    db,
    senderKey,
    new Date(at - HOUR_MS).toISOString(),
    new Date(at - DAY_MS).toISOString(),
  );
  const rate = rateDecision(stats, deps.now);
  if (!rate.allowed) throw new TooManyRequestsError(rate.message, rate.retryAfterSeconds);

  const checked = checkFeedback({ ...input, photoCount: input.photos.length });
  if (!checked.ok) throw new ValidationError(checked.fields);
  const today = vnDateString(deps.now);
  const wards = await currentWards(db, today);
  if (!wards.some((w) => w.id === checked.value.unitId))
    throw new ValidationError({
      unitId: "Phường, xã này không nhận phản ánh (không còn tồn tại hoặc không phải cấp xã).",
    });
  const photos = await cleanPhotos(input.photos);

  const proved =
    input.proof.kind === "pow"
      ? await verifyPow(deps.sessionSecret, input.proof.payload)
      : verifySumAnswer(deps.sessionSecret, input.proof.token, input.proof.answer, deps.now);
  if (!proved)
    throw input.proof.kind === "pow"
      ? new NotAPersonError(
          "altcha",
          "Chưa xác minh được bạn không phải máy tự động. Vui lòng xác minh lại rồi gửi.",
        )
      : new NotAPersonError(
          "sumAnswer",
          "Câu trả lời chưa đúng hoặc câu hỏi đã hết hạn. Vui lòng trả lời câu hỏi mới.",
        );

  return withTransaction(db, async (trx) => {
    const code = await newCode(trx);
    const fileIds: number[] = [];
    for (const [i, photo] of photos.entries()) {
      const file = new File([new Uint8Array(photo.data)], `phan-anh-${code}-${i + 1}.${photo.extension}`, {
        type: photo.mimeType,
      });
      const id = await storeUpload(trx, deps.dataDir, file, {
        unitId: checked.value.unitId,
        userId: null,
        now: deps.now,
      });
      if (id !== null) fileIds.push(id);
    }
    const id = await insertFeedback(trx, {
      ...checked.value,
      code,
      answerDue: answerDueDate(today),
      senderKey,
      now: deps.now,
    });
    await insertFeedbackPhotos(trx, id, fileIds);
    await recordAudit(trx, {
      actor: null,
      action: "create",
      entityType: "feedback",
      entityId: id,
      unitId: checked.value.unitId,
      // The audit log is read by the ward's officers: what was sent, without the sender's contact.
      after: {
        code,
        topic: checked.value.topic,
        place: checked.value.place,
        photos: fileIds.length,
        channel: "public",
      },
      at: deps.now,
      ip: null,
    });
    return code;
  });
}

/** What anyone holding the code may see: no name, no contact, the answer only if the ward published it. */
export interface PublicFeedback {
  code: string;
  unitName: string;
  topic: FeedbackTopic;
  place: string;
  state: FeedbackState;
  receivedAt: string;
  answerDue: string;
  answer: string | null;
  answeredAt: string | null;
}

export function presentPublic(f: FeedbackRecord): PublicFeedback {
  const published = f.answerPublic && f.visibility === "visible" && f.answer !== null;
  return {
    code: f.code,
    unitName: f.unitName,
    topic: f.topic,
    place: f.visibility === "visible" ? f.place : "",
    state: f.state,
    receivedAt: f.createdAt,
    answerDue: f.answerDue,
    answer: published ? f.answer : null,
    answeredAt: published ? f.answeredAt : null,
  };
}

/** The public view of the feedback with this code (as typed: case and dashes do not matter). */
export async function trackFeedback(db: Kysely<DB>, typedCode: string): Promise<PublicFeedback> {
  const code = normaliseCode(typedCode);
  const found = code ? await findFeedbackByCode(db, code) : undefined;
  if (!found) throw new NotFoundError("Không tìm thấy phản ánh có mã này. Vui lòng kiểm tra lại mã.");
  return presentPublic(found);
}
