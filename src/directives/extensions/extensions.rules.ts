/**
 * Deadline extensions (xin gia hạn) as pure rules: when a request may be made, what date it may ask
 * for, and the Vietnamese lines the directive's history keeps. The service loads the facts.
 */

import { formatDateVi, isIsoDate } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { type Deadline, lastDayCovered } from "../deadline.js";
import { deadlineText } from "../deadline-text.js";
import type { WorkflowState } from "../workflow.rules.js";

export const EXTENSION_STATUSES = ["pending", "granted", "refused"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const EXTENSION_DECISIONS = ["granted", "refused"] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  pending: "Chờ duyệt",
  granted: "Đồng ý gia hạn",
  refused: "Không đồng ý gia hạn",
};

/** The steps an extension writes into the directive's history (directive_reports.action). */
export const EXTENSION_HISTORY_LABELS: Record<string, string> = {
  request_extension: "Đề nghị gia hạn",
  grant_extension: "Đồng ý gia hạn",
  refuse_extension: "Không đồng ý gia hạn",
};

/** States in which the lead unit is still working, so a later deadline can matter. */
const WORKING: readonly WorkflowState[] = ["assigned", "received", "in_progress", "returned"];

/** The facts a request is judged on. */
export interface RequestFacts {
  state: WorkflowState;
  deadline: Pick<Deadline, "kind" | "date">;
  /** False once the lead unit no longer exists (its work waits for hand-over, not for a new date). */
  leadUnitLive: boolean;
  hasPending: boolean;
  /** Today in Vietnam, `YYYY-MM-DD`. */
  today: string;
}

/** Why a request or decision cannot go ahead: a 409 with a message, or 422 with field messages. */
export type Refusal = { conflict: string } | { fields: FieldErrors };

/** The directive's state refuses any request (409), or null. */
function stateRefusal(f: RequestFacts): string | null {
  if (f.state === "confirmed" || f.state === "cancelled") return "Nhiệm vụ đã kết thúc, không gia hạn được.";
  if (f.state === "submitted") return "Nhiệm vụ đã báo cáo hoàn thành, đang chờ xác nhận: không cần gia hạn.";
  if (!WORKING.includes(f.state)) return "Nhiệm vụ đang tạm dừng, không gia hạn được.";
  if (!f.leadUnitLive) return "Đơn vị chủ trì không còn tồn tại: nhiệm vụ chờ bàn giao, không gia hạn được.";
  if (lastDayCovered(f.deadline.kind, f.deadline.date) === null)
    return "Nhiệm vụ không có thời hạn cụ thể, không cần gia hạn.";
  if (f.hasPending) return "Nhiệm vụ đã có một đề nghị gia hạn đang chờ duyệt.";
  return null;
}

/**
 * Checks a request for a new last day `requestedDate` with `reason`: null when it may be made.
 * The date must be a real date, not in the past and after the current deadline's last day.
 */
export function checkRequest(f: RequestFacts, requestedDate: string, reason: string): Refusal | null {
  const conflict = stateRefusal(f);
  if (conflict) return { conflict };
  const fields: FieldErrors = {};
  const current = lastDayCovered(f.deadline.kind, f.deadline.date) as string;
  if (!isIsoDate(requestedDate)) fields.requestedDate = "Vui lòng chọn ngày đề nghị gia hạn.";
  else if (requestedDate < f.today)
    fields.requestedDate = "Ngày đề nghị gia hạn đã qua: vui lòng chọn một ngày từ hôm nay trở đi.";
  else if (requestedDate <= current)
    fields.requestedDate = `Ngày đề nghị gia hạn phải sau hạn hiện tại (${formatDateVi(current)}).`;
  if (!reason.trim()) fields.reason = "Vui lòng nêu lý do xin gia hạn.";
  return Object.keys(fields).length > 0 ? { fields } : null;
}

/** The facts a decision is judged on. */
export interface DecisionFacts {
  status: ExtensionStatus;
  state: WorkflowState;
  deadline: Pick<Deadline, "kind" | "date">;
  requestedDate: string;
}

/** Checks a decision with `reason`: null when it may be recorded. */
export function checkDecision(f: DecisionFacts, decision: ExtensionDecision, reason: string): Refusal | null {
  if (f.status !== "pending") return { conflict: "Đề nghị gia hạn này đã được xử lý." };
  if (f.state === "confirmed" || f.state === "cancelled")
    return { conflict: "Nhiệm vụ đã kết thúc, không gia hạn được." };
  if (!reason.trim())
    return {
      fields: {
        reason:
          decision === "granted"
            ? "Vui lòng nêu ý kiến khi đồng ý gia hạn."
            : "Vui lòng nêu lý do không đồng ý gia hạn.",
      },
    };
  const current = lastDayCovered(f.deadline.kind, f.deadline.date);
  if (decision === "granted" && current !== null && f.requestedDate <= current)
    return { conflict: `Hạn hiện tại (${formatDateVi(current)}) đã không sớm hơn ngày đề nghị.` };
  return null;
}

/** The deadline a grant sets: the requested day itself. */
export function grantedDeadline(requestedDate: string): Deadline {
  return { kind: "date", date: requestedDate, phrase: null };
}

/** "Đề nghị gia hạn đến ngày 30/06/2026 (hạn hiện tại: trước ngày 31/03/2026). Lý do: …" */
export function requestHistoryText(requestedDate: string, current: Deadline, reason: string): string {
  return `Đề nghị gia hạn đến ngày ${formatDateVi(requestedDate)} (hạn hiện tại: ${deadlineText(current)}). Lý do: ${reason.trim()}`;
}

/** "Đồng ý gia hạn đến ngày 30/06/2026 (hạn trước đó: …). Ý kiến: …" or the refusal. */
export function decisionHistoryText(
  decision: ExtensionDecision,
  requestedDate: string,
  current: Deadline,
  reason: string,
): string {
  const date = formatDateVi(requestedDate);
  return decision === "granted"
    ? `Đồng ý gia hạn đến ngày ${date} (hạn trước đó: ${deadlineText(current)}). Ý kiến: ${reason.trim()}`
    : `Không đồng ý gia hạn đến ngày ${date}; giữ hạn ${deadlineText(current)}. Lý do: ${reason.trim()}`;
}
