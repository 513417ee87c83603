import { describe, expect, it } from "vitest";
import {
  documentSystemOf,
  formatRulesFor,
  noticeFormat,
  recipientLines,
  signatureLines,
  subItemMarker,
} from "./document-format.rules.js";

describe("documentSystemOf: the issuer decides the system", () => {
  it.each([
    ["Quận ủy Long Biên", "party"],
    ["QUẬN ỦY LONG BIÊN", "party"],
    ["Huyện uỷ Gia Lâm", "party"],
    ["Tỉnh ủy Quảng Ninh", "party"],
    ["Thành ủy Hà Nội", "party"],
    ["Đảng ủy phường Thượng Thanh", "party"],
    ["Ban Thường vụ Quận ủy Long Biên", "party"],
    ["Ban Tuyên giáo Quận ủy", "party"],
    ["Văn phòng Tỉnh ủy", "party"],
    ["Ủy ban Kiểm tra Quận ủy", "party"],
    ["Chi bộ tổ dân phố số 5", "party"],
    ["UBND phường Thượng Thanh", "state"],
    ["Ủy ban nhân dân quận Long Biên", "state"],
    ["HĐND phường Bồ Đề", "state"],
    ["Văn phòng HĐND và UBND quận", "state"],
    ["Văn phòng Chính phủ", "state"],
    ["Sở Nội vụ", "state"],
    ["Phòng Tài chính - Kế hoạch quận Long Biên", "state"],
  ])("%s → %s", (body, system) => {
    expect(documentSystemOf(body)).toBe(system);
  });
});

describe("formatRulesFor: the rule set in force on the notice's date", () => {
  it.each([
    ["state", "2011-03-04", "tt-01-2011"], // before any: the earliest
    ["state", "2011-03-05", "tt-01-2011"],
    ["state", "2020-03-04", "tt-01-2011"],
    ["state", "2020-03-05", "nd-30-2020"],
    ["state", "2026-12-07", "nd-30-2020"],
    ["party", "2018-04-02", "hd-11-2004"],
    ["party", "2018-04-03", "hd-36-2018"],
    ["party", "2020-01-05", "hd-36-2018"],
  ] as const)("%s on %s → %s", (system, date, id) => {
    expect(formatRulesFor(system, date).id).toBe(id);
  });

  it("writes the number without a colon in Party documents and with one in State documents", () => {
    expect(noticeFormat({ issuingBody: "Quận ủy Long Biên", issuedOn: "2020-01-05" }).numberPrefix).toBe(
      "Số ",
    );
    expect(noticeFormat({ issuingBody: "UBND phường Việt Hưng", issuedOn: "2020-01-05" }).numberPrefix).toBe(
      "Số: ",
    );
  });
});

describe("signatureLines", () => {
  const party = "party";
  const state = "state";
  it.each([
    [party, "Quận ủy Long Biên", null, "Bí thư", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]],
    [party, "Quận ủy Long Biên", null, "Phó Bí thư", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]],
    [party, "Đảng ủy phường Bồ Đề", null, "Bí thư", ["T/M ĐẢNG ỦY", "BÍ THƯ"]],
    [party, "Quận ủy Long Biên", "TM. Ban Thường vụ", "Bí thư", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]],
    [party, "Ban Tuyên giáo Quận ủy", null, "Trưởng ban", ["TRƯỞNG BAN"]],
    [state, "UBND phường Thượng Thanh", null, "Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]],
    [
      state,
      "UBND phường Thượng Thanh",
      null,
      "Phó Chủ tịch",
      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ],
    [
      state,
      "UBND phường Thượng Thanh",
      "T/M Ủy ban nhân dân",
      "Chủ tịch",
      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ],
    [
      state,
      "Văn phòng HĐND và UBND quận",
      "TL. Chủ tịch",
      "Chánh Văn phòng",
      ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
    ],
  ] as const)("%s: %s, %s, %s", (system, issuingBody, signingAuthority, signerTitle, lines) => {
    expect(
      signatureLines(formatRulesFor(system, "2021-01-05"), { issuingBody, signingAuthority, signerTitle }),
    ).toEqual(lines);
  });
});

describe("recipientLines and subItemMarker", () => {
  it("ends a Party list with the committee office's archive line, a State list with Lưu: VT.", () => {
    const party = formatRulesFor("party", "2020-01-05");
    const state = formatRulesFor("state", "2021-01-05");
    expect(recipientLines(party, "- Đảng ủy phường,\nCác phòng, ban", "Quận ủy Long Biên")).toEqual([
      "- Đảng ủy phường,",
      "- Các phòng, ban",
      "- Lưu Văn phòng Quận ủy.",
    ]);
    expect(recipientLines(state, "Các tổ dân phố", "UBND phường Thượng Thanh")).toEqual([
      "- Các tổ dân phố",
      "- Lưu: VT.",
    ]);
    expect(recipientLines(state, "Các tổ dân phố\nLưu: VT, VP.", "UBND phường")).toEqual([
      "- Các tổ dân phố",
      "- Lưu: VT, VP.",
    ]);
  });

  it.each([
    ["a", 0, "a)"],
    ["b)", 5, "b)"],
    ["1", 0, "a)"],
    ["2", 1, "b)"],
    ["-", 4, "đ)"],
    ["", 5, "e)"],
    ["7", 6, "g)"],
  ])("%s at %i → %s", (number, index, marker) => {
    expect(subItemMarker(number, index)).toBe(marker);
  });
});
