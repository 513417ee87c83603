import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The steps of a deadline extension (xin gia hạn) in the browser, shared by the extension test and
 * the day walk: the lead unit asks for a later date, the assigner grants it. Each step starts from
 * where the person would, and checks what the page says at each step.
 */

/** The demo's present-day directive that runs late: phường Việt Hưng, deadline 30/09/2026. */
export const OVERDUE_DIRECTIVE =
  "Xử lý dứt điểm các công trình vi phạm trật tự xây dựng tồn tại từ trước khi sắp xếp";

/** A day `days` after today in Vietnam, as the date input takes it and as pages print it. */
export function dayAfter(days: number): { iso: string; vi: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  return { iso, vi: `${d}/${m}/${y}` };
}

/** Opens a directive from the list on the page by its title and waits for its own page. */
export async function openDirective(page: Page, title: string) {
  await page.getByRole("link", { name: new RegExp(title) }).click();
  // The list shows the same notice and title: read the page only once the directive's own has loaded.
  await page.waitForURL(/\/quan-tri\/nhiem-vu\/\d+$/);
}

/**
 * On the directive's page, as its lead unit: the empty form is refused field by field, then the
 * request is sent with the date and reason.
 */
export async function requestExtension(page: Page, date: { iso: string }, reason: string) {
  expect(await page.locator("main dl").textContent()).toContain("Quá hạn");
  await page.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
  expect(await page.locator("#f-requestedDate-error").textContent()).toBe(
    "Vui lòng chọn ngày đề nghị gia hạn.",
  );
  expect(await page.locator("#f-reason-error").textContent()).toBe("Vui lòng nêu lý do xin gia hạn.");
  await page.getByLabel("Gia hạn đến ngày").fill(date.iso);
  await page.getByLabel("Lý do xin gia hạn").fill(reason);
  await page.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
  await page.waitForURL(/\?ok=gia-han$/);
  expect(await page.locator("main").textContent()).toContain("Đã gửi đề nghị gia hạn.");
  expect(await page.getByRole("button", { name: "Gửi đề nghị gia hạn" }).count()).toBe(0);
}

/**
 * On the directive's page, as its assigner: the request is shown with its date and granted with an
 * opinion; the page then names both deadlines, the task is in time, and the history keeps both steps.
 */
export async function grantExtension(
  page: Page,
  date: { vi: string },
  originalDeadline: string,
  reason: string,
  opinion: string,
) {
  expect(await page.locator("main").textContent()).toContain(`Duyệt đề nghị gia hạn đến ngày ${date.vi}`);
  await page.getByLabel("Ý kiến, lý do của người duyệt").fill(opinion);
  await page.getByRole("button", { name: "Đồng ý gia hạn" }).click();
  await page.waitForURL(/\?ok=duyet-gia-han$/);
  const main = (await page.locator("main").textContent()) ?? "";
  expect(main).toContain(
    `Hạn ban đầu: trước ngày ${originalDeadline}; hạn đã gia hạn: trước ngày ${date.vi}.`,
  );
  expect(await page.locator("main dl").textContent()).toContain("Trong hạn");
  const history = (await page.locator("main ol").textContent()) ?? "";
  expect(history).toContain("Đề nghị gia hạn");
  expect(history).toContain(reason);
  expect(history).toContain("Đồng ý gia hạn");
  expect(history).toContain(opinion);
}
