import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  checkNoticeFile,
  FILE_MESSAGES,
  looksScanned,
  MAX_NOTICE_FILE_BYTES,
  tidyText,
  zipEntries,
} from "./notice-file.rules.js";

async function zip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const ascii = (s: string) => new TextEncoder().encode(s);

describe("checkNoticeFile: the kind from the bytes, never the name", () => {
  it("knows a .docx by its ZIP holding word/document.xml", async () => {
    expect(
      checkNoticeFile(await zip({ "word/document.xml": "<w:document/>", "[Content_Types].xml": "" })),
    ).toEqual({
      kind: "docx",
    });
    expect(checkNoticeFile(await zip({ "xl/workbook.xml": "<workbook/>" }))).toEqual({
      error: FILE_MESSAGES.notWordZip,
    });
  });

  it("refuses a .docx whose parts claim more than 64 MB unzipped (a zip bomb) before unzipping it", async () => {
    const bomb = await zip({ "word/document.xml": new Uint8Array(65 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(checkNoticeFile(bomb)).toEqual({ error: FILE_MESSAGES.docxTooBig });
  });

  it.each([
    ["a PDF", ascii("%PDF-1.7\n%âãÏÓ\n"), { kind: "pdf" }],
    ["a PDF header after some junk", ascii(`${" ".repeat(500)}%PDF-1.4\n`), { kind: "pdf" }],
    [
      "old binary Word",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]),
      { error: FILE_MESSAGES.legacyWord },
    ],
    ["plain text", ascii("1. Về phát triển kinh tế"), { error: FILE_MESSAGES.unknown }],
    [
      "a PNG",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      { error: FILE_MESSAGES.unknown },
    ],
    [
      "a ZIP cut short",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      { error: FILE_MESSAGES.brokenDocx },
    ],
    ["nothing", new Uint8Array(0), { error: FILE_MESSAGES.empty }],
    ["over 10 MB", new Uint8Array(MAX_NOTICE_FILE_BYTES + 1), { error: FILE_MESSAGES.tooBig }],
  ])("%s", (_, bytes, expected) => {
    expect(checkNoticeFile(bytes)).toEqual(expected);
  });

  it("reads the ZIP directory's names and declared sizes", async () => {
    // JSZip writes the folder "b/" as an entry of its own.
    expect(zipEntries(await zip({ "a.txt": "abc", "b/c.xml": "hello" }))).toEqual([
      { name: "a.txt", size: 3 },
      { name: "b/", size: 0 },
      { name: "b/c.xml", size: 5 },
    ]);
    expect(zipEntries(ascii("not a zip at all, not at all"))).toBeNull();
  });
});

describe("tidyText and looksScanned", () => {
  it("trims lines and keeps at most one blank line", () => {
    expect(tidyText("  1. Một\u00a0 việc \r\n\r\n\r\n\t a) Hai  \n")).toBe("1. Một việc\n\na) Hai");
  });

  it("calls a PDF scanned when its pages give (almost) no letters", () => {
    expect(looksScanned(["", ""])).toBe(true);
    expect(looksScanned(["12 3", "- 4 -"])).toBe(true);
    expect(looksScanned(["THÔNG BÁO kết luận của đồng chí Bí thư"])).toBe(false);
  });
});
