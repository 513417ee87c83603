import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plannedDate, plannedLabel, programItemErrors } from "../../src/sessions/programme.rules.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

describe("programme rules", () => {
  it.each([
    [{ year: 2020, plannedMonth: 1 }, "Tháng 01/2020"],
    [{ year: 2020, plannedMonth: 12 }, "Tháng 12/2020"],
    [{ year: 2021, plannedMonth: null }, "Năm 2021"],
  ])("labels %o as %s", (item, label) => {
    expect(plannedLabel(item)).toBe(label);
  });

  it.each([
    [{ year: 2020, plannedMonth: 1 }, "2020-01-15", "2020-01-15"],
    [{ year: 2020, plannedMonth: 3 }, "2020-01-15", "2020-03-01"],
    [{ year: 2020, plannedMonth: null }, "2020-06-02", "2020-06-02"],
    [{ year: 2021, plannedMonth: null }, "2020-06-02", "2021-01-01"],
  ])("starts a session of %o, today %s, on %s", (item, today, date) => {
    expect(plannedDate(item, today)).toBe(date);
  });

  it("says what is wrong with an entry", () => {
    expect(
      programItemErrors({ ownerUnitId: 1, year: 20, title: " ", plannedMonth: 13, hostUnitId: null }),
    ).toEqual({
      year: "Năm là số có 4 chữ số, từ 1990 đến 2100.",
      title: "Vui lòng nhập nội dung công tác.",
      plannedMonth: "Tháng dự kiến từ 1 đến 12.",
    });
    expect(
      programItemErrors({ ownerUnitId: 1, year: 2020, title: "Họp", plannedMonth: null, hostUnitId: null }),
    ).toEqual({});
  });
});

