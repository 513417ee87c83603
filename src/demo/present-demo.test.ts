import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { createTestDatabase, ENGINES } from "../../test/support/databases.js";
import { TestClient } from "../../test/support/http.js";
import { DEMO_PASSWORD } from "../accounts/accounts.demo.js";
import { ITEMS_2026 } from "../conclusions/session-2026.demo.js";
import { timelinessOf } from "../directives/directives.model.js";
import { listDirectives } from "../directives/directives.repo.js";
import { sqlClock } from "../directives/timeliness-sql.js";
import { loadDemoIfEmpty } from "./demo-loader.js";
import { presentStoryBegun } from "./load-present.js";

/** Monday 07/12/2026, 09:00 in Hà Nội: the present of the demo's second story. */
const TODAY = new Date("2026-12-07T02:00:00Z");

describe.each(ENGINES)("the present-day demo on %s", (engine) => {
  let t: TestApp;
  const clients = new Map<string, TestClient>();
  async function as(username: string): Promise<TestClient> {
    const known = clients.get(username);
    if (known) return known;
    const client = new TestClient(t);
    const response = await client.logIn(username, DEMO_PASSWORD);
    expect(response.status, `log in as ${username}`).toBe(303);
    clients.set(username, client);
    return client;
  }
  const db = () => t.database.db;
  async function unitId(name: string, level: string): Promise<number> {
    const row = await db()
      .selectFrom("units")
      .select("id")
      .where("name", "=", name)
      .where("level", "=", level)
      .where("valid_to", "is", null)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-present-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    expect(await loadDemoIfEmpty(t.database, TODAY, path.join(dataDir, "media"))).toBe(true);
  }, 180_000);
  afterAll(() => t.close());

  it("gives the new accounts their grants on today's units", async () => {
    const grants = await db()
      .selectFrom("role_grants")
      .innerJoin("users", "users.id", "role_grants.user_id")
      .innerJoin("units", "units.id", "role_grants.unit_id")
      .select([
        "users.username",
        "role_grants.role",
        "units.name",
        "units.valid_to",
        "role_grants.valid_from",
      ])
      .where("users.username", "in", ["viethung", "lanhdao.viethung", "ubnd.hanoi"])
      .orderBy("users.username")
      .orderBy("role_grants.role")
      .execute();
    expect(grants.map((g) => [g.username, g.role, g.name, g.valid_to, g.valid_from])).toEqual([
      ["lanhdao.viethung", "leader", "Việt Hưng", null, "2025-07-01"],
      ["ubnd.hanoi", "leader", "Hà Nội", null, "2025-07-01"],
      ["ubnd.hanoi", "unit_admin", "Hà Nội", null, "2025-07-01"],
      ["viethung", "data_officer", "Việt Hưng", null, "2025-07-01"],
      ["viethung", "unit_admin", "Việt Hưng", null, "2025-07-01"],
      ["viethung", "writer", "Việt Hưng", null, "2025-07-01"],
    ]);
  });

  it("holds the 2026 session, its eight conclusions and their directives: done, in progress, one overdue", async () => {
    const vietHung = await unitId("Việt Hưng", "ward");
    const session = await db()
      .selectFrom("working_sessions")
      .selectAll()
      .where("host_unit_id", "=", vietHung)
      .where("kind", "=", "working_visit")
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({
      title: "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng",
      place: "Hội trường UBND phường Việt Hưng",
      chair_name: "Vũ Minh Quang",
      starts_at: "2026-03-18T07:00:00.000Z",
    });
    expect(session.program_item_id).not.toBeNull();
    const notice = await db()
      .selectFrom("conclusion_notices")
      .selectAll()
      .where("session_id", "=", session.id)
      .executeTakeFirstOrThrow();
    expect(notice.number).toBe("112/TB-VP");
    const items = await db()
      .selectFrom("conclusion_items")
      .select("number")
      .where("notice_id", "=", notice.id)
      .orderBy("sort_order")
      .execute();
    expect(items.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const { rows } = await listDirectives(db(), {
      scope: "all",
      noticeId: notice.id,
      clock: sqlClock(TODAY),
      limit: 100,
      offset: 0,
    });
    const byTimeliness: Record<string, number> = {};
    for (const d of rows) {
      const k = timelinessOf(d, TODAY);
      byTimeliness[k] = (byTimeliness[k] ?? 0) + 1;
    }
    // e3, e5, e5a, e6, e8 on time; e4 late; e2 overdue; e1, e2a (due 31/12) and e1a (submitted in
    // time, waiting for the ward's leader) in time; e7 recurring.
    expect(byTimeliness).toEqual({ done_on_time: 5, done_late: 1, overdue: 1, in_time: 3, no_deadline: 1 });
    const overdue = rows.find((d) => timelinessOf(d, TODAY) === "overdue");
    expect(overdue?.deadline.date).toBe("2026-09-30");
    expect(overdue?.lead.name).toBe("UBND phường Việt Hưng");
  });

  it("has the ward's proposals: answered, being solved, and one waiting for an answer", async () => {
    const rows = await db()
      .selectFrom("proposals")
      .select(["session_id", "status"])
      .where("from_unit_id", "=", await unitId("Việt Hưng", "ward"))
      .orderBy("id")
      .execute();
    expect(rows.map((p) => p.status)).toEqual(["in_progress", "answered", "unanswered"]);
    expect(rows.map((p) => p.session_id !== null)).toEqual([true, true, false]);
  });

  /** The page's text inside <main>, tags dropped and spaces collapsed. */
  async function mainText(username: string, url: string): Promise<string> {
    const { response, html } = await (await as(username)).page(url);
    expect(response.status, `${username} ${url}`).toBe(200);
    const main = html.replace(/[\s\S]*?<main[^>]*>/, "").replace(/<\/main>[\s\S]*/, "");
    return main
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }

  it("opens every admin list of phường Việt Hưng's office on its data", async () => {
    const ward = await unitId("Việt Hưng", "ward");
    const city = await unitId("Hà Nội", "city");
    const dashboard = await mainText("viethung", "/quan-tri");
    // The cards: 4 residential groups' figures to approve, 1 directive overdue, 15 unread notifications
    // (12 of the 2026 story, 3 of the directives handed over from Thượng Thanh), 4 items still to hand over.
    expect(dashboard).toMatch(/4 Số liệu chờ tôi phê duyệt 1 Nhiệm vụ của tôi quá hạn/);
    expect(dashboard).toContain("15 Thông báo chưa đọc");
    expect(dashboard).toContain("4 Công việc chờ bàn giao");
    expect(await mainText("viethung", "/quan-tri/chuong-trinh-cong-tac")).toContain(
      "Phường Việt Hưng Đã tổ chức ngày 18/03/2026",
    );
    // In December 2026 the year has estimates only (ước thực hiện); the final figures come next year.
    const entry = await mainText("viethung", `/quan-tri/so-lieu/${ward}/2026?phien-ban=estimate`);
    expect(entry).toContain("Thu ngân sách nhà nước trên địa bàn");
    // Four estimates approved by the city, five waiting.
    expect(entry.match(/ Đã duyệt/g)).toHaveLength(4);
    expect(entry.match(/ Chờ duyệt/g)).toHaveLength(5);
    const approvals = await mainText("viethung", "/quan-tri/phe-duyet");
    expect(approvals.match(/kỳ 2026: 1 số liệu chờ duyệt/g)).toHaveLength(4);
    expect(await mainText("viethung", `/don-vi/${ward}/danh-gia?ky=2025`)).toContain(
      "Năm 2025, phường Việt Hưng đã hoàn thành vượt mức 9 chỉ tiêu",
    );
    expect(await mainText("viethung", `/don-vi/${ward}/danh-gia?ky=2026`)).toContain(
      "Các số liệu trên là số ước thực hiện",
    );
    expect(await mainText("viethung", `/xep-hang?don-vi=${city}&ky=2025`)).toContain(
      "Bảng xếp hạng năm 2025, 4 đơn vị được xếp hạng",
    );
    // 10 tasks of the 2026 story and 3 standing tasks (no deadline) taken over from Thượng Thanh.
    expect(await mainText("viethung", "/quan-tri/theo-doi")).toContain(
      "Tổng số 13 nhiệm vụ: đã hoàn thành 5 (38,5%), quá hạn 1.",
    );
    expect(await mainText("viethung", "/quan-tri/nhiem-vu")).toContain("Quá hạn 68 ngày");
    const proposals = await mainText("viethung", "/quan-tri/kien-nghi");
    for (const status of ["Đang giải quyết", "Đã trả lời", "Chưa trả lời"])
      expect(proposals).toContain(status);
    expect(await mainText("viethung", "/quan-tri/thong-bao")).toContain("15 thông báo chưa đọc");
    expect(await mainText("viethung", "/quan-tri/lich-lam-viec")).toContain(
      "Thứ Sáu, 18/12/2026 08:00 Kỳ họp thường lệ cuối năm 2026 của HĐND phường Việt Hưng",
    );
    expect(await mainText("viethung", "/quan-tri/bai-viet")).toContain("Bản nháp (1)");
    expect(await mainText("viethung", "/quan-tri/thi-dua")).toContain(
      "Bảng chấm điểm thi đua các tổ dân phố năm 2026 (minh họa)",
    );
    // The ward ranks its residential groups on its council's points, ties shown as ties.
    const groups = await mainText("viethung", `/xep-hang?don-vi=${ward}&ky=2026`);
    expect(groups).toContain("Bảng xếp hạng năm 2026, 4 đơn vị được xếp hạng");
    expect(groups).toContain("1 đồng hạng Tổ dân phố Lệ Mật 88");
  });

  it("shows the city's office the 2026 session, its notice and directives, and the figures it must approve", async () => {
    const client = await as("ubnd.hanoi");
    const { html } = await client.page("/quan-tri/buoi-lam-viec");
    const link = html.match(
      /href="(\/quan-tri\/buoi-lam-viec\/\d+)"[^>]*>Phó Chủ tịch UBND Thành phố làm việc/,
    );
    expect(link?.[1]).toBeDefined();
    const session = await mainText("ubnd.hanoi", link?.[1] ?? "");
    expect(session).toContain("Hội trường UBND phường Việt Hưng");
    expect(session).toContain("112/TB-VP");
    const directives = await mainText("ubnd.hanoi", "/quan-tri/nhiem-vu");
    for (const item of ITEMS_2026) expect(directives).toContain(item.directive.title);
    const dashboard = await mainText("ubnd.hanoi", "/quan-tri");
    // 18 figures of the four wards and the residential groups wait; the ward's last proposal too.
    expect(dashboard).toMatch(
      /^Xin chào, Văn phòng UBND Thành phố Hà Nội Việc của tôi 22 Số liệu chờ tôi phê duyệt/,
    );
    expect(dashboard).toContain("1 Kiến nghị tôi phải trả lời");
  });

  it("lets phường Việt Hưng's leader confirm the ward's own tasks", async () => {
    const list = await mainText("lanhdao.viethung", "/quan-tri/nhiem-vu");
    expect(list).toContain("Rà soát, lập phương án sắp xếp các tổ dân phố trình HĐND phường");
    expect(await mainText("lanhdao.viethung", "/quan-tri/thong-bao")).toContain(
      "Đơn vị báo cáo hoàn thành, chờ xác nhận: Rà soát, lập danh sách hộ kinh doanh",
    );
  });
});

