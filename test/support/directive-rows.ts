/**
 * Rows written straight into the tables, beside the repositories (as an import or an older version
 * would have written them): for migration and follow-up tests.
 */
import type { DeadlineKind } from "../../src/directives/deadline.js";
import { dayOf, deadlineColumns } from "../../src/directives/directives.model.js";

const AT = "2020-01-02T00:00:00.000Z";

/** A directive row: lead and assigning unit, state, deadline and submission; the rest empty. */
export function directiveRow(d: {
  leadUnitId: number;
  assigningUnitId: number;
  state: string;
  kind: DeadlineKind;
  date: string | null;
  submittedAt?: string | null;
  assignerName?: string | null;
}) {
  const submittedAt = d.submittedAt ?? null;
  return {
    notice_id: null,
    item_id: null,
    parent_id: null,
    proposal_id: null,
    title: "Nhiệm vụ",
    lead_unit_id: d.leadUnitId,
    lead_organisation_id: null,
    assigning_unit_id: d.assigningUnitId,
    assigner_person_id: null,
    assigner_name: d.assignerName ?? null,
    deadline_kind: d.kind,
    deadline_date: d.date,
    deadline_phrase: null,
    ...deadlineColumns(d.kind, d.date),
    state: d.state,
    state_before_pause: null,
    progress_percent: 0,
    submitted_at: submittedAt,
    submitted_day: dayOf(submittedAt),
    confirmed_at: d.state === "confirmed" ? submittedAt : null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
  };
}

/** A conclusion notice row of a unit. */
export function noticeRow(issuingUnitId: number, number: string) {
  return {
    session_id: null,
    number,
    issued_on: "2020-01-02",
    issuing_unit_id: issuingUnitId,
    issuing_body: "UBND",
    parent_body: null,
    place_name: "Hà Nội",
    title: "Thông báo kết luận",
    preamble: null,
    signer_person_id: null,
    signer_name: "Chủ tịch",
    signer_title: "Chủ tịch",
    signing_authority: null,
    recipients: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
  };
}
