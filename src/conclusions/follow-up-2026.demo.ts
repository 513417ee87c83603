/**
 * Demo data of the present-day story (2026), continued from session-2026.demo.ts: what happened after
 * the conclusion notice of 23/3/2026, up to December 2026: the ward's own tasks under the city's
 * directives, their progress reports, submissions and confirmations, and the ward's proposals with
 * the city's answers. ILLUSTRATIVE throughout (invented, plausible, not from any source).
 */

import type { OrgKey2026, Who2026 } from "./session-2026.demo.js";

/** Tasks the ward gives its own bodies under a directive of the city. */
export const CHILDREN_2026: {
  key: string;
  parent: string;
  title: string;
  lead: OrgKey2026;
  date: string;
  at: string;
}[] = [
  {
    key: "e5a",
    parent: "e5",
    title: "Rà soát, lập phương án sắp xếp các tổ dân phố trình HĐND phường",
    lead: "vhxh",
    date: "2026-04-30",
    at: "2026-03-26T09:00:00+07:00",
  },
  {
    key: "e1a",
    parent: "e1",
    title: "Rà soát, lập danh sách hộ kinh doanh trên địa bàn chưa kê khai, nộp thuế",
    lead: "ktht",
    date: "2026-11-30",
    at: "2026-07-15T09:00:00+07:00",
  },
  {
    key: "e2a",
    parent: "e2",
    title: "Lập hồ sơ, tổ chức cưỡng chế 6 công trình vi phạm trật tự xây dựng còn lại",
    lead: "ktht",
    date: "2026-12-31",
    at: "2026-09-26T09:00:00+07:00",
  },
];

export interface Event2026 {
  at: string;
  target: string;
  who: Who2026;
  action: "receive" | "report_progress" | "submit" | "confirm";
  percent?: number;
  text?: string;
}

export const EVENTS_2026: Event2026[] = [
  { at: "2026-03-24T08:30:00+07:00", target: "e1", who: "ward", action: "receive" },
  { at: "2026-03-24T08:35:00+07:00", target: "e2", who: "ward", action: "receive" },
  { at: "2026-03-24T08:40:00+07:00", target: "e3", who: "ward", action: "receive" },
  { at: "2026-03-24T08:45:00+07:00", target: "e5", who: "ward", action: "receive" },
  { at: "2026-03-25T08:00:00+07:00", target: "e6", who: "ward", action: "receive" },
  { at: "2026-03-25T08:05:00+07:00", target: "e7", who: "ward", action: "receive" },
  { at: "2026-03-25T09:00:00+07:00", target: "e8", who: "city", action: "receive" },
  { at: "2026-03-26T08:00:00+07:00", target: "e4", who: "ward", action: "receive" },
  {
    at: "2026-04-24T16:00:00+07:00",
    target: "e5a",
    who: "ward",
    action: "submit",
    text: "Đã lập phương án sắp xếp các tổ dân phố, trình HĐND phường.",
  },
  { at: "2026-04-27T09:00:00+07:00", target: "e5a", who: "leader", action: "confirm" },
  {
    at: "2026-04-27T15:00:00+07:00",
    target: "e8",
    who: "city",
    action: "submit",
    text: "Sở Tài chính đã báo cáo UBND Thành phố phương án hỗ trợ kinh phí từ dự toán năm 2027.",
  },
  { at: "2026-04-29T09:00:00+07:00", target: "e8", who: "city", action: "confirm" },
  {
    at: "2026-05-20T16:00:00+07:00",
    target: "e5",
    who: "ward",
    action: "submit",
    text: "HĐND phường đã thông qua việc sắp xếp tổ dân phố; phường không còn hộ nghèo.",
  },
  { at: "2026-05-28T09:00:00+07:00", target: "e5", who: "city", action: "confirm" },
  {
    at: "2026-06-22T16:00:00+07:00",
    target: "e3",
    who: "ward",
    action: "submit",
    text: "Đã chỉnh lý xong hồ sơ địa chính theo địa giới hành chính mới.",
  },
  { at: "2026-06-29T09:00:00+07:00", target: "e3", who: "city", action: "confirm" },
  {
    at: "2026-06-30T16:00:00+07:00",
    target: "e2",
    who: "ward",
    action: "report_progress",
    percent: 40,
    text: "Đã xử lý dứt điểm 6/15 công trình vi phạm.",
  },
  {
    at: "2026-07-08T16:00:00+07:00",
    target: "e4",
    who: "ward",
    action: "submit",
    text: "Quý II/2026: 100% hồ sơ giải quyết đúng hạn; 82% hồ sơ nộp trực tuyến.",
  },
  {
    at: "2026-07-10T16:00:00+07:00",
    target: "e1",
    who: "ward",
    action: "report_progress",
    percent: 55,
    text: "Thu ngân sách 6 tháng đạt 56% dự toán.",
  },
  { at: "2026-07-15T09:00:00+07:00", target: "e4", who: "city", action: "confirm" },
  {
    at: "2026-08-10T16:00:00+07:00",
    target: "e6",
    who: "ward",
    action: "submit",
    text: "Đã bố trí đủ chỗ học cho học sinh năm học 2026 - 2027.",
  },
  { at: "2026-08-14T09:00:00+07:00", target: "e6", who: "city", action: "confirm" },
  {
    at: "2026-09-25T16:00:00+07:00",
    target: "e2",
    who: "ward",
    action: "report_progress",
    percent: 60,
    text: "Đã xử lý 9/15 công trình; 6 công trình đang lập hồ sơ cưỡng chế.",
  },
  {
    at: "2026-09-30T16:00:00+07:00",
    target: "e7",
    who: "ward",
    action: "report_progress",
    percent: 50,
    text: "Đã kiểm tra 412 cơ sở, hướng dẫn khắc phục 57 cơ sở chưa bảo đảm an toàn.",
  },
  {
    at: "2026-10-12T16:00:00+07:00",
    target: "e1",
    who: "ward",
    action: "report_progress",
    percent: 80,
    text: "Thu ngân sách 9 tháng đạt 81% dự toán.",
  },
  {
    at: "2026-11-27T16:00:00+07:00",
    target: "e1a",
    who: "ward",
    action: "submit",
    text: "Đã lập danh sách 126 hộ kinh doanh, chuyển Thuế cơ sở đôn đốc kê khai.",
  },
  {
    at: "2026-11-16T16:00:00+07:00",
    target: "e2a",
    who: "ward",
    action: "report_progress",
    percent: 50,
    text: "Đã cưỡng chế 3/6 công trình.",
  },
];

