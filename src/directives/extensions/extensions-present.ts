/** What leaves the server about an extension request: a whitelist of fields. */
import type { ExtensionRecord } from "./extensions.repo.js";

export function presentExtension(e: ExtensionRecord) {
  return {
    id: e.id,
    directiveId: e.directiveId,
    requestedDate: e.requestedDate,
    reason: e.reason,
    status: e.status,
    requesterName: e.requesterName,
    requestedAt: e.requestedAt,
    deciderName: e.deciderName,
    decidedAt: e.decidedAt,
    decisionReason: e.decisionReason,
    previousDeadline: e.previousDeadline,
  };
}
