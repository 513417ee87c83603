/** The words of each step a directive's history records: workflow actions, hand-over, extensions. */
import { EXTENSION_HISTORY_LABELS } from "./extensions/extensions.rules.js";
import type { WorkflowAction } from "./workflow.rules.js";

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  receive: "Tiếp nhận",
  report_progress: "Báo cáo tiến độ",
  submit: "Báo cáo hoàn thành",
  confirm: "Xác nhận hoàn thành",
  return: "Trả lại",
  pause: "Tạm dừng",
  resume: "Tiếp tục",
  cancel: "Hủy nhiệm vụ",
  reassign: "Giao lại cho đơn vị khác",
};

/** Steps recorded in a directive's history by the hand-over of a unit that no longer exists. */
const HANDOVER_LABELS: Record<string, string> = {
  handover: "Bàn giao cho đơn vị kế thừa",
  handover_split: "Chia cho các đơn vị kế thừa",
  handover_close: "Hết hiệu lực do sắp xếp đơn vị hành chính",
};

/** The Vietnamese words of a recorded step; an unknown code as it is. */
export function actionLabel(action: string): string {
  return (
    ACTION_LABELS[action as WorkflowAction] ??
    HANDOVER_LABELS[action] ??
    EXTENSION_HISTORY_LABELS[action] ??
    action
  );
}
