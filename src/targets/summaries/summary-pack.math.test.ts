import { describe, expect, it } from "vitest";
import { packPeriod, packTerm, unpackPeriod } from "./summary-pack.math.js";
import { windowsContaining, windowsOfTermTargets } from "./summary-windows.math.js";

describe("summary packing", () => {
  it("reads back every figure unchanged, with its version and result id", () => {
    const packed = packPeriod([
      { id: 7, indicatorId: 2, version: "estimate", value: 0.1 + 0.2, note: null },
      { id: 9, indicatorId: 2, version: "final", value: 1e-7, note: "Số liệu minh họa" },
      { id: 3, indicatorId: 1, version: "final", value: 37.6, note: null },
    ]);
    expect(packed.figures).toBe("1,37.6,,3,;2,1e-7,0.30000000000000004,9,7");
    expect(packed.notes).toBe('{"9":"Số liệu minh họa"}');
    const read: unknown[] = [];
    unpackPeriod(packed.figures, (...figure) => read.push(figure));
    expect(read).toEqual([
      [1, "final", 37.6, 3],
      [2, "final", 1e-7, 9],
      [2, "estimate", 0.30000000000000004, 7],
    ]);
  });

  it("sums a window's years up from each year's final figure, else its estimate", () => {
    const year = (rows: [number, "final" | "estimate", number][]) =>
      packPeriod(
        rows.map(([indicatorId, version, value], i) => ({
          id: i + 1,
          indicatorId,
          version,
          value,
          note: null,
        })),
      ).figures;
    const byYear = new Map([
      [2015, year([[1, "final", 30]])],
      [
        2016,
        year([
          [1, "estimate", 33],
          [1, "final", 34],
        ]),
      ],
      [
        2018,
        year([
          [1, "estimate", 40],
          [2, "final", 0],
        ]),
      ],
    ]);
    expect(packTerm([2015, 2019], byYear)).toBe(
      "1|2015|2019|2015,2016,2018|2018|104|3|:30|:40;2|2015|2019|2018||0|0|:0|:0",
    );
    expect(packTerm([2019, 2020], byYear)).toBeNull();
  });

  it("keeps the windows term targets name, by their dates and by their key", () => {
    const windows = windowsOfTermTargets([
      { periodKey: "2015-2020", periodStart: "2016-01-01", periodEnd: "2020-12-31" },
      { periodKey: "2015-2020", periodStart: "2015-01-01", periodEnd: "2019-12-31" },
    ]);
    expect(windows).toEqual([
      [2015, 2019],
      [2016, 2020],
    ]);
    expect(windowsContaining(2015, windows)).toEqual([[2015, 2019]]);
    expect(windowsContaining(2020, windows)).toEqual([[2016, 2020]]);
  });
});
