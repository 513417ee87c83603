/**
 * Demo data of the reference session (02/01/2020): what the article says, and what it does not.
 *
 * Real (from the article): date, afternoon, place, chair, attendees and their titles, agenda, the
 * nine conclusions with their areas and wording (read from the article by the conclusion reader).
 * Illustrative (invented to show the follow-up, plausible but not from any source): the notice number
 * 136-TB/QU and its date 05/01/2020, the coordinating departments, the deadline of conclusion 3, the
 * second directive of conclusion 1, every progress report and date, the child tasks of conclusion 8,
 * and the two proposals with their answers.
 */

/** Organisations of the demo registry, by exact name. */
export const ORG = {
  btvQuanUy: "Ban Thường vụ Quận ủy Long Biên",
  ubndPhuong: "UBND phường Thượng Thanh",
  dangUyPhuong: "Đảng ủy phường Thượng Thanh",
  taiChinh: "Phòng Tài chính - Kế hoạch quận Long Biên",
  qldt: "Phòng Quản lý đô thị quận Long Biên",
  tnmt: "Phòng Tài nguyên và Môi trường quận Long Biên",
  noiVu: "Phòng Nội vụ quận Long Biên",
  ldtbxh: "Phòng Lao động - Thương binh và Xã hội quận Long Biên",
  gddt: "Phòng Giáo dục và Đào tạo quận Long Biên",
  thanhTra: "Thanh tra quận Long Biên",
  bcd197: "Ban Chỉ đạo 197 quận Long Biên",
} as const;
export type OrgKey = keyof typeof ORG;

export const SESSION = {
  title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
  startsAt: "2020-01-02T14:00:00+07:00",
  endsAt: "2020-01-02T17:00:00+07:00",
  place: "Phòng họp 1 UBND phường Thượng Thanh",
  chair: "Đỗ Mạnh Hải",
  chairTitle: "Bí thư Quận ủy, Chủ tịch HĐND quận",
  program: "Làm việc với Đảng ủy phường Thượng Thanh về kết quả thực hiện nhiệm vụ chính trị năm 2019",
  attendeesVisiting: [
    ["Đỗ Mạnh Hải", "Bí thư Quận ủy, Chủ tịch HĐND quận"],
    ["Đường Hoài Nam", "Phó Bí thư Thường trực Quận ủy"],
    ["Nguyễn Mạnh Hà", "Phó Bí thư Quận ủy, Chủ tịch UBND quận"],
    [
      "Nguyễn Thế Thạch",
      "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Quận ủy, Giám đốc Trung tâm Chính trị quận",
    ],
    ["Các đồng chí Trưởng các phòng, ban thuộc quận", null],
  ],
  attendeesHost: [
    ["Phạm Thị Minh Hồng", "Bí thư Đảng ủy, Chủ tịch HĐND phường"],
    ["Các đồng chí trong Ban Thường vụ Đảng ủy, Thường trực HĐND - UBND phường", null],
  ],
  agenda: [
    ["Kết quả thực hiện nhiệm vụ chính trị năm 2019 và giai đoạn 2015 - 2020", "Phạm Thị Minh Hồng"],
    [
      "Công tác chuẩn bị Đại hội Đảng bộ phường nhiệm kỳ 2020 - 2025, định hướng phát triển giai đoạn 2020 - 2025",
      "Phạm Thị Minh Hồng",
    ],
    ["Nhiệm vụ trọng tâm năm 2020 và các kiến nghị, đề xuất của phường", null],
    ["Ý kiến của các phòng, ban quận", null],
  ],
  opinions: [
    [
      "Nguyễn Mạnh Hà",
      "Phó Bí thư Quận ủy, Chủ tịch UBND quận",
      "Trao đổi, làm rõ thêm nhiệm vụ và những giải pháp phường cần tập trung thực hiện trong năm 2020 và giai đoạn 2020 – 2025.",
    ],
    [
      "Đỗ Mạnh Hải",
      "Bí thư Quận ủy, Chủ tịch HĐND quận",
      "Đánh giá cao chất lượng buổi làm việc; kết luận 9 nhóm nhiệm vụ năm 2020.",
    ],
  ],
} as const;

/** Per conclusion number: the directives it gives (one item may give several). */
export interface PlannedDirective {
  key: string;
  title?: string;
  lead: OrgKey | "ward";
  coordinators: OrgKey[];
  /** Replaces the deadline read from the text. */
  deadline?: {
    kind: "date" | "month" | "quarter" | "year" | "term" | "recurring" | "none";
    date: string | null;
  };
}

