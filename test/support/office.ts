/**
 * LibreOffice for tests that open a generated Word file as people do: `soffice --headless` converts
 * it to PDF, `pdftotext` (poppler-utils) reads a page back. Debian: `apt-get install -y
 * --no-install-recommends libreoffice-writer-nogui poppler-utils` (.ci/run does it when missing).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export const SOFFICE = process.env.SOFFICE_PATH ?? onPath("soffice");
const PDFTOTEXT = onPath("pdftotext");

/** As for Chromium: in CI (CI=true) a missing LibreOffice fails the test; elsewhere it is skipped. */
export const officeSkipReason =
  (SOFFICE && PDFTOTEXT) || process.env.CI
    ? null
    : 'LibreOffice or pdftotext not found: run "apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils"';

/** Writes `bytes` as `name` in a fresh folder and converts it to PDF there; returns the PDF's path. */
export async function convertToPdf(bytes: Uint8Array, name: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-office-"));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  // A profile of its own, so that parallel runs do not wait on one another's lock.
  await run(
    SOFFICE ?? "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { timeout: 180_000 },
  );
  return file.replace(/\.docx$/, ".pdf");
}

/** The text of one page of a PDF (pdftotext keeps the reading order of the layout's columns). */
export async function pdfPageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run(PDFTOTEXT ?? "pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]);
  return stdout;
}