describe.each(ENGINES)("the programme of work on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let itemId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2019-12-20T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.40");
    await ward.logIn("ward");
  });
  afterAll(() => t.close());

  const audits = (id: number) =>
    t.database.db
      .selectFrom("audit_events")
      .select(["action", "before_json", "after_json", "unit_id"])
      .where("entity_type", "=", "work_program_item")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();

  it("says what is wrong next to the fields and saves nothing", async () => {
    const res = await office.postForm("/quan-tri/chuong-trinh-cong-tac/moi", {
      owner: "",
      year: "20",
      month: "13",
      title: "",
      host: "u999999",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const message of [
      "Vui lòng chọn đơn vị lập chương trình.",
      "Năm là số có 4 chữ số, từ 1990 đến 2100.",
      "Tháng dự kiến từ 1 đến 12.",
      "Vui lòng nhập nội dung công tác.",
      "Không có đơn vị này.",
    ]) {
      expect(html).toContain(`${message}</p>`);
    }
    const rows = await t.database.db.selectFrom("work_program_items").select("id").execute();
    expect(rows).toEqual([]);
  });

  it("adds an entry to the district's programme for 2020, audited", async () => {
    const form = await office.page("/quan-tri/chuong-trinh-cong-tac/moi?nam=2020");
    expect(form.html).toContain("Thêm nội dung chương trình công tác");
    const res = await office.postForm("/quan-tri/chuong-trinh-cong-tac/moi", {
      owner: `u${s.district}`,
      year: "2020",
      month: "2",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      host: `u${s.ward}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/quan-tri/chuong-trinh-cong-tac?nam=2020&don_vi=${s.district}&ok=tao`,
    );
    const list = await office.page(res.headers.get("location") as string);
    expect(list.html).toContain("Đã thêm nội dung vào chương trình.");
    expect(list.html).toContain("Tháng 02/2020");
    expect(list.html).toContain("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh");
    expect(list.html).toContain("Chưa tổ chức");
    itemId = Number(list.html.match(/chuong_trinh=(\d+)/)?.[1]);
    expect(itemId).toBeGreaterThan(0);
    const [created] = await audits(itemId);
    expect(created?.action).toBe("create");
    expect(created?.unit_id).toBe(s.district);
    expect(JSON.parse(created?.after_json ?? "{}")).toMatchObject({ year: 2020, plannedMonth: 2 });
  });

  it("corrects the entry, audited with before and after", async () => {
    const edit = await office.page(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`);
    expect(edit.html).toContain("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh</textarea>");
    const bad = await office.postForm(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`, {
      owner: `u${s.district}`,
      year: "2020",
      month: "1",
      title: "",
      host: `u${s.ward}`,
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Vui lòng nhập nội dung công tác.</p>");
    const res = await office.postForm(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`, {
      owner: `u${s.district}`,
      year: "2020",
      month: "1",
      title: "Ban Thường vụ Quận ủy làm việc với Đảng ủy phường Thượng Thanh",
      host: `u${s.ward}`,
    });
    expect(res.status).toBe(303);
    const list = await office.page("/quan-tri/chuong-trinh-cong-tac?nam=2020");
    expect(list.html).toContain("Tháng 01/2020");
    expect(list.html).toContain("làm việc với Đảng ủy phường Thượng Thanh");
    const [, updated] = await audits(itemId);
    expect(updated?.action).toBe("update");
    expect(JSON.parse(updated?.before_json ?? "{}")).toMatchObject({
      plannedMonth: 2,
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
    });
    expect(JSON.parse(updated?.after_json ?? "{}")).toMatchObject({
      plannedMonth: 1,
      title: "Ban Thường vụ Quận ủy làm việc với Đảng ủy phường Thượng Thanh",
    });
  });

  it("shows the ward the district's entry planned with it, read-only", async () => {
    const list = await ward.page("/quan-tri/chuong-trinh-cong-tac?nam=2020");
    expect(list.html).toContain("làm việc với Đảng ủy phường Thượng Thanh");
    expect(list.html).not.toContain(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`);
    expect((await ward.request(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`)).status).toBe(403);
    const refused = await ward.postForm(`/quan-tri/chuong-trinh-cong-tac/${itemId}/sua`, {
      owner: `u${s.ward}`,
      year: "2020",
      month: "1",
      title: "x",
      host: "",
    });
    expect(refused.status).toBe(403);
    // The ward may not plan for the district either: the district is not among its choices.
    const notMine = await ward.postForm("/quan-tri/chuong-trinh-cong-tac/moi", {
      owner: `u${s.district}`,
      year: "2020",
      month: "",
      title: "Họp",
      host: "",
    });
    expect(notMine.status).toBe(422);
    expect(await notMine.text()).toContain("Vui lòng chọn đơn vị lập chương trình.");
    const other = new TestClient(t, "203.0.113.41");
    await other.logIn("otherward");
    const theirs = await other.page("/quan-tri/chuong-trinh-cong-tac?nam=2020");
    expect(theirs.html).not.toContain("Thượng Thanh</td>");
    expect((await other.request(`/quan-tri/buoi-lam-viec/moi?chuong_trinh=${itemId}`)).status).toBe(403);
  });

  it("creates a session from the entry and shows it as held", async () => {
    const form = await office.page(`/quan-tri/buoi-lam-viec/moi?chuong_trinh=${itemId}`);
    expect(form.html).toContain("Theo chương trình công tác:");
    expect(form.html).toContain(`name="programItem" value="${itemId}"`);
    expect(form.html).toContain('value="Ban Thường vụ Quận ủy làm việc với Đảng ủy phường Thượng Thanh"');
    expect(form.html).toMatch(/name="date"[^>]*value="2020-01-01"/);
    expect(form.html).toContain("Việc còn mở từ các buổi làm việc trước với Phường Thượng Thanh");
    const res = await office.postForm("/quan-tri/buoi-lam-viec/moi", {
      programItem: String(itemId),
      kind: "working_visit",
      title: "Ban Thường vụ Quận ủy làm việc với Đảng ủy phường Thượng Thanh",
      host: `u${s.ward}`,
      visiting: `o${s.org.quanUy}`,
      date: "2020-01-02",
      time: "14:00",
      place: "Phòng họp 1 UBND phường",
      chair: String(s.chair),
    });
    expect(res.status).toBe(303);
    const sessionUrl = (res.headers.get("location") as string).replace(/\?.*$/, "");
    const session = await office.page(sessionUrl);
    expect(session.html).toContain("Chương trình công tác");
    expect(session.html).toContain("(Tháng 01/2020)");
    const list = await office.page("/quan-tri/chuong-trinh-cong-tac?nam=2020");
    expect(list.html).toContain(`href="${sessionUrl}">Đã tổ chức ngày 02/01/2020</a>`);
    const row = await t.database.db
      .selectFrom("working_sessions")
      .select("program_item_id")
      .where("id", "=", Number(sessionUrl.split("/").pop()))
      .executeTakeFirstOrThrow();
    expect(row.program_item_id).toBe(itemId);
    // Editing the session keeps it under the programme entry.
    const edit = await office.page(`${sessionUrl}/sua`);
    expect(edit.html).toContain(`name="programItem" value="${itemId}"`);
  });

  it("does not let the ward hold its own session under the district's entry", async () => {
    const res = await ward.postForm("/quan-tri/buoi-lam-viec/moi", {
      programItem: String(itemId),
      kind: "briefing",
      title: "Giao ban phường",
      host: `u${s.ward}`,
      date: "2020-01-06",
      time: "08:00",
      place: "Hội trường UBND phường",
      chairName: "Phạm Thị Minh Hồng",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Nội dung này thuộc chương trình công tác của đơn vị khác.");
  });

  it("serves the programme through the API, with field paths for bad input", async () => {
    const list = await office.sendJson("GET", "/api/v1/program-items?year=2020", undefined);
    expect(list.status).toBe(200);
    const [entry] = (await list.json()).data;
    expect(entry).toMatchObject({
      id: itemId,
      ownerUnitId: s.district,
      year: 2020,
      plannedMonth: 1,
      hostUnitId: s.ward,
    });
    expect(entry.sessions).toHaveLength(1);
    const bad = await office.sendJson("POST", "/api/v1/program-items", {
      ownerUnitId: s.district,
      year: 2020,
      title: " ",
      plannedMonth: 13,
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual({
      title: "Vui lòng nhập nội dung công tác.",
      plannedMonth: "Tháng dự kiến từ 1 đến 12.",
    });
    const created = await office.sendJson("POST", "/api/v1/program-items", {
      ownerUnitId: s.district,
      year: 2020,
      title: "Hội nghị sơ kết 6 tháng",
      plannedMonth: 7,
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id;
    const put = await office.sendJson("PUT", `/api/v1/program-items/${id}`, {
      ownerUnitId: s.district,
      year: 2020,
      title: "Hội nghị sơ kết 6 tháng đầu năm",
      plannedMonth: 7,
    });
    expect((await put.json()).data.title).toBe("Hội nghị sơ kết 6 tháng đầu năm");
    const refused = await ward.sendJson("PUT", `/api/v1/program-items/${id}`, {
      ownerUnitId: s.ward,
      year: 2020,
      title: "x",
    });
    expect(refused.status).toBe(404);
  });

  it("refuses a session under an entry that does not exist, next to the field", async () => {
    const res = await office.postForm("/quan-tri/buoi-lam-viec/moi", {
      programItem: "987654",
      kind: "working_visit",
      title: "Họp",
      host: `u${s.ward}`,
      date: "2020-01-03",
      time: "08:00",
      place: "Hội trường",
      chairName: "Đỗ Mạnh Hải",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Không có nội dung này trong chương trình công tác.");
  });
});
