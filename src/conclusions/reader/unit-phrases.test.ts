import { describe, expect, it } from "vitest";
import { findResponsibleUnits } from "./unit-phrases.js";
import { compileRegistry, type UnitId } from "./unit-registry.js";

const UNITS = [
  { id: "ubnd-tt", name: "Ủy ban nhân dân phường Thượng Thanh", aliases: ["UBND phường", "phường"] },
  { id: "du-tt", name: "Đảng ủy phường Thượng Thanh", aliases: ["Đảng ủy phường"] },
  {
    id: "tckh",
    name: "Phòng Tài chính - Kế hoạch quận",
    aliases: ["Phòng Tài chính - Kế hoạch", "Phòng TC-KH"],
  },
  { id: "thue", name: "Chi cục Thuế quận Long Biên", aliases: ["Chi cục Thuế quận", "Chi cục Thuế"] },
  { id: "qldt", name: "Phòng Quản lý đô thị", aliases: [] },
  { id: "doi", name: "Đội Quản lý trật tự xây dựng đô thị quận", aliases: [] },
];

/** [text, lead as "text=id", coordinating as "text=id"] with id "?" for unmatched. */
const TABLE: Array<[string, string | null, string[]]> = [
  // The reference article.
  [
    "phường chủ động xây dựng kế hoạch thực hiện triệt để Kết luận số 316 của Thanh tra sở Tài nguyên Môi trường Thành phố, không để phát sinh thêm điểm vi phạm. Phối hợp với các phòng ban chuyên môn quận tập trung giải quyết dứt điểm các trường hợp vướng mắc.",
    "phường=ubnd-tt",
    ["các phòng ban chuyên môn quận=?"],
  ],
  [
    "thống nhất và giao UBND phường phối hợp với các phòng, ban liên quan quận hoàn thiện các thủ tục, các bước theo lộ trình.",
    "UBND phường=ubnd-tt",
    ["các phòng, ban liên quan quận=?"],
  ],
  [
    "Đảng ủy phường tiếp tục đổi mới phương thức lãnh đạo, chỉ đạo; ban hành nghị quyết lãnh đạo theo hướng lựa chọn nhiệm vụ trọng tâm.",
    "Đảng ủy phường=du-tt",
    [],
  ],
  [
    "Duy trì công tác đảm bảo trật tự đô thị theo kế hoạch của Ban Chỉ đạo 197 quận; quan tâm việc quản lý chung cư.",
    null,
    [],
  ],
  ["năm 2020 phường xóa hết hộ nghèo, quan tâm chế độ chính sách đối với người có công.", null, []],
  [
    "thường xuyên tăng cường kiểm tra, xử lý triệt để các hộ kinh doanh không đủ điều kiện về công tác phòng chống cháy nổ.",
    null,
    [],
  ],
  // Notice wording.
  [
    "Giao Phòng Tài chính – Kế hoạch chủ trì, phối hợp với Chi cục Thuế quận, Phòng Tài nguyên và Môi trường, UBND phường rà soát các nguồn thu; hoàn thành trước ngày 30/6/2020.",
    "Phòng Tài chính – Kế hoạch=tckh",
    ["Chi cục Thuế quận=thue", "Phòng Tài nguyên và Môi trường=?", "UBND phường=ubnd-tt"],
  ],
  [
    "Giao Phòng Quản lý đô thị chủ trì, phối hợp với Đội Quản lý trật tự xây dựng đô thị quận và UBND các phường kiểm tra.",
    "Phòng Quản lý đô thị=qldt",
    ["Đội Quản lý trật tự xây dựng đô thị quận=doi", "UBND các phường=?"],
  ],
  ["Giao cho Phòng Y tế chủ trì thực hiện.", "Phòng Y tế=?", []],
  ["Yêu cầu UBND phường khẩn trương hoàn thiện hồ sơ.", "UBND phường=ubnd-tt", []],
  ["Đề nghị Chi cục Thuế tăng cường thu thuế các công trình.", "Chi cục Thuế=thue", []],
  [
    "Phòng TC-KH chủ trì, phối hợp chặt chẽ với Chi cục Thuế và các đoàn thể tổ chức thực hiện.",
    "Phòng TC-KH=tckh",
    ["Chi cục Thuế=thue", "các đoàn thể=?"],
  ],
  ["UBND phường có trách nhiệm báo cáo kết quả.", "UBND phường=ubnd-tt", []],
  [
    "Phối hợp cùng Công an phường, Ban Chỉ huy Quân sự phường giữ gìn an ninh.",
    null,
    ["Công an phường=?", "Ban Chỉ huy Quân sự phường=?"],
  ],
  ["phối hợp với các phòng, ban có liên quan giải quyết.", null, ["các phòng, ban có liên quan=?"]],
  // Coordinating units named twice, or the lead named again: listed once.
  [
    "Giao UBND phường chủ trì, phối hợp với Chi cục Thuế; tiếp tục phối hợp với Chi cục Thuế và UBND phường.",
    "UBND phường=ubnd-tt",
    ["Chi cục Thuế=thue"],
  ],
  // Ordinary words that look like unit words.
  ["Tổ chức thực hiện tốt công tác phòng cháy chữa cháy.", null, []],
  ["Lãnh đạo thực hiện tốt nhiệm vụ; đoàn kết, thống nhất.", null, []],
  ["Hội nghị tiếp tục thảo luận; bàn giao cho UBND phường quản lý.", null, []],
  ["giao thông, giao đất đúng quy định.", null, []],
  ["Lãnh đạo phường tiếp tục chỉ đạo.", "Lãnh đạo phường=?", []],
  ["Thành phố chủ động bố trí vốn.", "Thành phố=?", []],
  ["Tổ dân phố 5 chủ động vận động nhân dân.", "Tổ dân phố 5=?", []],
  ["Phối hợp với Quận ủy, UBND quận Long Biên tổ chức.", null, ["Quận ủy=?", "UBND quận Long Biên=?"]],
  // Typed without accents.
  [
    "giao ubnd phuong phoi hop voi cac phong, ban lien quan quan hoan thien thu tuc",
    "ubnd phuong=ubnd-tt",
    ["cac phong, ban lien quan quan=?"],
  ],
  ["", null, []],
];

