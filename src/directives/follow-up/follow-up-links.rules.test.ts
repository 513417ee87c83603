import { describe, expect, it } from "vitest";
import {
  apiQuery,
  drillConditions,
  drillFromPage,
  pageQuery,
  periodMonths,
} from "./follow-up-links.rules.js";

describe("the list filter behind a follow-up figure", () => {
  it("covers the months of a period key", () => {
    expect(periodMonths("2020-03")).toEqual({ from: "2020-03", to: "2020-03" });
    expect(periodMonths("2020-Q1")).toEqual({ from: "2020-01", to: "2020-03" });
    expect(periodMonths("2020-Q4")).toEqual({ from: "2020-10", to: "2020-12" });
    expect(periodMonths("2020")).toEqual({ from: "2020-01", to: "2020-12" });
    expect(periodMonths("none")).toBeNull();
  });

  it("reads back from the page what it writes, in Vietnamese names there and English ones in the API", () => {
    const drill = {
      under: 3,
      lead: "o14",
      assigner: "n:Đỗ Mạnh Hải",
      period: "2020-Q2",
      timeliness: "overdue" as const,
    };
    const query = pageQuery(drill);
    expect(query).toContain("chu_tri=o14");
    const params = new URLSearchParams(query);
    expect(drillFromPage((k) => params.get(k) ?? undefined)).toEqual(drill);
    expect(apiQuery(drill)).toBe(
      "under=3&lead=o14&assigner=n%3A%C4%90%E1%BB%97+M%E1%BA%A1nh+H%E1%BA%A3i&period=2020-Q2&timeliness=overdue",
    );
  });

  it("leaves out values that are not well formed", () => {
    const bad: Record<string, string> = {
      chu_tri: "x1",
      thoi_han: "2020-13",
      thong_bao: "0",
      tien_do: "late",
      duoi: "-1",
    };
    expect(drillFromPage((k) => bad[k])).toEqual({});
    expect(drillFromPage((k) => ({ thong_bao: "none" })[k])).toEqual({ notice: "none" });
  });

  it("turns keys into table conditions", () => {
    expect(drillConditions({ lead: "u12" })).toEqual({ leadUnitId: 12, leadOrganisationId: null });
    expect(drillConditions({ lead: "o34" })).toEqual({ leadOrganisationId: 34 });
    expect(drillConditions({ unit: 5, lead: "u12" }).leadUnitId).toBe(-1);
    expect(drillConditions({ assigner: "p5" }).assigner).toEqual({ personId: 5 });
    expect(drillConditions({ assigner: "n:Hà" }).assigner).toEqual({ name: "Hà" });
    expect(drillConditions({ assigner: "u3" }).assigner).toEqual({ unitId: 3 });
    expect(drillConditions({ notice: "none", period: "none" })).toEqual({
      noticeId: null,
      deadlineMonths: null,
    });
    expect(drillConditions({ status: "cancelled" })).toEqual({ state: "cancelled" });
  });
});
