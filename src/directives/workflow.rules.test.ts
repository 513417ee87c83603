import { describe, expect, it } from "vitest";
import {
  type ActorRelation,
  allowedActions,
  nextState,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type WorkflowAction,
  type WorkflowState,
  workflowStateLabel,
} from "./workflow.rules.js";

const ACTORS: readonly ActorRelation[] = ["assigner", "assignee", "coordinator", "other"];

// The whole machine written out once, independently of the implementation's tables:
// [state, action, actor, resulting state]. Every combination not listed must be refused.
const ALLOWED: ReadonlyArray<readonly [WorkflowState, WorkflowAction, ActorRelation, WorkflowState]> = [
  ["assigned", "receive", "assignee", "received"],
  ["assigned", "report_progress", "assignee", "in_progress"],
  ["received", "report_progress", "assignee", "in_progress"],
  ["in_progress", "report_progress", "assignee", "in_progress"],
  ["returned", "report_progress", "assignee", "in_progress"],
  ["assigned", "submit", "assignee", "submitted"],
  ["received", "submit", "assignee", "submitted"],
  ["in_progress", "submit", "assignee", "submitted"],
  ["returned", "submit", "assignee", "submitted"],
  ["submitted", "confirm", "assigner", "confirmed"],
  ["submitted", "return", "assigner", "returned"],
  ["assigned", "pause", "assigner", "paused"],
  ["received", "pause", "assigner", "paused"],
  ["in_progress", "pause", "assigner", "paused"],
  ["returned", "pause", "assigner", "paused"],
  ["paused", "resume", "assigner", "assigned"],
  ["assigned", "cancel", "assigner", "cancelled"],
  ["received", "cancel", "assigner", "cancelled"],
  ["in_progress", "cancel", "assigner", "cancelled"],
  ["returned", "cancel", "assigner", "cancelled"],
  ["submitted", "cancel", "assigner", "cancelled"],
  ["paused", "cancel", "assigner", "cancelled"],
  ["assigned", "reassign", "assigner", "assigned"],
  ["received", "reassign", "assigner", "assigned"],
  ["in_progress", "reassign", "assigner", "assigned"],
  ["returned", "reassign", "assigner", "assigned"],
  ["paused", "reassign", "assigner", "assigned"],
];

const combinations = WORKFLOW_STATES.flatMap((state) =>
  WORKFLOW_ACTIONS.flatMap((action) => ACTORS.map((actor) => [state, action, actor] as const)),
);

describe("nextState: every state × action × actor", () => {
  it.each(combinations)("%s + %s by %s", (state, action, actor) => {
    const expected = ALLOWED.find(([s, a, r]) => s === state && a === action && r === actor);
    const result = nextState(state, action, actor);
    if (expected) {
      expect(result).toEqual({ ok: true, state: expected[3] });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/\S/);
    }
  });
});

describe("nextState: refusals", () => {
  it.each([
    ["confirmed", "cancel", "assigner", "final_state", "Nhiệm vụ đã hoàn thành, không thể hủy."],
    ["cancelled", "submit", "assignee", "final_state", "Nhiệm vụ đã hủy, không thể báo cáo hoàn thành."],
    [
      "submitted",
      "confirm",
      "assignee",
      "wrong_actor",
      "Chỉ người giao nhiệm vụ mới được xác nhận hoàn thành.",
    ],
    ["in_progress", "submit", "assigner", "wrong_actor", "Chỉ đơn vị chủ trì mới được báo cáo hoàn thành."],
    [
      "in_progress",
      "submit",
      "coordinator",
      "wrong_actor",
      "Chỉ đơn vị chủ trì mới được báo cáo hoàn thành.",
    ],
    [
      "in_progress",
      "confirm",
      "assigner",
      "wrong_state",
      'Không thể xác nhận hoàn thành khi nhiệm vụ đang ở trạng thái "đang thực hiện".',
    ],
    [
      "submitted",
      "pause",
      "assigner",
      "wrong_state",
      'Không thể tạm dừng khi nhiệm vụ đang ở trạng thái "chờ xác nhận hoàn thành".',
    ],
  ] as const)("%s + %s by %s → %s", (state, action, actor, reason, message) => {
    expect(nextState(state, action, actor)).toEqual({ ok: false, reason, message });
  });

  it("refuses an action that does not exist (data from outside the type system)", () => {
    const result = nextState("assigned", "toString" as WorkflowAction, "assigner");
    expect(result).toEqual({ ok: false, reason: "unknown_action", message: "Thao tác không hợp lệ." });
  });
});

describe("nextState: resume and combined roles", () => {
  it.each([
    ["received", "received"],
    ["in_progress", "in_progress"],
    ["returned", "returned"],
    ["assigned", "assigned"],
    // Not a state a task can be paused from: fall back to "assigned".
    ["submitted", "assigned"],
    ["confirmed", "assigned"],
    [undefined, "assigned"],
  ] as const)("resuming a task paused while %s → %s", (before, expected) => {
    const options = before === undefined ? {} : { stateBeforePause: before };
    expect(nextState("paused", "resume", "assigner", options)).toEqual({ ok: true, state: expected });
  });

  it("lets one person who is both assigner and assignee do either side", () => {
    expect(nextState("submitted", "confirm", ["assignee", "assigner"])).toEqual({
      ok: true,
      state: "confirmed",
    });
    expect(nextState("in_progress", "submit", ["assignee", "assigner"])).toEqual({
      ok: true,
      state: "submitted",
    });
    expect(nextState("in_progress", "submit", [])).toMatchObject({ ok: false, reason: "wrong_actor" });
  });
});

describe("allowedActions", () => {
  it.each([
    ["assigned", "assignee", ["receive", "report_progress", "submit"]],
    ["assigned", "assigner", ["pause", "cancel", "reassign"]],
    ["submitted", "assigner", ["confirm", "return", "cancel"]],
    ["submitted", "assignee", []],
    ["paused", "assigner", ["resume", "cancel", "reassign"]],
    ["confirmed", "assigner", []],
    ["in_progress", "coordinator", []],
    ["in_progress", "other", []],
  ] as const)("%s for %s → %j", (state, actor, expected) => {
    expect(allowedActions(state, actor)).toEqual(expected);
  });
});

describe("workflowStateLabel", () => {
  it("labels every state in Vietnamese", () => {
    for (const state of WORKFLOW_STATES) expect(workflowStateLabel(state)).toMatch(/\S/);
    expect(workflowStateLabel("returned")).toBe("bị trả lại");
  });
});
