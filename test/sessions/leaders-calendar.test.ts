import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { PRESENT_CALENDAR } from "../../src/sessions/calendar/calendar.demo.js";
import { mondayOf, weekDays, weekOfQuery } from "../../src/sessions/calendar/week.rules.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

/** Monday 07/12/2026, 09:00 in Hà Nội: the present of the demo. */
const TODAY = new Date("2026-12-07T02:00:00Z");

describe("the week of the leaders' calendar", () => {
  it.each([
    ["2026-12-07", "2026-12-07"],
    ["2026-12-13", "2026-12-07"],
    ["2020-01-02", "2019-12-30"],
    ["2020-01-01", "2019-12-30"],
  ])("puts %s in the week of Monday %s", (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it("reads any date of `?tuan=` and falls back to today's week", () => {
    expect(weekOfQuery("2020-01-02", "2026-12-07")).toBe("2019-12-30");
    expect(weekOfQuery("2020-13-45", "2026-12-09")).toBe("2026-12-07");
    expect(weekOfQuery(undefined, "2026-12-09")).toBe("2026-12-07");
  });

  it("names the days the vi-VN way and spreads an all-day entry over its days", () => {
    const days = weekDays("2019-12-30", [
      {
        key: "entry-1",
        title: "Nghỉ lễ",
        startsAt: "2019-12-31T17:00:00.000Z",
        endsAt: "2020-01-02T17:00:00.000Z",
        allDay: true,
        place: "x",
        host: null,
        people: [],
      },
    ]);
    expect(days.map((d) => d.label)).toEqual([
      "Thứ Hai, 30/12/2019",
      "Thứ Ba, 31/12/2019",
      "Thứ Tư, 01/01/2020",
      "Thứ Năm, 02/01/2020",
      "Thứ Sáu, 03/01/2020",
      "Thứ Bảy, 04/01/2020",
      "Chủ nhật, 05/01/2020",
    ]);
    expect(days.map((d) => d.events.length)).toEqual([0, 0, 1, 1, 0, 0, 0]);
  });
});

/** The VEVENTs of an iCalendar text, each as its unfolded property lines. */
function icsEvents(text: string): Map<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current.set(
        line.slice(0, colon).split(";")[0] ?? "",
        line
          .slice(colon + 1)
          .replace(/\\,/g, ",")
          .replace(/\\;/g, ";"),
      );
    }
  }
  return events;
}

