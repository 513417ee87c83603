import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";
import { pick } from "../support/picker.js";

const PASSWORD = "giaoban2020";
const ARTICLE = readFileSync(new URL("../fixtures/thuong-thanh-2020-01-02.txt", import.meta.url), "utf8");

async function logIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${baseUrl}/quan-tri`);
}

/** "Tổng số 9 nhiệm vụ: đã hoàn thành 1 (11,1%), quá hạn 8." → the number completed. */
async function completedOnFollowUp(page: Page, baseUrl: string, unitLabel: string): Promise<number> {
  await page.goto(`${baseUrl}/quan-tri/theo-doi`);
  await pick(page, "Đơn vị chủ trì", unitLabel);
  await page.getByRole("button", { name: "Xem" }).click();
  const text = (await page.locator("#follow-up-summary").textContent()) ?? "";
  return Number(text.match(/đã hoàn thành (\d+)/)?.[1]);
}

describe.skipIf(browserSkipReason)("working session to confirmed directive in Chromium", () => {
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

  // A long journey (three accounts, a dozen pages): more than the default 30 s on a busy machine.
  it("creates a session, reads pasted conclusions, saves them, and follows one directive to its confirmation", {
    timeout: 90_000,
  }, async () => {
    const office = await (await browser.newContext()).newPage();
    await logIn(office, server.url, "vanphong.longbien");

    // 0. The session is planned in the district's programme of work for 2020.
    await office.getByRole("link", { name: "Chương trình công tác" }).click();
    await office.getByRole("link", { name: "Thêm nội dung" }).click();
    await office.locator("#f-year").fill("2020");
    await office.getByRole("button", { name: "Lưu" }).click();
    expect(await office.locator("#f-title-error").textContent()).toBe("Vui lòng nhập nội dung công tác.");
    expect(await office.locator("main").textContent()).toContain("Vui lòng chọn đơn vị lập chương trình.");
    await pick(office, "Đơn vị lập chương trình", "Quận Long Biên (đến 30/06/2025)");
    await office.getByLabel("Tháng dự kiến").selectOption({ label: "Tháng 1" });
    await office
      .getByLabel("Nội dung công tác")
      .fill("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh (thử nghiệm)");
    await pick(office, "Làm việc với đơn vị", "Phường Thượng Thanh (đến 30/06/2025)");
    await office.getByRole("button", { name: "Lưu" }).click();
    await office.waitForURL(/\/quan-tri\/chuong-trinh-cong-tac\?nam=2020&don_vi=\d+&ok=tao$/);
    const planned = office.getByRole("row").filter({ hasText: "(thử nghiệm)" });
    expect(await planned.textContent()).toContain("Chưa tổ chức");

    // 1. The session, from the programme entry.
    await planned.getByRole("link", { name: "Tạo buổi làm việc" }).click();
    expect(await office.locator("main").textContent()).toContain("Theo chương trình công tác:");
    await office
      .getByLabel("Tên buổi làm việc")
      .fill("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh (thử nghiệm)");
    await pick(office, "Đơn vị làm việc (nơi tổ chức)", "Phường Thượng Thanh (đến 30/06/2025)");
    await pick(
      office,
      "Đoàn công tác (cấp trên đến làm việc)",
      "Ban Thường vụ Quận ủy Long Biên (đến 30/06/2025)",
    );
    await office.locator("#f-date").fill("2020-01-02");
    await office.locator("#f-time").fill("14:00");
    await office.getByLabel("Địa điểm").fill("Phòng họp 1 UBND phường Thượng Thanh");
    await pick(office, "Người chủ trì", "Đỗ Mạnh Hải (Bí thư Quận ủy)");
    await office
      .getByLabel("Chương trình, nội dung")
      .fill("Kết quả thực hiện nhiệm vụ chính trị năm 2019 | Phạm Thị Minh Hồng");
    await office.getByRole("button", { name: "Lưu buổi làm việc" }).click();
    await office.waitForURL(/\/quan-tri\/buoi-lam-viec\/\d+\?ok=tao$/);
    expect(await office.locator("h1").textContent()).toBe(
      "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh (thử nghiệm)",
    );
    expect(await office.locator("main").textContent()).toContain("Chương trình công tác");

    // 2. Paste the conclusions, review, correct one deadline, save.
    await office.getByRole("link", { name: "Nhập kết luận" }).click();
    await office.getByLabel("Nội dung kết luận").fill(ARTICLE);
    await office.getByRole("button", { name: "Đọc và đề xuất" }).click();
    expect(await office.locator("main p").first().textContent()).toContain("Hệ thống đã đọc được 9 nội dung");
    expect(await office.locator("#f-item-2-area").inputValue()).toBe("land");
    await office.locator("#f-number").fill("136-TB/QU");
    await office.getByLabel("Ngày ban hành").fill("2020-01-05");
    await office.locator("#f-signerTitle").fill("Bí thư");
    await office.locator("#f-item-0-deadlineKind").selectOption("date");
    await office.locator("#f-item-0-deadlineDate").fill("2020-06-30");
    await office.getByRole("button", { name: "Lưu thông báo" }).click();
    await office.waitForURL(/\/quan-tri\/thong-bao-ket-luan\/\d+$/);
    const directiveLinks = office.locator('main a[href^="/quan-tri/nhiem-vu/"]');
    expect(await directiveLinks.count()).toBe(9);
    const first = (await directiveLinks.first().getAttribute("href")) as string;
    expect(await office.locator("main").textContent()).toContain("trước ngày 30/06/2020");
    const before = await completedOnFollowUp(office, server.url, "Phường Thượng Thanh (đến 30/06/2025)");

    // 3. The ward reports progress, then completion, with a file.
    const ward = await (await browser.newContext()).newPage();
    await logIn(ward, server.url, "thuongthanh");
    await ward.goto(`${server.url}${first}`);
    await ward.getByLabel("Tỷ lệ hoàn thành (%)").fill("60");
    await ward.getByLabel("Kết quả đã thực hiện").fill("Đã rà soát các nguồn thu trên địa bàn phường.");
    await ward.getByRole("button", { name: "Báo cáo tiến độ" }).click();
    await ward.waitForURL(/\?ok=ok$/);
    expect(await ward.locator("main").textContent()).toContain(
      "Đã rà soát các nguồn thu trên địa bàn phường.",
    );
    await ward.getByLabel("Ghi chú").fill("Thu ngân sách đạt 104% dự toán.");
    await ward
      .locator("#f-submit-file")
      .setInputFiles({ name: "bao-cao.txt", mimeType: "text/plain", buffer: Buffer.from("Báo cáo") });
    await ward.getByRole("button", { name: "Báo cáo hoàn thành" }).click();
    await ward.waitForURL(/\?ok=ok$/);
    expect(await ward.locator("main").textContent()).toContain("chờ xác nhận hoàn thành");
    expect(await ward.getByRole("button", { name: "Xác nhận hoàn thành" }).count()).toBe(0);

    // 4. The assigner confirms; the follow-up counts one more completed directive.
    await office.goto(`${server.url}${first}`);
    await office.getByRole("link", { name: "bao-cao.txt" }).waitFor();
    await office.getByRole("button", { name: "Xác nhận hoàn thành" }).click();
    await office.waitForURL(/\?ok=ok$/);
    // Submitted today, years after the corrected deadline of 30/06/2020: done, but late.
    expect(await office.locator("main").textContent()).toContain("Hoàn thành quá hạn");
    expect(await completedOnFollowUp(office, server.url, "Phường Thượng Thanh (đến 30/06/2025)")).toBe(
      before + 1,
    );
  });
});
