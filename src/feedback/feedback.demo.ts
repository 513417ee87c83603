/**
 * Two citizens' feedbacks to phường Việt Hưng in the present-day demo (invented, "minh họa"): one
 * answered by the ward's infrastructure office with the answer published, one still being handled.
 * Each happens at its instant and only if that instant has come (src/demo/load-feedback.ts).
 */
import type { FeedbackTopic } from "./feedback.model.js";

export interface DemoFeedback {
  code: string;
  receivedAt: string;
  topic: FeedbackTopic;
  place: string;
  text: string;
  senderName: string | null;
  senderContact: string | null;
  wantsReply: boolean;
  /** The ward's handling: the organisation (by name), when, the state, the answer and whether it is published. */
  handled?: {
    at: string;
    organisation: string;
    state: "in_progress" | "answered";
    answer: string | null;
    answerPublic: boolean;
  };
}

export const DEMO_FEEDBACKS: DemoFeedback[] = [
  {
    code: "PA-7K3M9Q",
    receivedAt: "2026-11-16T01:20:00.000Z",
    topic: "traffic_infrastructure",
    place: "Ngõ 90 phố Ngô Gia Tự, tổ dân phố Lệ Mật (minh họa)",
    text: "Ba cột đèn chiếu sáng trong ngõ 90 không sáng từ đầu tháng 11, buổi tối ngõ rất tối, người già và học sinh đi lại khó khăn. Đề nghị phường cho kiểm tra, sửa chữa. (Phản ánh minh họa của dữ liệu mẫu.)",
    senderName: "Trần Thị Minh (minh họa)",
    senderContact: "0912 000 111",
    wantsReply: true,
    handled: {
      at: "2026-11-20T08:30:00.000Z",
      organisation: "Phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng",
      state: "answered",
      answer:
        "Ngày 19/11/2026, Phòng Kinh tế, Hạ tầng và Đô thị phối hợp đơn vị quản lý chiếu sáng kiểm tra, thay bóng và bộ điều khiển của ba cột đèn ngõ 90 phố Ngô Gia Tự; hệ thống đã sáng trở lại. Cảm ơn bà đã phản ánh. (Trả lời minh họa.)",
      answerPublic: true,
    },
  },
  {
    code: "PA-4HXT6C",
    receivedAt: "2026-12-03T02:05:00.000Z",
    topic: "urban_order",
    place: "Vỉa hè trước chợ Trường Lâm (minh họa)",
    text: "Các hộ kinh doanh bày hàng lấn hết vỉa hè trước chợ vào buổi sáng, người đi bộ phải đi xuống lòng đường. (Phản ánh minh họa của dữ liệu mẫu.)",
    senderName: null,
    senderContact: null,
    wantsReply: false,
    handled: {
      at: "2026-12-04T03:00:00.000Z",
      organisation: "Phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng",
      state: "in_progress",
      answer: null,
      answerPublic: false,
    },
  },
];
