import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

/**
 * Checks at entry and context at approval (issue 13, part 6): bounds by the indicator's kind and the
 * catalogue, the warning a far-off figure must be confirmed past, last year / the same period / the
 * target / "% đạt" beside each input and each figure waiting for approval; the same through the API.
 */
describe.each(ENGINES)("checks at entry and context at approval on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let ids: Map<string, number>;
  let ward: TestClient;
  let rows: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    const found = await t.database.db.selectFrom("indicators").select(["id", "code"]).execute();
    ids = new Map(found.map((r) => [r.code, r.id]));
    ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    const page = await ward.page(`/quan-tri/so-lieu/${lb.thuongThanh}/2020`);
    rows = page.html.match(/name="rows" value="([^"]*)"/)?.[1] ?? "";
  });
  afterAll(() => t.close());

  const id = (code: string) => ids.get(code) as number;
  const entryPath = () => `/quan-tri/so-lieu/${lb.thuongThanh}/2020`;
  const stored2020 = () =>
    t.database.db
      .selectFrom("results")
      .select(["indicator_id", "value", "confirmed_warning", "status"])
      .where("unit_id", "=", lb.thuongThanh)
      .where("period_key", "=", "2020")
      .execute();

  it("shows last year's figure, the target and the server's '% đạt' beside each input, with the script", async () => {
    const { html } = await ward.page(entryPath());
    expect(html).toContain('<th scope="col">Năm trước</th>');
    expect(html).toContain('<th scope="col">% đạt</th>');
    expect(html).toContain("44,4 tỷ đồng");
    expect(html).toMatch(new RegExp(`id="f-v_${id("THU_NS")}"[^>]*data-target="42"`));
    expect(html).toContain(`<span id="f-v_${id("THU_NS")}-pct"`);
    expect(html).toContain('<script src="/tai-nguyen/nhap-so-lieu.js" defer="">');
    const script = await t.app.request("/tai-nguyen/nhap-so-lieu.js");
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(await script.text()).toContain('addEventListener("input"');
  });

  it("refuses '1.234,5%' for a rate and '−3 đảng viên' with a message next to each field, writing nothing", async () => {
    const response = await ward.postForm(entryPath(), {
      "phien-ban": "final",
      rows,
      [`v_${id("GDVH")}`]: "1.234,5%",
      [`v_${id("KET_NAP_DV")}`]: "-3",
      [`v_${id("THU_NS")}`]: "43",
      "hanh-dong": "luu",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`id="f-v_${id("GDVH")}-error">Tỷ lệ phải từ 0 đến 100%\\.</p>`));
    expect(html).toMatch(new RegExp(`id="f-v_${id("KET_NAP_DV")}-error">Số đảng viên không được âm\\.</p>`));
    expect(await stored2020()).toHaveLength(0);
  });

  it("asks to confirm a figure over three times last year's and the target, and saves it once confirmed", async () => {
    const revenue = id("THU_NS");
    const first = await ward.postForm(entryPath(), {
      "phien-ban": "final",
      rows,
      [`v_${revenue}`]: "150",
      "hanh-dong": "luu",
    });
    expect(first.status).toBe(422);
    const html = await first.text();
    expect(html).toContain(`id="f-v_${revenue}-warning"`);
    expect(html).toContain("Số liệu gấp 3,4 lần số cùng kỳ năm trước (44,4 tỷ đồng).");
    expect(html).toContain(`name="xn_${revenue}"`);
    expect(html).toContain("Tôi xác nhận số liệu này đúng");
    // The server's "% đạt" of the typed figure, shown without the script: 150 ÷ 42.
    expect(html).toContain(`<span id="f-v_${revenue}-pct" class="live-pct" aria-live="polite">357,1%</span>`);
    expect(await stored2020()).toHaveLength(0);

    const confirmed = await ward.postForm(entryPath(), {
      "phien-ban": "final",
      rows,
      [`v_${revenue}`]: "150",
      [`xn_${revenue}`]: "1",
      "hanh-dong": "gui-duyet",
    });
    expect(confirmed.status).toBe(303);
    const saved = (await stored2020()).find((r) => r.indicator_id === revenue);
    expect(Number(saved?.value)).toBe(150);
    expect(saved?.confirmed_warning).toBe("Số liệu gấp 3,4 lần số cùng kỳ năm trước (44,4 tỷ đồng).");
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select("after_json")
      .where("entity_type", "=", "result")
      .execute();
    expect(audit.map((a) => a.after_json).join("\n")).toContain("gấp 3,4 lần");
  });

  it("shows the approver the target, '% đạt', last year and what the ward confirmed beside the figure", async () => {
    const office = new TestClient(t, "198.51.100.41");
    await office.logIn("vanphong.longbien");
    const { html } = await office.page("/quan-tri/phe-duyet");
    expect(html).toContain("Phường Thượng Thanh, kỳ 2020: 1 số liệu chờ duyệt");
    const row = html.slice(html.indexOf("Thu ngân sách nhà nước trên địa bàn"));
    expect(row).toContain("150 tỷ đồng");
    expect(row).toContain("Đơn vị đã xác nhận: Số liệu gấp 3,4 lần");
    expect(row).toContain("42 tỷ đồng");
    expect(row).toContain("44,4 tỷ đồng");
    expect(row).toContain("357,1%");
  });

  it("applies the catalogue's bounds and warning factor, set on the indicator", async () => {
    const admin = new TestClient(t, "198.51.100.42");
    await admin.logIn("admin");
    const current = (await (await admin.sendJson("GET", "/api/v1/indicators", undefined)).json()) as {
      data: Record<string, unknown>[];
    };
    const members = current.data.find((i) => i.code === "KET_NAP_DV") as Record<string, unknown>;
    const { id: memberId, ...fields } = members;
    const updated = await admin.sendJson("PUT", `/api/v1/indicators/${memberId}`, {
      ...fields,
      maxValue: 40,
      warnFactor: 1.5,
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { data: { maxValue: number } }).data.maxValue).toBe(40);

    const tooMany = await ward.sendJson("POST", "/api/v1/results", {
      unitId: lb.thuongThanh,
      periodKey: "2020",
      version: "final",
      values: [{ indicatorCode: "KET_NAP_DV", value: 41 }],
    });
    expect(tooMany.status).toBe(422);
    const refused = (await tooMany.json()) as { error: { fields: Record<string, string> } };
    expect(refused.error.fields["values.0.value"]).toBe("Giá trị không được lớn hơn 40 đảng viên.");
  });

  it("sets an indicator's kind, bounds and warning factor on the catalogue form, vi-VN numbers refused next to the field", async () => {
    const admin = new TestClient(t, "198.51.100.43");
    await admin.logIn("admin");
    const path = `/quan-tri/chi-tieu/${id("HO_THOAT_NGHEO")}`;
    const { html } = await admin.page(path);
    expect(html).toContain("<legend>Kiểm tra khi nhập số liệu</legend>");
    const fields = Object.fromEntries(
      [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const base = {
      ...fields,
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation:
        html.match(/name="termAggregation"[\s\S]*?<option value="([^"]+)" selected/)?.[1] ?? "sum",
      responsibleOrganisationId: "",
      definition: "",
      figureKind: "count",
      minValue: "",
      maxValue: "1.000",
      warnFactor: "2,5",
    };
    delete (base as Record<string, string>)._csrf;
    const bad = await admin.postForm(path, { ...base, warnFactor: "1.5" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-warnFactor-error"');
    const ok = await admin.postForm(path, base);
    expect(ok.status).toBe(303);
    const row = await t.database.db
      .selectFrom("indicators")
      .select(["figure_kind", "min_value", "max_value", "warn_factor"])
      .where("id", "=", id("HO_THOAT_NGHEO"))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ figure_kind: "count", min_value: null, max_value: 1000, warn_factor: 2.5 });
  });

  it("asks the API for `confirmed: true` on a far-off figure (422 confirmation_required at the field path)", async () => {
    const body = {
      unitId: lb.thuongThanh,
      periodKey: "2020",
      version: "estimate",
      values: [{ indicatorCode: "THU_NS", value: 5 }],
    };
    const unconfirmed = await ward.sendJson("POST", "/api/v1/results", body);
    expect(unconfirmed.status).toBe(422);
    const error = ((await unconfirmed.json()) as { error: { code: string; fields: Record<string, string> } })
      .error;
    expect(error.code).toBe("confirmation_required");
    expect(error.fields["values.0.confirmed"]).toMatch(/^Số liệu chỉ bằng 11,3% số cùng kỳ năm trước/);
    const rate = await ward.sendJson("POST", "/api/v1/results", {
      ...body,
      values: [{ indicatorCode: "GDVH", value: 1234.5 }],
    });
    expect(rate.status).toBe(422);
    expect(
      ((await rate.json()) as { error: { fields: Record<string, string> } }).error.fields["values.0.value"],
    ).toBe("Tỷ lệ phải từ 0 đến 100%.");
    const ok = await ward.sendJson("POST", "/api/v1/results", {
      ...body,
      values: [{ indicatorCode: "THU_NS", value: 5, confirmed: true }],
    });
    expect(ok.status).toBe(200);
    const saved = ((await ok.json()) as { data: { value: number; confirmedWarning: string | null }[] }).data;
    expect(saved[0]).toMatchObject({ value: 5, confirmedWarning: expect.stringContaining("11,3%") });
  });

  it("judges part of a year against the same period last year and the year's target", async () => {
    const revenue = id("THU_NS");
    // The demo's six-month review already holds the first half of 2019 (21,3 tỷ đồng, approved).
    const h1of2019 = await t.database.db
      .selectFrom("results")
      .select(["value", "status", "version"])
      .where("unit_id", "=", lb.thuongThanh)
      .where("indicator_id", "=", revenue)
      .where("period_key", "=", "2019-6T")
      .execute();
    expect(h1of2019).toEqual([{ value: 21.3, status: "approved", version: "final" }]);
    const { html } = await ward.page(`/quan-tri/so-lieu/${lb.thuongThanh}/2020-6T?tat-ca=1`);
    expect(html).toContain('<th scope="col">Cùng kỳ năm trước</th>');
    expect(html).toContain('<th scope="col">Kế hoạch năm</th>');
    expect(html).toContain("21,3 tỷ đồng");
    expect(html).toMatch(new RegExp(`id="f-v_${revenue}"[^>]*data-target="42"`));

    const halfYear = {
      unitId: lb.thuongThanh,
      periodKey: "2020-6T",
      periodStart: "2020-01-01",
      periodEnd: "2020-06-30",
      version: "final",
    };
    // Half the year's 42 tỷ is no surprise against 21,3 tỷ in the first half of 2019.
    const ok = await ward.sendJson("POST", "/api/v1/results", {
      ...halfYear,
      values: [{ indicatorCode: "THU_NS", value: 21.84 }],
    });
    expect(ok.status).toBe(200);
    const far = await ward.sendJson("POST", "/api/v1/results", {
      ...halfYear,
      version: "estimate",
      values: [{ indicatorCode: "THU_NS", value: 70 }],
    });
    expect(far.status).toBe(422);
    const message = ((await far.json()) as { error: { fields: Record<string, string> } }).error.fields[
      "values.0.confirmed"
    ];
    expect(message).toContain("gấp 3,3 lần số cùng kỳ năm trước (21,3 tỷ đồng)");
    const page = await ward.page(`/quan-tri/so-lieu/${lb.thuongThanh}/2020-6T`);
    expect(page.html).toContain(`aria-live="polite">52%</span>`);
  });
});
