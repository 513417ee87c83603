import { describe, expect, it } from "vitest";
import type { ParsedItem } from "./reader.service.js";
import { reviewShape } from "./review-shape.rules.js";

function item(path: string, kind: ParsedItem["kind"], area: string, subItems: ParsedItem[] = []): ParsedItem {
  return {
    path,
    kind,
    marker: "",
    number: 1,
    area,
    areaLabel: area,
    heading: null,
    text: path,
    source: path,
    leadUnit: null,
    leadInherited: false,
    coordinatingUnits: [],
    deadline: { kind: "none", date: null, phrase: null },
    deadlineInherited: false,
    subItems,
  };
}

describe("reviewShape", () => {
  it("lifts the items of headings and statements, gives them the heading's area, and flattens tasks under a task", () => {
    const tree = [
      item("I", "heading", "other", [item("I.1", "assessment", "other")]),
      item("II", "heading", "economy", [
        item("II.1", "task", "other"),
        item("II.2", "task", "land", [
          item("II.2.a", "task", "other", [item("II.2.a.-1", "task", "other")]),
          item("II.2.b", "assessment", "other"),
        ]),
      ]),
      item("III", "heading", "proposals", [item("III.1", "request", "other")]),
    ];
    expect(reviewShape(tree).map((i) => [i.path, i.area, i.subItems.map((s) => s.path)])).toEqual([
      ["II.1", "economy", []],
      ["II.2", "land", ["II.2.a", "II.2.a.-1"]],
      ["III.1", "proposals", []],
    ]);
  });
});