export const PLAN: Record<number, PlannedDirective[]> = {
  1: [
    {
      key: "d1a",
      title: "Rà soát, khai thác triệt để các nguồn thu, bảo đảm chỉ tiêu thu ngân sách giao năm 2020",
      lead: "ubndPhuong",
      coordinators: ["taiChinh"],
    },
    {
      key: "d1b",
      title: "Xây dựng phương án sắp xếp chợ tổ 29 sau khi có quyết định xây dựng trường học",
      lead: "ubndPhuong",
      coordinators: ["qldt", "taiChinh"],
      deadline: { kind: "date", date: "2020-06-30" },
    },
  ],
  2: [{ key: "d2", lead: "ubndPhuong", coordinators: ["qldt", "bcd197"] }],
  3: [
    {
      key: "d3",
      lead: "ward",
      coordinators: ["tnmt", "thanhTra"],
      deadline: { kind: "date", date: "2020-09-30" },
    },
  ],
  4: [{ key: "d4", lead: "ubndPhuong", coordinators: ["noiVu"] }],
  5: [{ key: "d5", lead: "ubndPhuong", coordinators: ["ldtbxh"] }],
  6: [{ key: "d6", lead: "ubndPhuong", coordinators: ["gddt"] }],
  7: [{ key: "d7", lead: "ubndPhuong", coordinators: ["qldt"] }],
  8: [{ key: "d8", lead: "dangUyPhuong", coordinators: [] }],
  9: [{ key: "d9", lead: "ubndPhuong", coordinators: ["taiChinh", "tnmt"] }],
};

/** Child tasks: the steps of preparing the party congress (conclusion 8), to any depth. */
export const CHILDREN: { key: string; parent: string; title: string; date: string; at: string }[] = [
  {
    key: "c1",
    parent: "d8",
    title: "Chỉ đạo tổ chức đại hội các chi bộ trực thuộc",
    date: "2020-04-30",
    at: "2020-01-10T09:00:00+07:00",
  },
  {
    key: "c2",
    parent: "d8",
    title: "Xây dựng dự thảo Báo cáo chính trị trình Đại hội Đảng bộ phường lần thứ XXVII",
    date: "2020-05-31",
    at: "2020-01-10T09:10:00+07:00",
  },
  {
    key: "c21",
    parent: "c2",
    title: "Lấy ý kiến góp ý của chi bộ, đảng viên và nhân dân vào dự thảo Báo cáo chính trị",
    date: "2020-05-15",
    at: "2020-03-02T08:00:00+07:00",
  },
  {
    key: "c3",
    parent: "d8",
    title: "Tổ chức Đại hội Đảng bộ phường lần thứ XXVII, nhiệm kỳ 2020 – 2025",
    date: "2020-07-31",
    at: "2020-01-10T09:20:00+07:00",
  },
];

/** Who acts: the ward's officer, or the district office (the assigner). */
export type Who = "ward" | "office";

export interface PlannedEvent {
  at: string;
  target: string;
  who: Who;
  action: "receive" | "report_progress" | "submit" | "confirm" | "return";
  percent?: number;
  text?: string;
  /** The ward let the text show on the published notice's public page (illustrative). */
  public?: boolean;
}