describe("when the present story begins", () => {
  it("begins on 01/07/2025 in Hà Nội, the first day of the two-level local government", () => {
    expect(presentStoryBegun(new Date("2025-06-30T16:59:59Z"))).toBe(false);
    expect(presentStoryBegun(new Date("2025-06-30T17:00:00Z"))).toBe(true);
  });
});

describe.each(ENGINES)("the present-day demo loaded on 01/04/2026 on %s", (engine) => {
  it("holds only what had happened by then", async () => {
    const database = await createTestDatabase(engine);
    try {
      const date = new Date("2026-04-01T02:00:00Z");
      await loadDemoIfEmpty(database, date, mkdtempSync(path.join(tmpdir(), "giaoban-present-early-")));
      const db = database.db;
      const sessions = await db.selectFrom("working_sessions").select("title").orderBy("id").execute();
      expect(sessions.map((s) => s.title)).toContain(
        "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng",
      );
      // The 2026 estimates are reported in December; the 2025 figures were approved in January.
      const results = await db
        .selectFrom("results")
        .select(["period_key", "status"])
        .where("period_key", "in", ["2025", "2026"])
        .execute();
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.period_key === "2025" && r.status === "approved")).toBe(true);
      const confirmed = await db
        .selectFrom("directives")
        .select("id")
        .where("state", "=", "confirmed")
        .where("created_at", ">=", "2026-01-01")
        .execute();
      expect(confirmed).toHaveLength(0);
      const late = await db
        .selectFrom("proposals")
        .select("id")
        .where("created_at", ">", date.toISOString())
        .execute();
      expect(late).toHaveLength(0);
    } finally {
      await database.close();
    }
  }, 120_000);
});
