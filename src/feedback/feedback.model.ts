/** Codes of citizens' feedback and their Vietnamese labels. */

export const FEEDBACK_TOPICS = [
  "urban_order",
  "environment",
  "traffic_infrastructure",
  "security",
  "land_construction",
  "administrative_procedure",
  "health_education",
  "other",
] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const FEEDBACK_TOPIC_LABELS: Record<FeedbackTopic, string> = {
  urban_order: "Trật tự đô thị, lấn chiếm vỉa hè",
  environment: "Vệ sinh môi trường, rác thải",
  traffic_infrastructure: "Giao thông, hạ tầng, chiếu sáng",
  security: "An ninh, trật tự",
  land_construction: "Đất đai, xây dựng",
  administrative_procedure: "Thủ tục hành chính",
  health_education: "Y tế, giáo dục",
  other: "Lĩnh vực khác",
};

export const FEEDBACK_STATES = ["new", "in_progress", "answered", "rejected", "transferred"] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const FEEDBACK_STATE_LABELS: Record<FeedbackState, string> = {
  new: "Mới",
  in_progress: "Đang xử lý",
  answered: "Đã trả lời",
  rejected: "Từ chối / Không thuộc thẩm quyền",
  transferred: "Chuyển đơn vị khác",
};

/** States in which the ward has given its answer: the deadline no longer runs. */
export const CLOSED_STATES: readonly FeedbackState[] = ["answered", "rejected", "transferred"];

/** Moderation: a hidden or spam feedback stays in the ward's records but never shows publicly. */
export const FEEDBACK_VISIBILITIES = ["visible", "hidden", "spam"] as const;
export type FeedbackVisibility = (typeof FEEDBACK_VISIBILITIES)[number];

export const FEEDBACK_VISIBILITY_LABELS: Record<FeedbackVisibility, string> = {
  visible: "Bình thường",
  hidden: "Đã ẩn",
  spam: "Tin rác",
};

export function isFeedbackTopic(value: string): value is FeedbackTopic {
  return (FEEDBACK_TOPICS as readonly string[]).includes(value);
}

export function isFeedbackState(value: string): value is FeedbackState {
  return (FEEDBACK_STATES as readonly string[]).includes(value);
}

export function isFeedbackVisibility(value: string): value is FeedbackVisibility {
  return (FEEDBACK_VISIBILITIES as readonly string[]).includes(value);
}

/** The most photos one feedback may carry. */
export const MAX_FEEDBACK_PHOTOS = 3;
