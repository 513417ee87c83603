import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

/** Monday 07/12/2026, 09:00 in Hà Nội: the present of the demo's second story. */
const TODAY = new Date("2026-12-07T02:00:00Z");

/** The text inside <main>, tags dropped and spaces collapsed. */
function mainText(html: string): string {
  return html
    .replace(/[\s\S]*?<main[^>]*>/, "")
    .replace(/<\/main>[\s\S]*/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe.each(ENGINES)("citizens' feedback pages and demo on %s", (engine) => {
  let t: TestApp;
  let ip = 20;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username, DEMO_PASSWORD)).status).toBe(303);
    return client;
  }

  /** Posts the form as a browser without JavaScript would: multipart, answering the sum in the page. */
  async function postForm(
    client: TestClient,
    html: string,
    fields: Record<string, string>,
  ): Promise<Response> {
    const csrf = html.match(/name="_csrf" value="([^"]*)"/)?.[1] ?? "";
    const token = html.match(/name="sumToken" value="([^"]*)"/)?.[1] ?? "";
    const question = html.match(/Câu hỏi kiểm tra: ([^<]*) \(trả lời/)?.[1] ?? "";
    const words = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    const [a, b] = question
      .toLowerCase()
      .split(" cộng ")
      .map((p) => words.indexOf(p.split(" bằng")[0] ?? ""));
    const form = new FormData();
    form.set("_csrf", csrf);
    form.set("sumToken", token);
    form.set("sumAnswer", String((a ?? 0) + (b ?? 0)));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return client.request("/phan-anh/gui", { method: "POST", body: form });
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-feedback-pages-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    expect(await loadDemoIfEmpty(t.database, TODAY, path.join(dataDir, "media"))).toBe(true);
  }, 180_000);
  afterAll(() => t.close());

  it("has the demo's two feedbacks for phường Việt Hưng, the answered one published on /phan-anh", async () => {
    const rows = await t.database.db
      .selectFrom("feedbacks")
      .select(["code", "state", "answer_public"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { code: "PA-7K3M9Q", state: "answered", answer_public: 1 },
      { code: "PA-4HXT6C", state: "in_progress", answer_public: 0 },
    ]);
    const { html } = await new TestClient(t).page("/phan-anh");
    const text = mainText(html);
    expect(text).toContain("Ngõ 90 phố Ngô Gia Tự");
    expect(text).toContain("hệ thống đã sáng trở lại");
    expect(text).not.toContain("chợ Trường Lâm");
    // Nothing of the sender.
    expect(html).not.toContain("Trần Thị Minh");
    expect(html).not.toContain("0912 000 111");
    // The ward's public page leads to its form and to the answers.
    const ward = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Việt Hưng")
      .where("valid_to", "is", null)
      .executeTakeFirstOrThrow();
    const unitPage = (await new TestClient(t).page(`/don-vi/${ward.id}`)).html;
    expect(unitPage).toContain(`href="/phan-anh/gui?don-vi=${ward.id}"`);
    expect(unitPage).toContain("Hỏi đáp (1 trả lời đã công khai)");
  });

  it("sends a feedback from the form without JavaScript (the sum) and follows it by its code", async () => {
    const client = new TestClient(t, `192.0.2.${ip++}`);
    const { html } = await client.page("/phan-anh/gui");
    expect(html).toContain("Trình duyệt của bạn đang tắt JavaScript");
    expect(html).toContain("Thông báo về xử lý dữ liệu cá nhân");
    expect(html).toContain("91/2025/QH15");
    const vietHung = html.match(/<option value="(\d+)"[^>]*>Phường Việt Hưng<\/option>/)?.[1] ?? "";
    const response = await postForm(client, html, {
      unitId: vietHung,
      topic: "environment",
      place: "Ngõ 2 phố Trường Lâm",
      text: "Nước thải tràn ra mặt ngõ mỗi khi mưa.",
      consent: "1",
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/phan-anh\/tra-cuu\?ma=PA-[A-Z0-9]{6}&moi=1$/);
    const tracked = mainText((await client.page(location)).html);
    expect(tracked).toContain("Đã gửi phản ánh");
    expect(tracked).toContain("Mới");
    expect(tracked).toContain("Phường Việt Hưng");
  });

  it("shows each wrong field's message next to it and keeps what was typed", async () => {
    const client = new TestClient(t, `192.0.2.${ip++}`);
    const { html } = await client.page("/phan-anh/gui");
    const response = await postForm(client, html, {
      unitId: "",
      topic: "environment",
      place: "Ngõ 7",
      text: "ngắn",
      senderContact: "không phải số",
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('id="f-text-error"');
    expect(page).toContain("ít nhất 10 ký tự");
    expect(page).toContain('id="f-consent-error"');
    expect(page).toContain("Vui lòng chọn phường, xã");
    expect(page).toContain("số điện thoại");
    expect(page).toContain('value="Ngõ 7"');
  });

  it("refuses a wrong answer to the sum", async () => {
    const client = new TestClient(t, `192.0.2.${ip++}`);
    const { html } = await client.page("/phan-anh/gui");
    const vietHung = html.match(/<option value="(\d+)"[^>]*>Phường Việt Hưng<\/option>/)?.[1] ?? "";
    const form = new FormData();
    form.set("_csrf", html.match(/name="_csrf" value="([^"]*)"/)?.[1] ?? "");
    form.set("sumToken", html.match(/name="sumToken" value="([^"]*)"/)?.[1] ?? "");
    form.set("sumAnswer", "99");
    for (const [k, v] of Object.entries({
      unitId: vietHung,
      topic: "other",
      place: "Tổ 3",
      text: "Một nội dung đủ dài.",
      consent: "1",
    }))
      form.set(k, v);
    const response = await client.request("/phan-anh/gui", { method: "POST", body: form });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Câu trả lời chưa đúng");
  });

  it("puts the feedbacks in the ward's queue with the sender's details, with a dashboard card and a menu count; the city above reads them too", async () => {
    const ward = await signedIn("viethung");
    const queue = mainText((await ward.page("/quan-tri/phan-anh")).html);
    expect(queue).toContain("PA-7K3M9Q");
    expect(queue).toContain("PA-4HXT6C");
    const one = mainText((await ward.page("/quan-tri/phan-anh/PA-7K3M9Q")).html);
    expect(one).toContain("Trần Thị Minh (minh họa)");
    expect(one).toContain("0912 000 111");
    const cards = (await (
      await ward.request("/api/v1/dashboard", { headers: { accept: "application/json" } })
    ).json()) as {
      data: { cards: { key: string; count: number; href: string }[] };
    };
    const waiting = cards.data.cards.find((c) => c.key === "feedback.waiting");
    // The demo's one in progress and the one the form test above sent.
    expect(waiting?.count).toBeGreaterThanOrEqual(1);
    const menu = (await ward.page("/quan-tri")).html;
    expect(menu).toMatch(/Phản ánh của người dân<span class="nav-count"> \(\d+\)<\/span>/);

    const city = await signedIn("ubnd.hanoi");
    expect((await city.page("/quan-tri/phan-anh/PA-7K3M9Q")).response.status).toBe(200);
  });

  it("lets the ward answer and publish from its page; the citizen then sees the answer", async () => {
    const ward = await signedIn("viethung");
    const { html } = await ward.page("/quan-tri/phan-anh/PA-4HXT6C");
    const org =
      html.match(
        /<option value="(\d+)"[^>]*>Phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng<\/option>/,
      )?.[1] ?? "";
    const missing = await ward.postForm("/quan-tri/phan-anh/PA-4HXT6C", {
      state: "answered",
      organisationId: org,
      answer: "",
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('id="f-answer-error"');
    const saved = await ward.postForm("/quan-tri/phan-anh/PA-4HXT6C", {
      state: "answered",
      organisationId: org,
      answer: "Ngày 08/12/2026 phường đã ra quân giải tỏa, lập biên bản 5 hộ.",
      answerPublic: "1",
    });
    expect(saved.status).toBe(303);
    const tracked = mainText((await new TestClient(t).page("/phan-anh/tra-cuu?ma=pa-4hxt6c")).html);
    expect(tracked).toContain("Đã trả lời");
    expect(tracked).toContain("ra quân giải tỏa");
  });
});