export const EVENTS: PlannedEvent[] = [
  { at: "2020-01-06T08:30:00+07:00", target: "d8", who: "ward", action: "receive" },
  { at: "2020-01-08T09:00:00+07:00", target: "d1a", who: "ward", action: "receive" },
  { at: "2020-01-09T10:00:00+07:00", target: "d2", who: "ward", action: "receive" },
  { at: "2020-01-10T15:00:00+07:00", target: "d9", who: "ward", action: "receive" },
  { at: "2020-01-15T08:00:00+07:00", target: "d4", who: "ward", action: "receive" },
  { at: "2020-02-15T08:00:00+07:00", target: "d3", who: "ward", action: "receive" },
  { at: "2020-03-01T08:00:00+07:00", target: "d6", who: "ward", action: "receive" },
  {
    at: "2020-03-02T16:00:00+07:00",
    target: "d1b",
    who: "ward",
    action: "report_progress",
    percent: 40,
    text: "Đã khảo sát hiện trạng chợ tổ 29, lấy ý kiến các hộ kinh doanh.",
    public: true,
  },
  {
    at: "2020-03-15T16:00:00+07:00",
    target: "d9",
    who: "ward",
    action: "report_progress",
    percent: 50,
    text: "Đã hoàn thiện hồ sơ 2/3 nhóm kiến nghị, gửi các phòng chuyên môn quận.",
  },
  {
    at: "2020-04-10T16:00:00+07:00",
    target: "d1a",
    who: "ward",
    action: "report_progress",
    percent: 30,
    text: "Đã rà soát, lập danh sách các nguồn thu; thu ngân sách quý I đạt 28% dự toán.",
    public: true,
  },
  {
    at: "2020-04-24T16:00:00+07:00",
    target: "c1",
    who: "ward",
    action: "submit",
    text: "23/23 chi bộ trực thuộc đã tổ chức xong đại hội.",
    public: true,
  },
  { at: "2020-04-28T09:00:00+07:00", target: "c1", who: "ward", action: "confirm" },
  {
    at: "2020-05-01T16:00:00+07:00",
    target: "d7",
    who: "ward",
    action: "report_progress",
    percent: 40,
    text: "Kiểm tra 65 hộ kinh doanh, lập biên bản 12 hộ không đủ điều kiện về phòng cháy, chữa cháy.",
    public: true,
  },
  {
    at: "2020-05-14T16:00:00+07:00",
    target: "c21",
    who: "ward",
    action: "submit",
    text: "Đã tổng hợp 146 ý kiến góp ý.",
  },
  { at: "2020-05-15T09:00:00+07:00", target: "c21", who: "ward", action: "confirm" },
  {
    at: "2020-06-05T16:00:00+07:00",
    target: "c2",
    who: "ward",
    action: "submit",
    text: "Dự thảo Báo cáo chính trị đã hoàn thiện, trình Ban Thường vụ Quận ủy.",
    public: true,
  },
  { at: "2020-06-06T09:00:00+07:00", target: "c2", who: "ward", action: "confirm" },
  {
    at: "2020-06-10T16:00:00+07:00",
    target: "d5",
    who: "ward",
    action: "report_progress",
    percent: 50,
    text: "Còn 3 hộ nghèo; đã hỗ trợ sinh kế cho 2 hộ.",
    public: true,
  },
  {
    at: "2020-06-30T16:00:00+07:00",
    target: "d2",
    who: "ward",
    action: "report_progress",
    percent: 50,
    text: "6 tháng đầu năm xử lý 42 trường hợp vi phạm trật tự đô thị; duy trì 3 tuyến phố văn minh.",
    public: true,
  },
  {
    at: "2020-07-10T16:00:00+07:00",
    target: "c3",
    who: "ward",
    action: "submit",
    text: "Đại hội Đảng bộ phường lần thứ XXVII đã thành công tốt đẹp.",
    public: true,
  },
  { at: "2020-07-15T09:00:00+07:00", target: "c3", who: "ward", action: "confirm" },
  {
    at: "2020-07-20T16:00:00+07:00",
    target: "d3",
    who: "ward",
    action: "report_progress",
    percent: 60,
    text: "Đã ban hành kế hoạch thực hiện Kết luận 316; xử lý dứt điểm 5/9 điểm vi phạm.",
    public: true,
  },
  {
    at: "2020-08-14T16:00:00+07:00",
    target: "d1b",
    who: "ward",
    action: "submit",
    text: "Đã xây dựng phương án sắp xếp chợ tổ 29, báo cáo UBND quận.",
    public: true,
  },
  { at: "2020-08-28T09:00:00+07:00", target: "d1b", who: "office", action: "confirm" },
  {
    at: "2020-09-15T16:00:00+07:00",
    target: "d1a",
    who: "ward",
    action: "report_progress",
    percent: 75,
    text: "Thu ngân sách 9 tháng đạt 81% dự toán.",
    public: true,
  },
  {
    at: "2020-12-21T16:00:00+07:00",
    target: "d1a",
    who: "ward",
    action: "submit",
    text: "Thu ngân sách năm 2020 đạt 104% dự toán giao.",
    public: true,
  },
  {
    at: "2021-01-06T16:00:00+07:00",
    target: "d5",
    who: "ward",
    action: "submit",
    text: "Phường không còn hộ nghèo theo chuẩn của Thành phố.",
    public: true,
  },
  { at: "2021-01-08T09:00:00+07:00", target: "d1a", who: "office", action: "confirm" },
  { at: "2021-01-15T09:00:00+07:00", target: "d5", who: "office", action: "confirm" },
  {
    at: "2021-06-01T16:00:00+07:00",
    target: "d6",
    who: "ward",
    action: "report_progress",
    percent: 30,
    text: "Đã xây dựng lộ trình tự chủ cho các trường trên địa bàn.",
    public: true,
  },
  {
    at: "2023-05-20T16:00:00+07:00",
    target: "d6",
    who: "ward",
    action: "report_progress",
    percent: 70,
    text: "Trường Mầm non đạt chuẩn chất lượng cao; trường THCS đang hoàn thiện hồ sơ.",
    public: true,
  },
  {
    at: "2025-06-20T16:00:00+07:00",
    target: "d6",
    who: "ward",
    action: "submit",
    text: "Cả 2 trường đã được công nhận trường chất lượng cao.",
    public: true,
  },
  { at: "2025-07-01T09:00:00+07:00", target: "d6", who: "office", action: "confirm" },
];

export const PROPOSALS = [
  {
    key: "p1",
    topic: "Đề nghị quận bố trí vốn đầu tư xây dựng trường THCS chất lượng cao trên địa bàn phường",
    addressees: ["taiChinh", "gddt"] as OrgKey[],
    answerDue: "2020-02-28",
    answer: {
      at: "2020-02-20T10:00:00+07:00",
      status: "answered" as const,
      text: "Phòng Tài chính - Kế hoạch phối hợp Phòng Giáo dục và Đào tạo tham mưu UBND quận đưa dự án vào kế hoạch đầu tư công trung hạn 2021 - 2025.",
    },
  },
  {
    key: "p2",
    topic:
      "Đề nghị hướng dẫn, tháo gỡ vướng mắc trong cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ 29, tổ 30",
    addressees: ["tnmt"] as OrgKey[],
    answerDue: "2020-03-15",
    answer: {
      at: "2020-03-10T10:00:00+07:00",
      status: "in_progress" as const,
      text: "Phòng Tài nguyên và Môi trường thành lập tổ công tác rà soát từng hồ sơ, hoàn thành trong quý II/2020.",
    },
  },
];
