import { describe, expect, it } from "vitest";
import {
  compileRegistry,
  keyParts,
  longestNameAt,
  matchUnitName,
  tokenize,
  unitNameKey,
} from "./unit-registry.js";

const UNITS = [
  {
    id: 1,
    name: "Ủy ban nhân dân phường Thượng Thanh",
    aliases: ["UBND phường", "UBND phường Thượng Thanh"],
  },
  {
    id: 2,
    name: "Phòng Tài nguyên và Môi trường quận Long Biên",
    aliases: ["Phòng Tài nguyên và Môi trường", "Phòng TN&MT"],
  },
  { id: 3, name: "Phòng Tài chính - Kế hoạch", aliases: [] },
  { id: 4, name: "Đảng ủy phường Thượng Thanh", aliases: ["Đảng ủy phường"] },
  // Two wards both called "UBND phường" by their own staff: ambiguous.
  { id: 5, name: "Ủy ban nhân dân phường Ngọc Thụy", aliases: ["UBND phường"] },
  { id: 6, name: "Hội Cựu chiến binh phường" },
];

describe("tokenize", () => {
  it("keeps Đ/c and TN&MT whole, splits punctuation, keeps line breaks", () => {
    expect(tokenize("Đ/c Hải, phòng TN&MT –\nxong.").map((t) => t.text)).toEqual([
      "Đ/c",
      "Hải",
      ",",
      "phòng",
      "TN&MT",
      "–",
      "\n",
      "xong",
      ".",
    ]);
  });

  it("records folded form, lower case, capitals and positions", () => {
    const [t] = tokenize("  Đảng");
    expect(t).toEqual({
      text: "Đảng",
      lower: "đảng",
      fold: "dang",
      start: 2,
      end: 6,
      word: true,
      capital: true,
    });
  });
});

describe("unitNameKey", () => {
  it.each([
    ["UBND phường", "uy ban nhan dan phuong"],
    ["Ủy ban nhân dân phường", "uy ban nhan dan phuong"],
    ["Uỷ ban Nhân dân Phường", "uy ban nhan dan phuong"],
    ["Phòng Tài nguyên và Môi trường", "phong tai nguyen moi truong"],
    ["Phòng TN&MT", "phong tai nguyen moi truong"],
    ["Phòng Tài chính – Kế hoạch", "phong tai chinh ke hoach"],
    ["Phòng Tài chính - Kế hoạch", "phong tai chinh ke hoach"],
    ["UB MTTQ phường", "uy ban mat tran to quoc phuong"],
    ["Ủy ban MTTQ", "uy ban mat tran to quoc"],
    ["Đ/c Chủ tịch", "dong chi chu tich"],
    ["", ""],
  ])("%j → %j", (name, key) => {
    expect(unitNameKey(name)).toBe(key);
  });
});

describe("matchUnitName", () => {
  it.each([
    ["Ủy ban nhân dân phường Thượng Thanh", 1, []],
    ["ubnd phuong thuong thanh", 1, []],
    ["Phòng TN&MT", 2, []],
    ["phòng tài nguyên môi trường", 2, []],
    ["Phòng Tài chính – Kế hoạch", 3, []],
    ["các Phòng Tài chính - Kế hoạch", 3, []],
    ["Đảng ủy phường", 4, []],
    ["  Hội Cựu chiến binh phường ", 6, []],
    // Ambiguous alias: both wards are offered.
    ["UBND phường", null, [1, 5]],
    // More specific than a known name: the known name's unit is offered, not chosen.
    ["Đảng ủy phường Ngọc Thụy", null, [4]],
    ["Phòng Y tế", null, []],
  ] as const)("%j → %s %j", (text, unitId, candidateIds) => {
    expect(matchUnitName(text, UNITS)).toEqual({ text: text.trim(), unitId, candidateIds });
  });

  it("accepts a compiled registry and an empty one", () => {
    expect(matchUnitName("Phòng TN&MT", compileRegistry(UNITS)).unitId).toBe(2);
    expect(matchUnitName("Phòng TN&MT", [])).toEqual({ text: "Phòng TN&MT", unitId: null, candidateIds: [] });
  });
});

describe("longestNameAt", () => {
  const registry = compileRegistry(UNITS);
  it("takes the longest registered name and reports every unit that has it", () => {
    const tokens = tokenize("giao UBND phường Thượng Thanh chủ trì");
    const parts = keyParts(tokens);
    expect(longestNameAt(parts, 1, registry)).toEqual({ length: 7, ids: [1] });
    expect(longestNameAt(parts, 0, registry)).toBeNull();
  });

  it("does not match across a comma", () => {
    const parts = keyParts(tokenize("Đảng ủy, phường"));
    expect(longestNameAt(parts, 0, registry)).toBeNull();
  });
});
