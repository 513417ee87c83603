import type * as Argon2 from "@node-rs/argon2";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import type ExcelJS from "exceljs";
import type sanitizeHtml from "sanitize-html";
import type sharp from "sharp";

/**
 * Libraries that only a few requests use (spreadsheet exports and imports, photo processing, charts,
 * passwords, HTML sanitising) are loaded on first use, not at start-up, where together they would cost
 * the server some 22 MB of JS heap (more resident) and over a second before it answers; a reader's page
 * needs none of them. Node caches the module after the first load (BENCHMARKS.md, "Memory at rest").
 */

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export async function loadSharp(): Promise<typeof sharp> {
  return (await import("sharp")).default;
}

/**
 * The HTML sanitiser with its parser and CSS parser (htmlparser2, postcss): only writing an article or
 * importing a notice needs it; readers get HTML that was sanitised when it was saved.
 */
export async function loadSanitizeHtml(): Promise<typeof sanitizeHtml> {
  return (await import("sanitize-html")).default;
}

/**
 * The argon2 password hasher, a native addon: only a sign-in, a password change or an account's
 * creation needs it.
 */
export async function loadArgon2(): Promise<typeof Argon2> {
  return import("@node-rs/argon2");
}

let zxcvbn: Promise<ZxcvbnFactory> | null = null;

/**
 * The password strength estimator with its common-password and keyboard-pattern dictionaries (some
 * 4 MB, 0.2 s to build): needed only when someone sets a password, built once on first use.
 */
export function loadZxcvbn(): Promise<ZxcvbnFactory> {
  zxcvbn ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
    ]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return zxcvbn;
}

/**
 * Apache ECharts for server-side SVG charts (some 3 MB of code): loaded by the first page that draws
 * a chart, then cached by Node.
 */
export async function loadECharts(): Promise<typeof import("echarts")> {
  return import("echarts");
}
