import type ExcelJS from "exceljs";
import type sharp from "sharp";

/**
 * Libraries that only a few requests use (spreadsheet exports and imports, photo processing) are
 * loaded on first use, not at start-up, where together they would cost the server some 45 MB of
 * memory and over a second before it answers. Node caches the module after the first load.
 */

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export async function loadSharp(): Promise<typeof sharp> {
  return (await import("sharp")).default;
}
