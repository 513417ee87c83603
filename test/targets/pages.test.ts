import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

describe.each(ENGINES)("targets pages on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let ids: Map<string, number>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    const rows = await t.database.db.selectFrom("indicators").select(["id", "code"]).execute();
    ids = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => t.close());

  it("shows the public 2019 evaluation: table, narrative, chart with its data table, inferred-figure notes", async () => {
    const response = await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Kết quả thực hiện chỉ tiêu: Phường Thượng Thanh, năm 2019");
    expect(html).toContain("Hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu.");
    expect(html).toContain("đạt 111% kế hoạch, vượt 11%");
    expect(html).toContain("đạt 91,52%, vượt 3,52 điểm phần trăm");
    expect(html).toContain("Cách viết thông dụng: đạt 91,52%, vượt 3,52%");
    expect(html).toContain("Số liệu suy ra để khớp bài viết");
    expect(html).toContain('<textarea id="narrative-copy" readonly="">');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-ke-hoach-rong-title"/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-ke-hoach-hep-title"/);
    // 44,4 of 40: the bar says 111% and the revenue's caption says so in words and a sign, not colour alone.
    expect(html).toContain("Thu ngân sách nhà nước trên địa bàn: 44,4 tỷ đồng ·\u00a0✓\u00a0Vượt");
    expect(html).toMatch(/>111%<\/text>/);
    expect(html).toContain("<caption>Số liệu của biểu đồ</caption>");
    expect(html).not.toContain("style=");
  });

  it("shows the term page with trend charts and the customary wording on request", async () => {
    const html = await (
      await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2015-2020&cach-viet=thong-dung`)
    ).text();
    expect(html).toContain("nhiệm kỳ 2015–2020");
    expect(html).toContain("Diễn biến qua các năm của nhiệm kỳ");
    expect(html).toContain("vượt 2,42%");
    expect(html).toContain("Bình quân hàng năm: 34,8 tỷ đồng");
    expect(html).toMatch(/aria-labelledby="xu-huong-0-rong-title"/);
  });

  it("refuses a malformed period with a readable message", async () => {
    const response = await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019-`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Kỳ không hợp lệ");
  });

  it("lets the ward enter and submit, shows errors next to fields, and keeps other wards out", async () => {
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    const page = await ward.page(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("Thu ngân sách nhà nước trên địa bàn");
    expect(page.html).toContain("42 tỷ đồng");
    const revenue = ids.get("THU_NS") as number;
    const gdvh = ids.get("GDVH") as number;
    const rows = page.html.match(/name="rows" value="([^"]*)"/)?.[1] ?? "";

    const bad = await ward.postForm(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`, {
      "phien-ban": "final",
      rows,
      [`v_${revenue}`]: "46.62",
      [`v_${gdvh}`]: "90,1%",
      "hanh-dong": "luu",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain(`id="f-v_${revenue}-error"`);
    expect(badHtml).toContain("phần thập phân dùng dấu phẩy");
    expect(badHtml).toContain('value="46.62"');
    const stored = await t.database.db
      .selectFrom("results")
      .select("id")
      .where("period_key", "=", "2020")
      .execute();
    expect(stored).toHaveLength(0);

    const wrongUnit = await ward.postForm(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`, {
      "phien-ban": "final",
      rows,
      [`v_${revenue}`]: "46,62%",
      "hanh-dong": "luu",
    });
    expect(wrongUnit.status).toBe(422);
    expect(await wrongUnit.text()).toContain("Chỉ tiêu này tính bằng tỷ đồng, không phải %.");

    const ok = await ward.postForm(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`, {
      "phien-ban": "final",
      rows,
      [`v_${revenue}`]: "46,62",
      [`s_${revenue}`]: "Báo cáo quyết toán 2020",
      [`v_${gdvh}`]: "90,1",
      "hanh-dong": "gui-duyet",
    });
    expect(ok.status).toBe(303);
    const after = await ward.page(ok.headers.get("location") ?? "");
    expect(after.html).toContain("Đã lưu và gửi số liệu lên cấp trên phê duyệt.");
    expect(after.html).toContain('value="46,62" readonly=""');

    const other = new TestClient(t, "198.51.100.30");
    await other.logIn("ngocthuy");
    expect((await other.request(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`)).status).toBe(403);
  });

  it("lets the office approve from the queue (the ward cannot), requires a reason to return or reopen", async () => {
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    const wardQueue = await ward.page("/quan-tri/phe-duyet");
    expect(wardQueue.html).toContain("Không có số liệu nào đang chờ phê duyệt.");
    const submitted = await t.database.db
      .selectFrom("results")
      .select("id")
      .where("status", "=", "submitted")
      .where("unit_id", "=", lb.thuongThanh)
      .execute();
    expect(submitted).toHaveLength(2);
    const forged = await ward.postForm("/quan-tri/phe-duyet", {
      id: String(submitted[0]?.id),
      "hanh-dong": "duyet",
    });
    expect(forged.status).toBe(403);

    const office = new TestClient(t, "198.51.100.31");
    await office.logIn("vanphong.longbien");
    const queue = await office.page("/quan-tri/phe-duyet");
    expect(queue.html).toContain("Phường Thượng Thanh, kỳ 2020: 2 số liệu chờ duyệt");
    const noReason = await office.postForm("/quan-tri/phe-duyet", {
      id: String(submitted[0]?.id),
      "hanh-dong": "tra-lai",
      reason: "",
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain("Vui lòng ghi rõ lý do.");

    const body = new URLSearchParams({ _csrf: office.csrfToken, "hanh-dong": "duyet" });
    for (const r of submitted) body.append("id", String(r.id));
    const approved = await office.request("/quan-tri/phe-duyet", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(approved.status).toBe(303);
    const evaluation = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2020`)).text();
    expect(evaluation).toContain("đạt 111% kế hoạch");

    const reopenList = await office.page(`/quan-tri/phe-duyet?don-vi=${lb.thuongThanh}&ky=2020`);
    expect(reopenList.html).toContain("Mở lại để sửa");
    const reopened = await office.postForm("/quan-tri/phe-duyet", {
      id: String(submitted[0]?.id),
      "hanh-dong": "mo-lai",
      reason: "Cập nhật số quyết toán",
    });
    expect(reopened.status).toBe(303);
  });

  it("lets the district office edit the catalogue and set targets with vi-VN numbers; not the ward", async () => {
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    expect((await ward.request("/quan-tri/chi-tieu/moi")).status).toBe(403);
    const office = new TestClient(t, "198.51.100.32");
    await office.logIn("vanphong.longbien");
    const list = await office.page("/quan-tri/chi-tieu");
    expect(list.html).toContain("Thêm chỉ tiêu");
    const created = await office.postForm("/quan-tri/chi-tieu/moi", {
      code: "HO_KD",
      name: "Số hộ kinh doanh mới",
      field: "Kinh tế",
      unitOfMeasure: "hộ",
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "sum",
      isPublic: "1",
    });
    expect(created.status).toBe(303);
    const invalid = await office.postForm("/quan-tri/chi-tieu/moi", {
      code: "",
      name: "",
      valueType: "boolean",
      direction: "higher_is_better",
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain("Vui lòng nhập tên chỉ tiêu.");

    const indicator = await t.database.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "HO_KD")
      .executeTakeFirstOrThrow();
    const page = await office.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.thuongThanh}&ky=2020`);
    expect(page.html).toContain("Giao cho đơn vị");
    const set = await office.postForm("/quan-tri/chi-tieu/giao", {
      unitId: String(lb.thuongThanh),
      periodKey: "2020",
      indicatorId: String(indicator.id),
      appliesTo: "unit",
      levelKind: "value",
      value: "1.234,5",
      windowRule: "calendar",
      document: "Quyết định giao chỉ tiêu năm 2020",
    });
    expect(set.status).toBe(303);
    const target = await t.database.db
      .selectFrom("targets")
      .select("value")
      .where("indicator_id", "=", indicator.id)
      .executeTakeFirstOrThrow();
    expect(target.value).toBe(1234.5);
    const shown = await office.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.thuongThanh}&ky=2020`);
    expect(shown.html).toContain("1.234,5 hộ");
  });
});