describe.each(ENGINES)("the leaders' calendar of the demo on %s", (engine) => {
  let t: TestApp;
  let visitor: TestClient;
  let vietHung: number;
  let thuongThanh: number;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-calendar-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    expect(await loadDemoIfEmpty(t.database, TODAY, path.join(dataDir, "media"))).toBe(true);
    visitor = new TestClient(t, "198.51.100.9");
    const unit = (name: string, current: boolean) =>
      t.database.db
        .selectFrom("units")
        .select("id")
        .where("name", "=", name)
        .where("level", "=", "ward")
        .where("valid_to", current ? "is" : "is not", null)
        .executeTakeFirstOrThrow();
    vietHung = (await unit("Việt Hưng", true)).id;
    thuongThanh = (await unit("Thượng Thanh", false)).id;
  }, 180_000);
  afterAll(() => t.close());

  it("opens on the site's ward and this week, with its public events and nothing internal", async () => {
    const { response, html } = await visitor.page("/lich-cong-tac");
    expect(response.status).toBe(200);
    expect(html).toContain("Lịch công tác của lãnh đạo Phường Việt Hưng");
    expect(html).toContain("Tuần từ 07/12/2026 đến 13/12/2026");
    expect(html).toContain("Thứ Hai, 07/12/2026");
    expect(html).toContain("Chủ nhật, 13/12/2026");
    for (const entry of PRESENT_CALENDAR) {
      if (entry.isPublic) expect(html).toContain(entry.title);
      else expect(html).not.toContain(entry.title);
    }
    expect(html).toContain("08:00 – 10:00");
    expect(html).toContain("Cả ngày");
    expect(html).toContain("Trần Đức Thắng – Chủ tịch UBND phường");
    expect(html).toContain(`href="/lich-cong-tac.ics?don-vi=${vietHung}"`);
    expect(html).toContain(`tuan=2026-11-30`);
    expect(html).toContain(`tuan=2026-12-14`);
  });

  it("shows the week of the session of 02/01/2020 of phường Thượng Thanh", async () => {
    const { html } = await visitor.page(`/lich-cong-tac?don-vi=${thuongThanh}&tuan=2020-01-02`);
    expect(html).toContain("Tuần từ 30/12/2019 đến 05/01/2020");
    expect(html).toContain("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh");
    expect(html).toContain("14:00 – 17:00");
    expect(html).toContain("Phòng họp 1 UBND phường Thượng Thanh");
    expect(html).toContain("Nghỉ Tết Dương lịch 2020");
    expect(html).not.toContain("(nội bộ, minh họa)");
    // The session's public facts only: no minutes, no attendance list.
    expect(html).not.toContain("Thành phần đoàn công tác");
  });

  it("shows the city's 2026 working session with the ward in its week", async () => {
    const { html } = await visitor.page(`/lich-cong-tac?don-vi=${vietHung}&tuan=2026-03-18`);
    expect(html).toContain("Tuần từ 16/03/2026 đến 22/03/2026");
    expect(html).toContain("Thứ Tư, 18/03/2026");
    expect(html).toContain("Hội trường UBND phường Việt Hưng");
    expect(html).toContain("14:00");
  });

  it("gives an iCalendar feed of the public events only", async () => {
    const response = await visitor.request(`/lich-cong-tac.ics?don-vi=${vietHung}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const events = icsEvents(text);
    const titles = events.map((e) => e.get("SUMMARY"));
    for (const entry of PRESENT_CALENDAR) expect(titles.includes(entry.title)).toBe(entry.isPublic);
    const meeting = events.find((e) => e.get("SUMMARY") === PRESENT_CALENDAR[0]?.title);
    // 08:00 in Hà Nội is 01:00 UTC.
    expect(meeting?.get("DTSTART")).toBe("20261207T010000Z");
    expect(meeting?.get("DTEND")).toBe("20261207T030000Z");
    expect(meeting?.get("LOCATION")).toBe("Phòng họp tầng 2, trụ sở UBND phường Việt Hưng");
    const allDay = events.find((e) => e.get("SUMMARY") === PRESENT_CALENDAR[3]?.title);
    expect(allDay?.get("DTSTART")).toBe("20261210");
    expect(allDay?.get("DTEND")).toBe("20261211");
    expect(new Set(events.map((e) => e.get("UID"))).size).toBe(events.length);
  });

  it("lets the ward's office add an entry, says what is wrong next to the fields, and audits it", async () => {
    const office = new TestClient(t, "203.0.113.61");
    expect((await office.logIn("viethung", DEMO_PASSWORD)).status).toBe(303);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom("calendar_entries")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await office.postForm("/quan-tri/lich-cong-tac/moi", {
      unit: String(vietHung),
      title: " ",
      date: "2026-12-08",
      startTime: "10:00",
      endTime: "09:00",
      place: "",
      host: "UBND phường",
    });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain("Vui lòng nhập nội dung công tác.");
    expect(page).toContain("Giờ kết thúc phải sau giờ bắt đầu.");
    expect(page).toContain("Vui lòng nhập địa điểm.");
    expect(await count()).toBe(before);

    const people = await t.database.db
      .selectFrom("people")
      .select(["id", "full_name"])
      .where("full_name", "=", "Phạm Quốc Tuấn")
      .executeTakeFirstOrThrow();
    const body = new URLSearchParams({
      _csrf: office.csrfToken,
      unit: String(vietHung),
      title: "Đối thoại với Nhân dân về chỉnh trang đô thị",
      date: "2026-12-12",
      startTime: "08:30",
      endTime: "10:30",
      place: "Nhà văn hóa tổ dân phố số 3",
      host: "UBND phường",
      people: String(people.id),
      isPublic: "1",
    });
    const ok = await office.request("/quan-tri/lich-cong-tac/moi", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(ok.status).toBe(303);
    expect(await count()).toBe(before + 1);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "after_json", "unit_id"])
      .where("entity_type", "=", "calendar_entry")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("create");
    expect(audit.unit_id).toBe(vietHung);
    expect(audit.after_json).toContain("Phạm Quốc Tuấn (Phó Chủ tịch UBND phường)");
    const { html } = await visitor.page("/lich-cong-tac");
    expect(html).toContain("Đối thoại với Nhân dân về chỉnh trang đô thị");
    expect(html).toContain("Thứ Bảy, 12/12/2026");
  });

  it("keeps other units' staff out of a ward's calendar", async () => {
    const city = new TestClient(t, "203.0.113.62");
    await city.logIn("lanhdao.viethung", DEMO_PASSWORD);
    const thuong = await city.postForm("/quan-tri/lich-cong-tac/moi", {
      unit: String(thuongThanh),
      title: "Không được phép",
      date: "2026-12-08",
      startTime: "08:00",
      endTime: "09:00",
      place: "x",
      host: "x",
    });
    expect(thuong.status).toBe(422);
    expect(await thuong.text()).toContain("Vui lòng chọn đơn vị có lịch công tác bạn được quản lý.");
    const anonymous = await visitor.request("/quan-tri/lich-cong-tac");
    expect([302, 303, 401]).toContain(anonymous.status);
  });
});
