/**
 * Demo data of the present-day story (2026): the city's programme of work, a working session of the
 * Vice-Chairman of Hà Nội's People's Committee with phường Việt Hưng (18/3/2026), the conclusion notice
 * of the city's office with eight numbered items and the directives they became. Their follow-up up to
 * December 2026 (some done, some in progress, one overdue) and the ward's proposals are in
 * follow-up-2026.demo.ts.
 *
 * ILLUSTRATIVE throughout: invented to show the cycle under the two-level local government, plausible
 * but not from any source. The people are invented (people-2026.demo.ts); the notice number, dates,
 * figures and wording are made up. What is real is the shape: a city department's "Thông báo kết
 * luận" of a State body (NĐ 30/2020: "Số: …/TB-VP", "KT. CHÁNH VĂN PHÒNG"), the bodies of a ward since
 * 01/07/2025, the city's departments after the 2025 mergers.
 */

/** Organisations of the demo registry, by exact name. */
export const ORG_2026 = {
  ubndTp: "UBND Thành phố Hà Nội",
  soTaiChinh: "Sở Tài chính Hà Nội",
  soXayDung: "Sở Xây dựng Hà Nội",
  soNnMt: "Sở Nông nghiệp và Môi trường Hà Nội",
  soNoiVu: "Sở Nội vụ Hà Nội",
  soGddt: "Sở Giáo dục và Đào tạo Hà Nội",
  congAnTp: "Công an Thành phố Hà Nội",
  ubndPhuong: "UBND phường Việt Hưng",
  hdndPhuong: "HĐND phường Việt Hưng",
  ktht: "Phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng",
  vhxh: "Phòng Văn hóa - Xã hội phường Việt Hưng",
  hcc: "Trung tâm Phục vụ hành chính công phường Việt Hưng",
} as const;
export type OrgKey2026 = keyof typeof ORG_2026;

/** Who acts: the ward's office (`viethung`), the ward's leader, the city's office (`ubnd.hanoi`). */
export type Who2026 = "ward" | "leader" | "city";

/** Present wards by name, as units-2026.demo.ts lists them. */
export type PresentWard = "Việt Hưng" | "Long Biên" | "Bồ Đề" | "Phúc Lợi";

export interface ProgrammeEntry {
  /** Whose programme: the city's, or phường Việt Hưng's own. */
  owner: "city" | "ward";
  month: number | null;
  title: string;
  /** The ward the session is planned with, if any. */
  host: PresentWard | null;
  /** Made on this day (instant). */
  at: string;
}

/** The city's programme entry the session of 18/3/2026 was held under. */
export const VISIT_PROGRAMME_TITLE =
  "Lãnh đạo UBND Thành phố làm việc với phường Việt Hưng về kết quả thực hiện nhiệm vụ năm 2025, nhiệm vụ trọng tâm năm 2026 và vận hành chính quyền địa phương hai cấp";

export const PROGRAMME_2026: ProgrammeEntry[] = [
  {
    owner: "city",
    month: 3,
    title: VISIT_PROGRAMME_TITLE,
    host: "Việt Hưng",
    at: "2026-01-12T02:00:00Z",
  },
  {
    owner: "city",
    month: 5,
    title: "Lãnh đạo UBND Thành phố làm việc với phường Bồ Đề về công tác quản lý đô thị, trật tự xây dựng",
    host: "Bồ Đề",
    at: "2026-01-12T02:05:00Z",
  },
  {
    owner: "city",
    month: 12,
    title: "Lãnh đạo UBND Thành phố làm việc với phường Phúc Lợi về kết quả thực hiện nhiệm vụ năm 2026",
    host: "Phúc Lợi",
    at: "2026-01-12T02:10:00Z",
  },
  {
    owner: "city",
    month: 12,
    title: "Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027 của UBND Thành phố",
    host: null,
    at: "2026-01-12T02:15:00Z",
  },
  {
    owner: "ward",
    month: 1,
    title: "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2026 của phường",
    host: null,
    at: "2026-01-05T02:00:00Z",
  },
  {
    owner: "ward",
    month: 7,
    title: "Hội nghị sơ kết 6 tháng đầu năm 2026 và một năm vận hành chính quyền địa phương hai cấp",
    host: null,
    at: "2026-01-05T02:05:00Z",
  },
  {
    owner: "ward",
    month: 12,
    title: "Kỳ họp thường lệ cuối năm 2026 của HĐND phường Việt Hưng",
    host: "Việt Hưng",
    at: "2026-01-05T02:10:00Z",
  },
];

