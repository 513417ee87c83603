import { describe, expect, it } from "vitest";
import { AREA_CODES, AREA_LABELS, classifyArea, splitHeading } from "./areas.js";

describe("classifyArea", () => {
  it.each([
    ["Về phát triển kinh tế", "economy"],
    ["Công tác quản lý đô thị", "urban_management"],
    ["Công tác quản lý đất đai", "land"],
    ["Công tác cải cách hành chính", "administrative_reform"],
    ["Công văn hóa xã hội", "culture_society"],
    ["Văn hóa - xã hội", "culture_society"],
    ["Công tác giáo dục", "education"],
    ["Công tác phòng cháy chữa cháy", "fire_prevention"],
    ["Công tác PCCC", "fire_prevention"],
    ["Công tác xây dựng Đảng", "party_building"],
    ["Đối với các nhóm kiến nghị, đề xuất của phường", "proposals"],
    ["Về kiến nghị giao đất xây trường", "proposals"],
    ["Lĩnh vực tài chính, ngân sách", "economy"],
    ["Công tác y tế, dân số", "culture_society"],
    ["Trật tự xây dựng", "urban_management"],
    ["Về giải phóng mặt bằng", "land"],
    ["ve phat trien kinh te", "economy"],
    ["CÔNG TÁC XÂY DỰNG ĐẢNG", "party_building"],
    ["Quốc phòng, an ninh", "other"],
    ["Về kết quả đạt được", "other"],
    ["Nhiệm vụ đang triển khai", "other"],
    ["", "other"],
  ])("%j → %s", (heading, code) => {
    expect(classifyArea(heading)).toBe(code);
  });

  it("labels every area in Vietnamese", () => {
    for (const code of AREA_CODES) expect(AREA_LABELS[code]).toMatch(/\S/);
    expect(AREA_LABELS.culture_society).toBe("Văn hóa - xã hội");
  });
});

describe("splitHeading", () => {
  it.each([
    ["Về phát triển kinh tế : Tập trung rà soát.", "Về phát triển kinh tế", "Tập trung rà soát."],
    ["Công tác quản lý đô thị: Duy trì công tác", "Công tác quản lý đô thị", "Duy trì công tác"],
    [
      "Đối với các nhóm kiến nghị, đề xuất của phường: thống nhất",
      "Đối với các nhóm kiến nghị, đề xuất của phường",
      "thống nhất",
    ],
    ["Tập trung rà soát các nguồn thu", null, "Tập trung rà soát các nguồn thu"],
    ["Đã làm xong. Tiếp theo: báo cáo", null, "Đã làm xong. Tiếp theo: báo cáo"],
    [": không có tiêu đề", null, ": không có tiêu đề"],
    [
      "Đồng chí Bí thư nhấn mạnh trong thời gian tới toàn bộ hệ thống chính trị của phường cần tập trung làm tốt: an sinh",
      null,
      "Đồng chí Bí thư nhấn mạnh trong thời gian tới toàn bộ hệ thống chính trị của phường cần tập trung làm tốt: an sinh",
    ],
  ])("%j", (text, heading, body) => {
    expect(splitHeading(text)).toEqual({ heading, body });
  });
});
