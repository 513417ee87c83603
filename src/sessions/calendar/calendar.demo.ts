/**
 * The leaders' calendar of the demo. The present story: a week of phường Việt Hưng's leaders (the
 * week holding the demo's "today", days given as 0 = Monday … 6 = Sunday), one entry kept internal.
 * The reference story: phường Thượng Thanh's week of the session of 02/01/2020, without naming its
 * real leaders in events the article does not report (the titles say "minh họa").
 */
export interface DemoCalendarEntry {
  title: string;
  /** Days after the week's Monday (present story) or a date `YYYY-MM-DD` (reference story). */
  day: number | string;
  /** "08:00"–"11:30"; none for an all-day entry. */
  start?: string;
  end?: string;
  place: string;
  host: string;
  /** Full names, as in the people lists (units/people*.demo.ts). */
  people: string[];
  isPublic: boolean;
}

export const PRESENT_CALENDAR_UNIT_KEY = "new-ward:viet-hung";

export const PRESENT_CALENDAR: DemoCalendarEntry[] = [
  {
    title: "Giao ban công tác tuần của Thường trực Đảng ủy, HĐND, UBND phường",
    day: 0,
    start: "08:00",
    end: "10:00",
    place: "Phòng họp tầng 2, trụ sở UBND phường Việt Hưng",
    host: "Đảng ủy phường",
    people: ["Nguyễn Thị Thanh Hương", "Trần Đức Thắng", "Phạm Quốc Tuấn"],
    isPublic: true,
  },
  {
    title: "Kiểm tra công tác bảo đảm trật tự đô thị, vệ sinh môi trường tại các tổ dân phố",
    day: 1,
    start: "14:00",
    end: "16:30",
    place: "Địa bàn các tổ dân phố phường Việt Hưng",
    host: "UBND phường",
    people: ["Phạm Quốc Tuấn", "Lê Văn Khải"],
    isPublic: true,
  },
  {
    title: "Chủ tịch UBND phường tiếp công dân định kỳ",
    day: 2,
    start: "08:00",
    end: "11:30",
    place: "Trụ sở Tiếp công dân phường Việt Hưng",
    host: "UBND phường",
    people: ["Trần Đức Thắng"],
    isPublic: true,
  },
  {
    title: "Hội nghị tập huấn chuyển đổi số cho cán bộ tổ dân phố",
    day: 3,
    place: "Hội trường UBND phường Việt Hưng",
    host: "UBND phường",
    people: ["Phạm Quốc Tuấn"],
    isPublic: true,
  },
  {
    title: "Họp chuẩn bị nội dung kỳ họp HĐND phường cuối năm (nội bộ)",
    day: 4,
    start: "15:00",
    end: "17:00",
    place: "Phòng họp tầng 2, trụ sở UBND phường Việt Hưng",
    host: "Thường trực HĐND phường",
    people: ["Nguyễn Thị Thanh Hương", "Đỗ Thị Minh Nguyệt"],
    isPublic: false,
  },
];

export const REFERENCE_CALENDAR_UNIT_KEY = "ward:thuong-thanh";

export const REFERENCE_CALENDAR: DemoCalendarEntry[] = [
  {
    title: "Hội nghị tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020 của UBND phường (minh họa)",
    day: "2019-12-30",
    start: "08:00",
    end: "11:30",
    place: "Hội trường UBND phường Thượng Thanh",
    host: "UBND phường",
    people: [],
    isPublic: true,
  },
  {
    title: "Nghỉ Tết Dương lịch 2020",
    day: "2020-01-01",
    place: "Trụ sở UBND phường Thượng Thanh",
    host: "UBND phường",
    people: [],
    isPublic: true,
  },
  {
    title: "Tiếp công dân định kỳ (minh họa)",
    day: "2020-01-03",
    start: "08:00",
    end: "11:00",
    place: "Phòng tiếp công dân UBND phường Thượng Thanh",
    host: "UBND phường",
    people: [],
    isPublic: true,
  },
  {
    title: "Họp chuẩn bị báo cáo buổi làm việc với Ban Thường vụ Quận ủy (nội bộ, minh họa)",
    day: "2019-12-31",
    start: "14:00",
    end: "16:00",
    place: "Phòng họp 1 UBND phường Thượng Thanh",
    host: "Đảng ủy phường",
    people: [],
    isPublic: false,
  },
];
