/**
 * The workflow of a directive (nhiệm vụ): who may move it from which state to which. This is the
 * recorded state only; whether it is late is derived separately (timeliness.rules.ts), because a task
 * can be "in progress" and overdue at once, and lateness changes with the clock, not with actions.
 */

/** Recorded workflow states, in their usual order. */
export const WORKFLOW_STATES = [
  "assigned", // giao: created by the assigner, not yet acknowledged
  "received", // đã tiếp nhận: the lead unit acknowledged it
  "in_progress", // đang thực hiện: at least one progress report
  "submitted", // đã báo cáo hoàn thành, chờ xác nhận
  "confirmed", // đã xác nhận hoàn thành: the only "done"
  "returned", // trả lại: the assigner did not accept the submission
  "paused", // tạm dừng
  "cancelled", // hủy
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** What someone can do to a directive. */
export const WORKFLOW_ACTIONS = [
  "receive",
  "report_progress",
  "submit",
  "confirm",
  "return",
  "pause",
  "resume",
  "cancel",
  "reassign",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * How the actor relates to the directive: the assigning leader or office, the lead unit (chủ trì), a
 * coordinating unit (phối hợp), or anyone else. Coordinating units contribute through the lead unit's
 * reports, so they have no transitions of their own.
 */
export type ActorRelation = "assigner" | "assignee" | "coordinator" | "other";

/** Why a transition was refused; `message` is Vietnamese and can be shown as is. */
export interface WorkflowRefusal {
  ok: false;
  reason: "final_state" | "wrong_actor" | "wrong_state" | "unknown_action";
  message: string;
}
export type WorkflowResult = { ok: true; state: WorkflowState } | WorkflowRefusal;

/** States from which work can go on; a paused task resumes into one of these. */
const OPEN_STATES: readonly WorkflowState[] = ["assigned", "received", "in_progress", "returned"];

interface Rule {
  actor: "assigner" | "assignee";
  from: readonly WorkflowState[];
  /** Null for "resume": the target depends on the state before the pause. */
  to: WorkflowState | null;
  /** Vietnamese label of the action, used in messages. */
  label: string;
}

const RULES: Record<WorkflowAction, Rule> = {
  receive: { actor: "assignee", from: ["assigned"], to: "received", label: "tiếp nhận" },
  // Reporting progress implies the task was received, so it is allowed straight from "assigned".
  report_progress: { actor: "assignee", from: OPEN_STATES, to: "in_progress", label: "báo cáo tiến độ" },
  // A small task may be done before anyone clicked "received": submitting straight away is allowed.
  submit: { actor: "assignee", from: OPEN_STATES, to: "submitted", label: "báo cáo hoàn thành" },
  confirm: { actor: "assigner", from: ["submitted"], to: "confirmed", label: "xác nhận hoàn thành" },
  return: { actor: "assigner", from: ["submitted"], to: "returned", label: "trả lại" },
  // A submission awaits a decision: confirm or return it rather than pausing it.
  pause: { actor: "assigner", from: OPEN_STATES, to: "paused", label: "tạm dừng" },
  resume: { actor: "assigner", from: ["paused"], to: null, label: "tiếp tục" },
  cancel: { actor: "assigner", from: [...OPEN_STATES, "submitted", "paused"], to: "cancelled", label: "hủy" },
  // Reassigning gives the task to another lead unit, which has to receive it again.
  reassign: { actor: "assigner", from: [...OPEN_STATES, "paused"], to: "assigned", label: "giao lại" },
};

const STATE_LABELS: Record<WorkflowState, string> = {
  assigned: "mới giao",
  received: "đã tiếp nhận",
  in_progress: "đang thực hiện",
  submitted: "chờ xác nhận hoàn thành",
  confirmed: "đã hoàn thành",
  returned: "bị trả lại",
  paused: "tạm dừng",
  cancelled: "đã hủy",
};

const ACTOR_MESSAGES: Record<Rule["actor"], string> = {
  assigner: "Chỉ người giao nhiệm vụ mới được",
  assignee: "Chỉ đơn vị chủ trì mới được",
};

/** Vietnamese label of a workflow state ("đang thực hiện"), for messages and lists. */
export function workflowStateLabel(state: WorkflowState): string {
  return STATE_LABELS[state];
}

/**
 * The state a directive moves to when `actor` performs `action` in `state`, or a refusal saying why
 * not (in Vietnamese).
 *
 * - The lead unit ("assignee") receives, reports progress and submits; the assigner confirms or returns
 *   a submission, pauses, resumes, cancels and reassigns. Coordinating units and others do nothing here.
 * - "confirmed" and "cancelled" are final: nothing moves a directive out of them.
 * - `actor` may list several relations when one person holds both (a leader assigning to their own
 *   unit); the action is allowed when any of them allows it.
 * - "resume" returns to `options.stateBeforePause` when that is an open state; without it the task goes
 *   back to "assigned" so the lead unit is told again, the conservative choice.
 */
export function nextState(
  state: WorkflowState,
  action: WorkflowAction,
  actor: ActorRelation | readonly ActorRelation[],
  options: { stateBeforePause?: WorkflowState } = {},
): WorkflowResult {
  const rule = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  if (!rule) return { ok: false, reason: "unknown_action", message: "Thao tác không hợp lệ." };
  if (state === "confirmed" || state === "cancelled") {
    return {
      ok: false,
      reason: "final_state",
      message: `Nhiệm vụ ${STATE_LABELS[state]}, không thể ${rule.label}.`,
    };
  }
  const actors: readonly ActorRelation[] = typeof actor === "string" ? [actor] : actor;
  if (!actors.includes(rule.actor)) {
    return { ok: false, reason: "wrong_actor", message: `${ACTOR_MESSAGES[rule.actor]} ${rule.label}.` };
  }
  if (!rule.from.includes(state)) {
    return {
      ok: false,
      reason: "wrong_state",
      message: `Không thể ${rule.label} khi nhiệm vụ đang ở trạng thái "${STATE_LABELS[state]}".`,
    };
  }
  if (rule.to !== null) return { ok: true, state: rule.to };
  const before = options.stateBeforePause;
  return { ok: true, state: before !== undefined && OPEN_STATES.includes(before) ? before : "assigned" };
}

/**
 * The actions `actor` may perform in `state`, in the order of {@link WORKFLOW_ACTIONS}: what a screen
 * should offer as buttons. Consistent with {@link nextState} by construction.
 */
export function allowedActions(
  state: WorkflowState,
  actor: ActorRelation | readonly ActorRelation[],
): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => nextState(state, action, actor).ok);
}
