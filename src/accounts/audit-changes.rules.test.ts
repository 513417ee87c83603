import { describe, expect, it } from "vitest";
import { changedFields, fieldLabel, readableValue } from "./audit-changes.rules.js";

describe("fieldLabel", () => {
  it.each([
    ["periodKey", "", "Kỳ"],
    ["state", "directive", "Trạng thái"],
    ["lead", "directive", "Đơn vị chủ trì"],
    ["lead", "article", "Sa pô"],
    ["someNewField", "", "Some new field"],
  ])("%s of %j → %s", (code, entity, expected) => {
    expect(fieldLabel(code, entity)).toBe(expected);
  });
});

describe("readableValue", () => {
  const labels = { status: { submitted: "Đã gửi duyệt" } };
  it.each([
    [null, "note", ""],
    ["submitted", "status", "Đã gửi duyệt"],
    ["2020-06-30", "date", "30/06/2020"],
    [8102.16, "value", "8.102,16"],
    [true, "isPublic", "Có"],
    [{ kind: "date", date: "2020-06-30", phrase: null }, "deadline", "Loại: date; Ngày: 30/06/2020"],
    [[{ unitId: 3, organisationId: null, name: "Phường Việt Hưng" }], "coordinators", "Phường Việt Hưng"],
  ])("%j (%s) → %j", (value, code, expected) => {
    expect(readableValue(value, code, labels)).toBe(expected);
  });

  it("cuts a long text, tags removed, to 240 characters", () => {
    const text = readableValue(`<p>${"Đoạn văn dài. ".repeat(40)}</p>`, "bodyHtml");
    expect(text).toHaveLength(240);
    expect(text.startsWith("Đoạn văn dài. Đoạn")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
  });

  it("names units and organisations by the ids it is given names for", () => {
    const names = {
      unit: (id: number) => (id === 3 ? "Phường Việt Hưng" : undefined),
      organisation: () => "UBND phường",
    };
    expect(readableValue(3, "lead", {}, names)).toBe("Phường Việt Hưng");
    expect(readableValue(3, "value", {}, names)).toBe("3");
    expect(readableValue({ unitId: 3, organisationId: 9 }, "lead", {}, names)).toBe("UBND phường");
  });
});

describe("changedFields", () => {
  it("lists only what changed, in words", () => {
    const labels = { result: { status: { draft: "Nháp", submitted: "Đã gửi duyệt" } } };
    expect(
      changedFields(
        { status: "draft", value: 46.62, periodKey: "2020" },
        { status: "submitted", value: 46.62, periodKey: "2020" },
        "result",
        labels,
      ),
    ).toEqual([{ code: "status", field: "Tình trạng", from: "Nháp", to: "Đã gửi duyệt" }]);
  });
});