export const SESSION_2026 = {
  title: "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng",
  startsAt: "2026-03-18T14:00:00+07:00",
  endsAt: "2026-03-18T17:00:00+07:00",
  place: "Hội trường UBND phường Việt Hưng",
  chair: "Vũ Minh Quang",
  chairTitle: "Phó Chủ tịch UBND Thành phố",
  /** [name, title, organisation] of the visiting side; a null title names a group. */
  attendeesVisiting: [
    ["Vũ Minh Quang", "Phó Chủ tịch UBND Thành phố", "ubndTp"],
    ["Hoàng Thị Lan Anh", "Phó Chánh Văn phòng UBND Thành phố", null],
    ["Đại diện lãnh đạo Sở Tài chính", null, "soTaiChinh"],
    ["Đại diện lãnh đạo Sở Xây dựng", null, "soXayDung"],
    ["Đại diện lãnh đạo Sở Nông nghiệp và Môi trường", null, "soNnMt"],
    ["Đại diện lãnh đạo Sở Nội vụ", null, "soNoiVu"],
  ] as [string, string | null, OrgKey2026 | null][],
  attendeesHost: [
    ["Nguyễn Thị Thanh Hương", "Bí thư Đảng ủy, Chủ tịch HĐND phường"],
    ["Trần Đức Thắng", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường"],
    ["Phạm Quốc Tuấn", "Phó Chủ tịch UBND phường"],
    ["Trưởng các phòng, ban, đơn vị thuộc UBND phường", null],
  ] as [string, string | null][],
  agenda: [
    [
      "Báo cáo kết quả thực hiện nhiệm vụ năm 2025, quý I/2026 và tình hình vận hành chính quyền địa phương hai cấp",
      "Trần Đức Thắng",
    ],
    ["Kiến nghị, đề xuất của phường", "Nguyễn Thị Thanh Hương"],
    ["Ý kiến của các sở, ngành Thành phố", null],
    ["Kết luận của đồng chí Phó Chủ tịch UBND Thành phố", "Vũ Minh Quang"],
  ] as [string, string | null][],
  /** [speaker, title, organisation, summary] */
  opinions: [
    [
      "Đại diện lãnh đạo Sở Tài chính",
      null,
      "soTaiChinh",
      "Thu ngân sách năm 2025 trên địa bàn phường đạt 107,2% dự toán; đề nghị phường rà soát các khoản thu từ đất.",
    ],
    [
      "Đại diện lãnh đạo Sở Nông nghiệp và Môi trường",
      null,
      "soNnMt",
      "Hướng dẫn chỉnh lý hồ sơ địa chính theo địa giới hành chính mới; hoàn thành trong quý II/2026.",
    ],
    [
      "Vũ Minh Quang",
      "Phó Chủ tịch UBND Thành phố",
      null,
      "Ghi nhận phường vận hành ổn định sau sắp xếp; kết luận 8 nhóm nhiệm vụ năm 2026.",
    ],
  ] as [string, string | null, OrgKey2026 | null, string][],
};

export const NOTICE_2026 = {
  number: "112/TB-VP",
  issuedOn: "2026-03-23",
  issuingBody: "VĂN PHÒNG",
  parentBody: "UBND THÀNH PHỐ HÀ NỘI",
  placeName: "Hà Nội",
  title: "Kết luận của Phó Chủ tịch UBND Thành phố Vũ Minh Quang tại buổi làm việc với phường Việt Hưng",
  preamble:
    "Chiều ngày 18/3/2026, tại Hội trường UBND phường Việt Hưng, đồng chí Vũ Minh Quang, Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng về kết quả thực hiện nhiệm vụ năm 2025, nhiệm vụ trọng tâm năm 2026 và tình hình vận hành chính quyền địa phương hai cấp. Sau khi nghe báo cáo của phường và ý kiến của các sở, ngành, đồng chí Phó Chủ tịch UBND Thành phố kết luận như sau:",
  signer: "Hoàng Thị Lan Anh",
  signerTitle: "Phó Chánh Văn phòng",
  signingAuthority: "KT. CHÁNH VĂN PHÒNG",
  recipients:
    "Đ/c Chủ tịch UBND Thành phố (để b/c),\nĐ/c Phó Chủ tịch UBND Thành phố Vũ Minh Quang,\nCác Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường, Nội vụ, Giáo dục và Đào tạo,\nCông an Thành phố,\nĐảng ủy, HĐND, UBND phường Việt Hưng,\nLưu: VT.",
};

export type DeadlineKind2026 = "date" | "quarter" | "year" | "recurring";

export interface Item2026 {
  number: string;
  area:
    | "economy"
    | "urban_management"
    | "land"
    | "administrative_reform"
    | "culture_society"
    | "education"
    | "fire_prevention"
    | "proposals";
  text: string;
  directive: {
    key: string;
    title: string;
    /** The lead: the ward's People's Committee or one of its bodies, or a city department. */
    lead: OrgKey2026;
    coordinators: OrgKey2026[];
    deadline: { kind: DeadlineKind2026; date: string | null; phrase: string | null };
  };
}

export const ITEMS_2026: Item2026[] = [
  {
    number: "1",
    area: "economy",
    text: "Về phát triển kinh tế, thu ngân sách: phường tập trung khai thác các nguồn thu, chống thất thu; phấn đấu thu ngân sách năm 2026 vượt dự toán Thành phố giao.",
    directive: {
      key: "e1",
      title: "Khai thác các nguồn thu, chống thất thu; phấn đấu thu ngân sách năm 2026 vượt dự toán giao",
      lead: "ubndPhuong",
      coordinators: ["soTaiChinh"],
      deadline: { kind: "year", date: "2026-12-31", phrase: "trong năm 2026" },
    },
  },
  {
    number: "2",
    area: "urban_management",
    text: "Về quản lý đô thị, trật tự xây dựng: xử lý dứt điểm các công trình vi phạm trật tự xây dựng tồn tại từ trước khi sắp xếp đơn vị hành chính; hoàn thành trước ngày 30/9/2026.",
    directive: {
      key: "e2",
      title:
        "Xử lý dứt điểm các công trình vi phạm trật tự xây dựng tồn tại từ trước khi sắp xếp đơn vị hành chính",
      lead: "ubndPhuong",
      coordinators: ["soXayDung"],
      deadline: { kind: "date", date: "2026-09-30", phrase: null },
    },
  },
  {
    number: "3",
    area: "land",
    text: "Về đất đai: hoàn thành chỉnh lý, cập nhật hồ sơ địa chính theo địa giới hành chính mới trước ngày 30/6/2026.",
    directive: {
      key: "e3",
      title: "Chỉnh lý, cập nhật hồ sơ địa chính theo địa giới hành chính mới",
      lead: "ubndPhuong",
      coordinators: ["soNnMt"],
      deadline: { kind: "date", date: "2026-06-30", phrase: null },
    },
  },
  {
    number: "4",
    area: "administrative_reform",
    text: "Về cải cách hành chính: Trung tâm Phục vụ hành chính công phường bảo đảm 100% hồ sơ được giải quyết đúng hạn, nâng tỷ lệ hồ sơ nộp trực tuyến; hoàn thành trong quý II/2026.",
    directive: {
      key: "e4",
      title: "Bảo đảm 100% hồ sơ thủ tục hành chính giải quyết đúng hạn, nâng tỷ lệ hồ sơ nộp trực tuyến",
      lead: "hcc",
      coordinators: ["soNoiVu"],
      deadline: { kind: "quarter", date: "2026-06-30", phrase: "trong quý II/2026" },
    },
  },
  {
    number: "5",
    area: "culture_society",
    text: "Về văn hóa - xã hội: hoàn thành sắp xếp tổ dân phố theo Nghị quyết của HĐND Thành phố trước ngày 31/5/2026; duy trì không có hộ nghèo.",
    directive: {
      key: "e5",
      title: "Hoàn thành sắp xếp tổ dân phố theo Nghị quyết của HĐND Thành phố",
      lead: "ubndPhuong",
      coordinators: ["soNoiVu"],
      deadline: { kind: "date", date: "2026-05-31", phrase: null },
    },
  },
  {
    number: "6",
    area: "education",
    text: "Về giáo dục: bảo đảm đủ chỗ học cho học sinh trên địa bàn năm học 2026 - 2027; hoàn thành trước ngày 15/8/2026.",
    directive: {
      key: "e6",
      title: "Bảo đảm đủ chỗ học cho học sinh năm học 2026 - 2027",
      lead: "ubndPhuong",
      coordinators: ["soGddt"],
      deadline: { kind: "date", date: "2026-08-15", phrase: null },
    },
  },
  {
    number: "7",
    area: "fire_prevention",
    text: "Về phòng cháy, chữa cháy: thường xuyên kiểm tra an toàn phòng cháy, chữa cháy tại nhà ở kết hợp sản xuất, kinh doanh và chung cư mini.",
    directive: {
      key: "e7",
      title:
        "Thường xuyên kiểm tra an toàn phòng cháy, chữa cháy tại nhà ở kết hợp kinh doanh, chung cư mini",
      lead: "ubndPhuong",
      coordinators: ["congAnTp"],
      deadline: { kind: "recurring", date: null, phrase: "thường xuyên" },
    },
  },
  {
    number: "8",
    area: "proposals",
    text: "Về các kiến nghị của phường: giao Sở Tài chính chủ trì, phối hợp Sở Xây dựng nghiên cứu đề xuất hỗ trợ kinh phí cải tạo trụ sở Trung tâm Phục vụ hành chính công phường, báo cáo UBND Thành phố trước ngày 30/4/2026.",
    directive: {
      key: "e8",
      title:
        "Nghiên cứu đề xuất hỗ trợ kinh phí cải tạo trụ sở Trung tâm Phục vụ hành chính công phường Việt Hưng",
      lead: "soTaiChinh",
      coordinators: ["soXayDung"],
      deadline: { kind: "date", date: "2026-04-30", phrase: null },
    },
  },
];

/**
 * The ward's own next session, already on the calendar: the People's Council's year-end sitting
 * (the December entry of the ward's programme, which stays "chưa tổ chức" until it is held), put in
 * on 01/12/2026.
 */
export const COUNCIL_SITTING_2026 = {
  title: "Kỳ họp thường lệ cuối năm 2026 của HĐND phường Việt Hưng",
  recordedAt: "2026-12-01T09:00:00+07:00",
  startsAt: "2026-12-18T08:00:00+07:00",
  endsAt: "2026-12-18T11:30:00+07:00",
  place: "Hội trường UBND phường Việt Hưng",
  chair: "Nguyễn Thị Thanh Hương",
  chairTitle: "Bí thư Đảng ủy, Chủ tịch HĐND phường",
  agenda: [
    [
      "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026, kế hoạch năm 2027",
      "Trần Đức Thắng",
    ],
    ["Dự toán thu, chi ngân sách phường năm 2027", "Phạm Quốc Tuấn"],
    ["Thảo luận, biểu quyết thông qua các nghị quyết", "Nguyễn Thị Thanh Hương"],
  ] as [string, string | null][],
};
