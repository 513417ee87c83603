import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";
import { REFERENCE_ITEMS, referenceNoticeDocx } from "../support/notice-docx.js";
import { convertToPdf, officeSkipReason, pdfPageText } from "../support/office.js";

const PASSWORD = "giaoban2020";
const CORRECTED =
  "Công tác quản lý đất đai: phường xây dựng kế hoạch thực hiện Kết luận số 316 (đã sửa khi kiểm tra).";

/** Downloads the notice's Word file with the page's session, opens it in LibreOffice, reads page 1 and 2. */
async function printed(page: Page, baseUrl: string, noticeId: string, name: string) {
  const res = await page.context().request.get(`${baseUrl}/api/v1/conclusions/${noticeId}/docx`);
  expect(res.status()).toBe(200);
  const pdf = await convertToPdf(new Uint8Array(await res.body()), name);
  // Lines as laid out; a header line LibreOffice wraps in its cell reads as one.
  const first = (await pdfPageText(pdf, 1)).replace(/\s+/g, " ");
  return { first, second: await pdfPageText(pdf, 2) };
}

describe.skipIf(browserSkipReason ?? officeSkipReason)(
  "a Word notice imported, reviewed and issued, in Chromium and LibreOffice",
  () => {
    let server: LiveServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startLiveServer();
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("uploads a .docx notice, corrects an item beside the original, saves, and prints it as a Party and a State notice", async () => {
      const office = await (await browser.newContext()).newPage();
      await office.goto(`${server.url}/dang-nhap`);
      await office.getByLabel("Tên đăng nhập").fill("vanphong.longbien");
      await office.getByLabel("Mật khẩu").fill(PASSWORD);
      await office.getByRole("button", { name: "Đăng nhập" }).click();
      await office.waitForURL(`${server.url}/quan-tri`);

      // 1. The demo's working session, its conclusions entered from the Word file.
      await office.goto(`${server.url}/quan-tri/buoi-lam-viec`);
      await office
        .getByRole("link", { name: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh" })
        .first()
        .click();
      await office.getByRole("link", { name: "Nhập kết luận" }).click();
      await office.getByLabel("Tệp thông báo").setInputFiles({
        name: "Thông báo 136-TB-QU.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: await referenceNoticeDocx(),
      });
      await office.getByRole("button", { name: "Đọc và đề xuất" }).click();

      // 2. The review beside the original.
      const source = office.locator(".review-source");
      expect(await source.locator("h2").textContent()).toBe("Bản gốc");
      expect(await source.textContent()).toContain("QUẬN ỦY LONG BIÊN");
      expect(await source.locator("ol > li").count()).toBe(9);
      expect(await office.locator("main").textContent()).toContain("Hệ thống đã đọc được 9 nội dung");
      expect(await office.locator("#f-item-0-text").inputValue()).toContain(
        REFERENCE_ITEMS[0]?.slice(25, 70),
      );
      await office.locator("#f-item-2-text").fill(CORRECTED);
      await office.locator("#f-number").fill("136-TB/QU");
      await office.getByLabel("Ngày ban hành").fill("2020-01-05");
      await office.locator("#f-issuingBody").fill("Quận ủy Long Biên");
      await office.locator("#f-parentBody").fill("Đảng bộ Thành phố Hà Nội");
      await office.locator("#f-signerTitle").fill("Bí thư");
      await office.getByRole("button", { name: "Lưu thông báo" }).click();
      await office.waitForURL(/\/quan-tri\/thong-bao-ket-luan\/\d+$/);
      const noticeId = office.url().split("/").pop() as string;
      const main = (await office.locator("main").textContent()) ?? "";
      expect(main).toContain(CORRECTED);
      expect(await office.getByRole("link", { name: "Thông báo 136-TB-QU.docx" }).count()).toBe(1);
      expect(await office.getByRole("link", { name: "Tải bản Word (HD 36-HD/VPTW)" }).count()).toBe(1);

      // 3. Issued by the district Party committee: the Party form of HD 36-HD/VPTW.
      const party = await printed(office, server.url, noticeId, "party.docx");
      for (const line of [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "QUẬN ỦY LONG BIÊN",
        "Số 136-TB/QU",
        "THÔNG BÁO",
      ])
        expect(party.first).toContain(line);
      expect(party.first).toContain("Long Biên, ngày 05 tháng 01 năm 2020");
      expect(party.first).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(party.first).not.toContain("Số: 136");
      // No number on page 1; page 2 opens with its number.
      expect(party.first.trimStart().startsWith("1 ")).toBe(false);
      expect(party.second.trim().split("\n")[0]?.trim()).toBe("2");

      // 4. The same notice issued by the ward's People's Committee: the State form of NĐ 30/2020.
      await office.getByRole("link", { name: "Sửa thông báo" }).click();
      await office.locator("#f-number").fill("12/TB-UBND");
      // After 05/3/2020, so NĐ 30/2020 is the rule set in force (before it, TT 01/2011).
      await office.getByLabel("Ngày ban hành").fill("2020-06-10");
      await office.locator("#f-issuingBody").fill("UBND phường Thượng Thanh");
      await office.locator("#f-parentBody").fill("UBND quận Long Biên");
      await office.locator("#f-signerTitle").fill("Phó Chủ tịch");
      await office.locator("#f-signingAuthority").fill("");
      await office.getByRole("button", { name: "Lưu thay đổi" }).click();
      await office.waitForURL(/\?ok=sua$/);
      expect(await office.getByRole("link", { name: "Tải bản Word (NĐ 30/2020/NĐ-CP)" }).count()).toBe(1);
      const state = await printed(office, server.url, noticeId, "state.docx");
      for (const line of [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND PHƯỜNG THƯỢNG THANH",
        "Số: 12/TB-UBND",
      ])
        expect(state.first).toContain(line);
      expect(state.first).toContain("Long Biên, ngày 10 tháng 06 năm 2020");
      expect(state.first).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(state.second.trim().split("\n")[0]?.trim()).toBe("2");
    }, 240_000);
  },
);
