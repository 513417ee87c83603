/**
 * The words for the codes each room stores, collected for the change log (accounts shows the log but
 * may not import the rooms above it): "in_progress" reads "Đang thực hiện", "submitted" "Đã gửi duyệt".
 */
import type { AuditValueLabels } from "../accounts/audit-changes.rules.js";
import { DEADLINE_KIND_LABELS } from "../directives/directives.model.js";
import { PROPOSAL_STATUS_LABELS } from "../directives/proposals/proposals.repo.js";
import { WORKFLOW_STATES, workflowStateLabel } from "../directives/workflow.rules.js";
import { QUALITY_LEVEL_LABELS } from "../emulation/awards/quality-level.rules.js";
import {
  FEEDBACK_STATE_LABELS,
  FEEDBACK_TOPIC_LABELS,
  FEEDBACK_VISIBILITY_LABELS,
} from "../feedback/feedback.model.js";
import { SESSION_KIND_LABELS } from "../sessions/sessions.model.js";
import {
  AGGREGATION_LABELS,
  COMPARISON_LABELS,
  DIRECTION_LABELS,
  STATUS_LABELS,
  VALUE_TYPE_LABELS,
  VERSION_LABELS,
} from "../targets/catalogue/indicator.model.js";

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

const DIRECTIVE_STATES = Object.fromEntries(
  WORKFLOW_STATES.map((s) => [s, capitalised(workflowStateLabel(s))]),
);

const INDICATOR = {
  valueType: VALUE_TYPE_LABELS,
  direction: DIRECTION_LABELS,
  comparison: COMPARISON_LABELS,
  aggregation: AGGREGATION_LABELS,
};

export const AUDIT_VALUE_LABELS: AuditValueLabels = {
  directive: { state: DIRECTIVE_STATES, kind: DEADLINE_KIND_LABELS },
  proposal: { status: PROPOSAL_STATUS_LABELS },
  result: { status: STATUS_LABELS, version: VERSION_LABELS },
  indicator: INDICATOR,
  target: { aggregation: AGGREGATION_LABELS },
  quality_rating: { level: QUALITY_LEVEL_LABELS, scoreLevel: QUALITY_LEVEL_LABELS },
  working_session: { kind: SESSION_KIND_LABELS },
  feedback: {
    state: FEEDBACK_STATE_LABELS,
    topic: FEEDBACK_TOPIC_LABELS,
    visibility: FEEDBACK_VISIBILITY_LABELS,
  },
};
