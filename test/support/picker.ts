import type { Page } from "playwright-core";

/**
 * Chooses `option` in the picker (public/static/picker.js) labelled `label`, as a person does: types
 * the option's text into the combobox and clicks it in the list.
 */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const combo = page.getByRole("combobox", { name: label, exact: true });
  await combo.fill(option);
  await page.getByRole("option", { name: option, exact: true }).click();
}