export interface Proposal2026 {
  key: string;
  topic: string;
  addressees: OrgKey2026[];
  answerDue: string;
  /** Raised at the session (recorded that evening, after the session), or later by the ward on its own. */
  atSession: boolean;
  raisedAt: string;
  answer: { at: string; status: "answered" | "in_progress" | "resolved"; text: string } | null;
}

export const PROPOSALS_2026: Proposal2026[] = [
  {
    key: "q1",
    topic:
      "Đề nghị Thành phố hỗ trợ kinh phí cải tạo, mở rộng trụ sở Trung tâm Phục vụ hành chính công phường",
    addressees: ["soTaiChinh", "soXayDung"],
    answerDue: "2026-04-30",
    atSession: true,
    raisedAt: "2026-03-18T18:10:00+07:00",
    answer: {
      at: "2026-04-29T10:00:00+07:00",
      status: "in_progress",
      text: "UBND Thành phố đồng ý về chủ trương; Sở Tài chính bố trí kinh phí trong dự toán năm 2027.",
    },
  },
  {
    key: "q2",
    topic:
      "Đề nghị hướng dẫn giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất còn tồn đọng của các phường trước khi sắp xếp",
    addressees: ["soNnMt"],
    answerDue: "2026-04-15",
    atSession: true,
    raisedAt: "2026-03-18T18:15:00+07:00",
    answer: {
      at: "2026-04-10T10:00:00+07:00",
      status: "answered",
      text: "Sở Nông nghiệp và Môi trường đã ban hành văn bản hướng dẫn; hồ sơ tiếp nhận trước ngày 01/7/2025 do phường tiếp tục giải quyết.",
    },
  },
  {
    key: "q3",
    topic: "Đề nghị Thành phố bổ sung biên chế công chức cho Phòng Kinh tế, Hạ tầng và Đô thị phường",
    addressees: ["soNoiVu"],
    answerDue: "2026-12-15",
    atSession: false,
    raisedAt: "2026-11-20T10:00:00+07:00",
    answer: null,
  },
];