function show(ref: { text: string; unitId: UnitId | null }): string {
  return `${ref.text}=${ref.unitId ?? "?"}`;
}

describe("findResponsibleUnits", () => {
  it.each(TABLE)("%j", (text, lead, coordinating) => {
    const found = findResponsibleUnits(text, UNITS);
    expect(found.leadUnit ? show(found.leadUnit) : null).toBe(lead);
    expect(found.coordinatingUnits.map(show)).toEqual(coordinating);
  });

  it("offers candidates for an ambiguous or more specific name", () => {
    const found = findResponsibleUnits("Giao Đảng ủy phường Ngọc Thụy chủ trì.", UNITS);
    expect(found.leadUnit).toEqual({
      text: "Đảng ủy phường Ngọc Thụy",
      unitId: null,
      candidateIds: ["du-tt"],
    });
  });

  it("works without a registry and with a compiled one", () => {
    expect(findResponsibleUnits("Giao UBND phường chủ trì.").leadUnit).toEqual({
      text: "UBND phường",
      unitId: null,
      candidateIds: [],
    });
    expect(findResponsibleUnits("Giao UBND phường chủ trì.", compileRegistry(UNITS)).leadUnit?.unitId).toBe(
      "ubnd-tt",
    );
  });

  it("reads decomposed (NFD) text", () => {
    expect(
      findResponsibleUnits("Giao Đảng ủy phường chủ trì.".normalize("NFD"), UNITS).leadUnit?.unitId,
    ).toBe("du-tt");
  });
});
