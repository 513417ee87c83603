import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnitOpenWork } from "../../src/directives/follow-up/follow-up.routes.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { formValues } from "../support/forms.js";
import { TestClient } from "../support/http.js";
import { referenceSessionForm, type Seeded, seedRegistry } from "./seed.js";

const ARTICLE = readFileSync(new URL("../fixtures/thuong-thanh-2020-01-02.txt", import.meta.url), "utf8");

describe.each(ENGINES)("session, conclusion and follow-up pages on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let sessionUrl: string;
  let noticeUrl: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
  });
  afterAll(() => t.close());

  it("creates a session from the form and shows it", async () => {
    const form = await office.page(`/quan-tri/buoi-lam-viec/moi?host=u${s.ward}`);
    expect(form.html).toContain("Việc còn mở từ các buổi làm việc trước với Phường Thượng Thanh");
    const res = await office.postForm("/quan-tri/buoi-lam-viec/moi", {
      ...referenceSessionForm(s),
      attendeesVisiting:
        "Đỗ Mạnh Hải - Bí thư Quận ủy, Chủ tịch HĐND quận\nĐường Hoài Nam - Phó Bí thư Thường trực Quận ủy",
      attendeesHost: "Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường",
      agenda:
        "Kết quả thực hiện nhiệm vụ chính trị năm 2019 | Phạm Thị Minh Hồng\nCông tác chuẩn bị Đại hội nhiệm kỳ 2020 - 2025",
      evaluationPeriod: "2019",
      opinions: "Nguyễn Mạnh Hà - Chủ tịch UBND quận: làm rõ thêm nhiệm vụ và giải pháp năm 2020",
    });
    expect(res.status).toBe(303);
    sessionUrl = res.headers.get("location")?.replace(/\?.*$/, "") ?? "";
    const { html } = await office.page(sessionUrl);
    expect(html).toContain("Phòng họp 1 UBND phường Thượng Thanh");
    expect(html).toContain("14:00, 02/01/2020");
    expect(html).toContain("Đỗ Mạnh Hải - Bí thư Quận ủy");
    expect(html).toContain(`/don-vi/${s.ward}/danh-gia?ky=2019`);
    expect(html).toContain("Nguyễn Mạnh Hà - Chủ tịch UBND quận:");
  });

  it("keeps the form's values on edit and adds an uploaded document", async () => {
    const edit = await office.page(`${sessionUrl}/sua`);
    const form = new FormData();
    for (const [k, v] of formValues(edit.html)) form.append(k, v);
    form.set("documentTitle", "Báo cáo chính trị (dự thảo)");
    form.set("documentFile", new File(["Dự thảo"], "du-thao.txt", { type: "text/plain" }));
    const saved = await office.request(`${sessionUrl}/sua`, { method: "POST", body: form });
    expect(saved.status).toBe(303);
    const { html } = await office.page(sessionUrl);
    expect(html).toContain("Đỗ Mạnh Hải - Bí thư Quận ủy");
    expect(html).toContain(`/don-vi/${s.ward}/danh-gia?ky=2019`);
    const link = html.match(/href="(\/quan-tri\/tep\/\d+)">Báo cáo chính trị \(dự thảo\)</)?.[1] as string;
    expect(await (await office.request(link)).text()).toBe("Dự thảo");
  });

  it("says what is wrong next to the fields of a bad session form", async () => {
    const res = await office.postForm("/quan-tri/buoi-lam-viec/moi", {
      kind: "working_visit",
      title: "",
      host: "",
      date: "2020-02-30",
      time: "25:00",
      place: "",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Vui lòng nhập tên buổi làm việc.");
    expect(html).toContain("Vui lòng chọn ngày");
  });

  it("reads pasted conclusions, lets them be corrected, and saves the notice", async () => {
    const review = await office.postForm(`${sessionUrl}/ket-luan/doc`, { text: ARTICLE });
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(html).toContain("Hệ thống đã đọc được <strong>9</strong> nội dung");
    const values = formValues(html);
    values.set("number", "136-TB/QU");
    values.set("issuedOn", "2020-01-05");
    values.set("signerTitle", "Bí thư");
    values.set("item-0-deadlineKind", "date");
    values.set("item-0-deadlineDate", "2020-06-30");
    values.append("item-2-coordinators", `o${s.org.tnmt}`);
    values.set("_action", "save");
    const saved = await office.request(`${sessionUrl}/ket-luan`, {
      method: "POST",
      body: values,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(saved.status).toBe(303);
    noticeUrl = saved.headers.get("location") ?? "";
    const notice = await office.page(noticeUrl);
    expect(notice.html).toContain("QUẬN ỦY LONG BIÊN · Số 136-TB/QU · Long Biên, ngày 05/01/2020");
    expect(notice.html).toContain("trước ngày 30/06/2020");
    expect(notice.html).toContain("Phòng Tài nguyên và Môi trường quận Long Biên");
    expect((notice.html.match(/href="\/quan-tri\/nhiem-vu\/\d+"/g) ?? []).length).toBe(9);
  });

  it("takes the ward through progress, submission and confirmation on the directive page", async () => {
    const notice = await office.page(noticeUrl);
    const first = notice.html.match(/href="(\/quan-tri\/nhiem-vu\/\d+)"/)?.[1] as string;
    const ward = new TestClient(t, "203.0.113.30");
    await ward.logIn("ward");
    const page = await ward.page(first);
    expect(page.html).toContain("Báo cáo tiến độ");
    expect(page.html).not.toContain("Xác nhận hoàn thành</button>");
    const form = new FormData();
    form.set("_csrf", ward.csrfToken);
    form.set("action", "report_progress");
    form.set("percent", "50");
    form.set("text", "Đã rà soát xong các nguồn thu");
    form.set("file", new File(["Báo cáo tiến độ"], "bao-cao-tien-do.txt", { type: "text/plain" }));
    const progress = await ward.request(`${first}/thao-tac`, { method: "POST", body: form });
    expect(progress.status).toBe(303);
    const after = await ward.page(first);
    expect(after.html).toContain("Đã rà soát xong các nguồn thu");
    const file = after.html.match(/href="(\/quan-tri\/tep\/\d+)"/)?.[1] as string;
    const download = await ward.request(file);
    expect(await download.text()).toBe("Báo cáo tiến độ");
    const other = new TestClient(t, "203.0.113.31");
    await other.logIn("otherward");
    expect((await other.request(file)).status).toBe(404);

    const bad = await ward.postForm(`${first}/thao-tac`, {
      action: "report_progress",
      percent: "150",
      text: "x",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.");
    expect((await ward.postForm(`${first}/thao-tac`, { action: "submit", text: "Xong" })).status).toBe(303);
    const before = await office.page("/quan-tri/theo-doi?theo=lead");
    expect(before.html).toContain("đã hoàn thành 0 (0%)");
    expect((await office.postForm(`${first}/thao-tac`, { action: "confirm", text: "" })).status).toBe(303);
    const follow = await office.page("/quan-tri/theo-doi?theo=lead");
    expect(follow.html).toContain("Tổng số 9 nhiệm vụ: đã hoàn thành 1 (11,1%), quá hạn 0.");
  });

  it("exports the follow-up report to Excel", async () => {
    const res = await office.request("/quan-tri/theo-doi.xlsx?theo=notice");
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("Theo dõi nhiệm vụ");
    const rows = ws?.getSheetValues() ?? [];
    const total = rows.find((r) => Array.isArray(r) && r[1] === "Tổng cộng") as unknown[];
    expect(total.slice(1, 4)).toEqual(["Tổng cộng", 9, 1]);
    expect(rows.some((r) => Array.isArray(r) && r[1] === "Thông báo 136-TB/QU ngày 05/01/2020")).toBe(true);
  });

  it("shows the calendar and serves the iCalendar feed to signed-in users", async () => {
    const cal = await office.page("/quan-tri/lich-lam-viec?thang=2020-01");
    expect(cal.html).toContain("Thứ Năm, 02/01/2020");
    const ics = await office.request("/lich-lam-viec.ics");
    const text = await ics.text();
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain("DTSTART:20200102T070000Z");
    expect(text).toContain("LOCATION:Phòng họp 1 UBND phường Thượng Thanh");
    const anonymous = await t.app.request("/lich-lam-viec.ics");
    expect(anonymous.status).toBe(302);
  });

  it("gives the unit page a section of the unit's open directives, only for people who may read them", async () => {
    const fakeContext = (username: string | null) =>
      ({
        var: {
          ctx: t.ctx,
          auth: {
            actor:
              username === null
                ? null
                : {
                    userId: 0,
                    username,
                    displayName: username,
                    grants: [
                      {
                        role: username === "ward" ? "unit_admin" : "data_officer",
                        unitId: username === "ward" ? s.ward : s.otherWard,
                        validFrom: "2019-01-01",
                        validTo: null,
                      },
                    ],
                  },
          },
        },
      }) as unknown as Parameters<typeof UnitOpenWork>[0]["c"];
    const section = await UnitOpenWork({
      c: fakeContext("ward"),
      unitId: s.ward,
      unitName: "Phường Thượng Thanh",
    });
    const html = String(await section);
    expect(html).toContain("Nhiệm vụ, kiến nghị đang thực hiện");
    expect(html).toMatch(/Phường Thượng Thanh đang chủ trì 8 nhiệm vụ chưa hoàn thành/);
    expect(await UnitOpenWork({ c: fakeContext(null), unitId: s.ward, unitName: "x" })).toBeNull();
    expect(await UnitOpenWork({ c: fakeContext("otherward"), unitId: s.ward, unitName: "x" })).toBeNull();
  });

  it("records a proposal from the session page and lets the department answer it", async () => {
    const sessionId = sessionUrl.split("/").pop() as string;
    const res = await office.postForm("/quan-tri/kien-nghi/moi", {
      buoi: sessionId,
      from: `u${s.ward}`,
      topic: "Hỗ trợ kinh phí cải tạo nhà văn hóa tổ dân phố",
      addressees: `o${s.org.taiChinh}`,
      answerDue: "2020-02-28",
    });
    expect(res.status).toBe(303);
    const url = res.headers.get("location")?.replace(/\?.*$/, "") as string;
    const session = await office.page(sessionUrl);
    expect(session.html).toContain("Hỗ trợ kinh phí cải tạo nhà văn hóa tổ dân phố");
    const answered = await office.postForm(`${url}/tra-loi`, {
      answer: "Đồng ý bố trí trong dự toán năm 2020.",
      status: "resolved",
    });
    expect(answered.status).toBe(303);
    expect((await office.page(url)).html).toContain("Đã giải quyết");
  });
});

describe("the OpenAPI document", () => {
  it("describes the sessions, conclusions, directives, progress and proposals API", async () => {
    const t = await createTestApp("sqlite");
    try {
      const res = await t.app.request("/api/openapi.json");
      expect(res.status).toBe(200);
      const doc = await res.json();
      for (const path of [
        "/api/v1/sessions",
        "/api/v1/sessions/{id}",
        "/api/v1/conclusions/parse",
        "/api/v1/conclusions",
        "/api/v1/conclusions/{id}/docx",
        "/api/v1/directives",
        "/api/v1/directives/{id}/actions",
        "/api/v1/directives/{id}/progress",
        "/api/v1/follow-up",
        "/api/v1/proposals",
        "/api/v1/proposals/{id}/answer",
        "/api/v1/notifications",
      ]) {
        expect(doc.paths[path], path).toBeDefined();
      }
      const params = doc.paths["/api/v1/directives"].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(expect.arrayContaining(["unit", "status", "timeliness"]));
    } finally {
      await t.close();
    }
  });
});
