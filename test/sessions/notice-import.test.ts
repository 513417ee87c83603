import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNoticeFile } from "../../src/conclusions/import/notice-import.service.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { formValues } from "../support/forms.js";
import { TestClient } from "../support/http.js";
import { REFERENCE_ITEMS, referenceNoticeDocx } from "../support/notice-docx.js";
import { referenceSessionForm, type Seeded, seedRegistry } from "./seed.js";

/** The reference notice printed to PDF from Word's format by LibreOffice (made from referenceNoticeDocx). */
const NOTICE_PDF = readFileSync(new URL("../fixtures/notice-136-tb-qu.pdf", import.meta.url));

/** A one-page PDF holding only a grey rectangle: what a scanner without OCR gives (no text layer). */
function scannedPdf(): Uint8Array {
  const stream = "0.5 g 72 72 451 698 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe.each(ENGINES)("importing a notice from Word or PDF on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let sessionUrl: string;
  let docx: Uint8Array<ArrayBuffer>;

  const fileCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("session_files")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Posts the upload step of the conclusion pages with `file`. */
  const upload = async (file: File) => {
    const form = new FormData();
    form.set("_csrf", office.csrfToken);
    form.set("file", file);
    form.set("text", "");
    return office.request(`${sessionUrl}/ket-luan/doc`, { method: "POST", body: form });
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    docx = new Uint8Array(await referenceNoticeDocx());
    const res = await office.postForm("/quan-tri/buoi-lam-viec/moi", {
      ...referenceSessionForm(s),
    });
    expect(res.status).toBe(303);
    sessionUrl = res.headers.get("location")?.replace(/\?.*$/, "") ?? "";
    await office.page(`${sessionUrl}/ket-luan`);
  });
  afterAll(() => t.close());

  it("offers a Word or PDF upload beside the paste box", async () => {
    const { html } = await office.page(`${sessionUrl}/ket-luan`);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toMatch(/<input[^>]*name="file"[^>]*type="file"|<input[^>]*type="file"[^>]*name="file"/);
    expect(html).toContain('accept=".docx,.pdf');
  });

  it("reads a Word notice (its list numbers included), shows the original beside the review, and saves it attached", async () => {
    const before = await fileCount();
    const review = await upload(new File([docx], "Thông báo 136-TB-QU.docx", { type: DOCX_TYPE }));
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(html).toContain("Hệ thống đã đọc được <strong>9</strong> nội dung");
    expect(html).toContain('class="review-split"');
    expect(html).toContain("Bản gốc");
    // The original as HTML: the header table, the numbered list of Word, nothing executable.
    expect(html).toContain("<td><p>ĐẢNG BỘ THÀNH PHỐ HÀ NỘI</p>");
    expect(html).toContain("<ol><li>Về phát triển kinh tế");
    expect(await fileCount()).toBe(before + 1);
    const values = formValues(html);
    const fileId = Number(values.get("sourceFileId"));
    expect(fileId).toBeGreaterThan(0);
    expect(values.get("item-0-text")).toContain("Tập trung rà soát các nguồn thu của phường");
    // The header's number and date are taken from the file.
    expect(values.get("number")).toBe("136-TB/QU");
    expect(values.get("issuedOn")).toBe("2020-01-05");

    // A row added: the form comes back with the original still beside it.
    values.set("_action", "add-row");
    const again = await office.request(`${sessionUrl}/ket-luan`, {
      method: "POST",
      body: values,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const againHtml = await again.text();
    expect(againHtml).toContain("<ol><li>Về phát triển kinh tế");

    const saving = formValues(againHtml);
    saving.set("number", "136-TB/QU");
    saving.set("issuedOn", "2020-01-05");
    saving.set("signerTitle", "Bí thư");
    saving.set("item-0-text", "Tập trung rà soát các nguồn thu của phường (đã sửa).");
    saving.set("_action", "save");
    const saved = await office.request(`${sessionUrl}/ket-luan`, {
      method: "POST",
      body: saving,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(saved.status).toBe(303);
    const noticeUrl = saved.headers.get("location") ?? "";
    const noticeId = Number(noticeUrl.split("/").pop());
    const row = await t.database.db
      .selectFrom("conclusion_notices")
      .select("source_file_id")
      .where("id", "=", noticeId)
      .executeTakeFirstOrThrow();
    expect(row.source_file_id).toBe(fileId);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select("after_json")
      .where("entity_type", "=", "conclusion_notice")
      .where("entity_id", "=", String(noticeId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after_json)).sourceFileId).toBe(fileId);
    const notice = await office.page(noticeUrl);
    expect(notice.html).toContain("(đã sửa)");
    expect(notice.html).toContain(`Bản gốc: <a href="/quan-tri/tep/${fileId}">Thông báo 136-TB-QU.docx</a>`);
    expect(notice.html).toContain("Tải bản Word (HD 36-HD/VPTW)");
    // The original is kept byte for byte.
    const original = await office.request(`/quan-tri/tep/${fileId}`);
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(docx))).toBe(true);
  });

  it("reads a text PDF page by page", async () => {
    const review = await upload(new File([NOTICE_PDF], "thong-bao.pdf", { type: "application/pdf" }));
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(html).toContain("<h3>Trang 1</h3>");
    expect(html).toContain("Hệ thống đã đọc được <strong>9</strong> nội dung");
    expect(formValues(html).get("item-6-text")).toContain("thường xuyên tăng cường kiểm tra");
  });

  it.each([
    ["a scanned PDF", () => scannedPdf(), "scan.pdf", "Tệp PDF không có lớp chữ (bản quét)"],
    [
      "an old .doc",
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "cu.doc",
      "Tệp Word cũ (.doc) chưa đọc được",
    ],
    [
      "a text file named .docx",
      () => new TextEncoder().encode("1. Không phải Word"),
      "gia.docx",
      "Chỉ nhận tệp Word (.docx) hoặc PDF",
    ],
    ["a cut Word file", () => docx.slice(0, 2000), "cat.docx", "Tệp Word bị hỏng"],
    ["a file over 10 MB", () => new Uint8Array(10 * 1024 * 1024 + 1), "lon.pdf", "Tệp tối đa 10 MB."],
  ])(
    "refuses %s with a message next to the file field and keeps nothing",
    async (_, bytes, name, message) => {
      const before = await fileCount();
      const res = await upload(new File([bytes() as Uint8Array<ArrayBuffer>], name));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(new RegExp(`id="f-file-error">${message.replace(/[().]/g, "\\$&")}`));
      expect(await fileCount()).toBe(before);
    },
  );

  it("refuses to save a notice naming an original its saver may not open", async () => {
    // A file of the city, above the district officer's grants.
    const file = await t.database.db
      .insertInto("session_files")
      .values({
        storage_key: "ngoai-quyen.pdf",
        original_name: "ngoai-quyen.pdf",
        mime_type: "application/pdf",
        byte_size: 1,
        unit_id: s.city,
        uploaded_by: null,
        created_at: "2020-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const review = await office.postForm(`${sessionUrl}/ket-luan/doc`, {
      text: REFERENCE_ITEMS.map((x, i) => `${i + 1}. ${x}`).join("\n"),
    });
    const values = formValues(await review.text());
    values.set("number", "2-TB/QU");
    values.set("issuedOn", "2020-01-05");
    values.set("signerTitle", "Bí thư");
    values.set("sourceFileId", String(file.id));
    values.set("_action", "save");
    const notices = async () =>
      (
        await t.database.db
          .selectFrom("conclusion_notices")
          .select("id")
          .where("number", "=", "2-TB/QU")
          .execute()
      ).length;
    const res = await office.request(`${sessionUrl}/ket-luan`, {
      method: "POST",
      body: values,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Không tìm thấy tệp gốc của thông báo.");
    expect(await notices()).toBe(0);
  });

  describe("POST /api/v1/conclusions/parse with a file", () => {
    const postParse = (form: FormData, client = office) =>
      client.request("/api/v1/conclusions/parse", {
        method: "POST",
        body: form,
        headers: { "x-csrf-token": client.csrfToken },
      });

    it("returns what the JSON {text} form returns for the file's text", async () => {
      const form = new FormData();
      form.set("file", new File([docx], "thong-bao.docx"));
      form.set("date", "2020-01-02");
      const res = await postParse(form);
      expect(res.status).toBe(200);
      const viaFile = (await res.json()).data.items;
      expect(viaFile).toHaveLength(9);
      const { text } = await readNoticeFile(new Uint8Array(docx));
      const viaJson = await office.sendJson("POST", "/api/v1/conclusions/parse", {
        text,
        date: "2020-01-02",
      });
      expect(viaFile).toEqual((await viaJson.json()).data.items);
      expect(viaFile[0].text).toContain(REFERENCE_ITEMS[0]?.slice(25, 60));
    });

    it("answers a scanned PDF, a wrong file and a missing file with 422 on body.file", async () => {
      for (const [file, message] of [
        [
          new File([scannedPdf() as Uint8Array<ArrayBuffer>], "scan.pdf"),
          "Tệp PDF không có lớp chữ (bản quét)",
        ],
        [new File(["xin chào"], "a.pdf"), "Chỉ nhận tệp Word (.docx) hoặc PDF"],
        [null, "Vui lòng chọn tệp văn bản"],
      ] as const) {
        const form = new FormData();
        if (file) form.set("file", file);
        form.set("note", "x");
        const res = await postParse(form);
        expect(res.status).toBe(422);
        const body = await res.json();
        expect(body.error.fields["body.file"]).toContain(message);
      }
    });

    it("asks for sign-in before reading any file", async () => {
      const form = new FormData();
      form.set("file", new File([docx], "thong-bao.docx"));
      const res = await new TestClient(t).request("/api/v1/conclusions/parse", {
        method: "POST",
        body: form,
      });
      expect([401, 403]).toContain(res.status);
    });
  });
});
