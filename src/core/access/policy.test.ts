import { describe, expect, it } from "vitest";
import { type Action, type Actor, can, canAnywhere, grantedRoots } from "./policy.js";
import { ROLES, type Role } from "./roles.js";

// Units: 1 city > 2 district > 3 ward (own) and 4 ward (other, sibling); grants are made on unit 2 or 3.
const WARD_PATH = [3, 2, 1];
const OTHER_WARD_PATH = [4, 2, 1];
const TODAY = "2020-01-02";

function actorWith(role: Role, unitId: number, validTo: string | null = null): Actor {
  return {
    userId: 7,
    username: "u",
    displayName: "U",
    grants: [{ role, unitId, validFrom: "2019-01-01", validTo }],
  };
}

describe("can", () => {
  it("lets a system admin do everything, anywhere", () => {
    const admin = actorWith("system_admin", 1);
    for (const action of ["unit.update", "audit.read", "article.publish"] as Action[]) {
      expect(can(admin, action, { unitPath: [99] }, TODAY)).toBe(true);
    }
  });

  it("lets a unit admin update its own unit and its descendants, never a sibling", () => {
    const wardAdmin = actorWith("unit_admin", 3);
    expect(can(wardAdmin, "unit.update", { unitPath: WARD_PATH }, TODAY)).toBe(true);
    expect(can(wardAdmin, "unit.update", { unitPath: OTHER_WARD_PATH }, TODAY)).toBe(false);
    expect(can(wardAdmin, "unit.update", { unitPath: [2, 1] }, TODAY)).toBe(false);
    const districtAdmin = actorWith("unit_admin", 2);
    expect(can(districtAdmin, "unit.update", { unitPath: OTHER_WARD_PATH }, TODAY)).toBe(true);
  });

  it.each(ROLES.filter((r) => r !== "system_admin" && r !== "unit_admin"))(
    "refuses unit.update to a %s",
    (role) => {
      expect(can(actorWith(role, 3), "unit.update", { unitPath: WARD_PATH }, TODAY)).toBe(false);
    },
  );

  it("lets a writer edit only its own drafts; an editor edits and publishes any article in scope", () => {
    const writer = actorWith("writer", 3);
    expect(
      can(writer, "article.update", { unitPath: WARD_PATH, ownerUserId: 7, status: "draft" }, TODAY),
    ).toBe(true);
    expect(
      can(writer, "article.update", { unitPath: WARD_PATH, ownerUserId: 8, status: "draft" }, TODAY),
    ).toBe(false);
    expect(
      can(writer, "article.update", { unitPath: WARD_PATH, ownerUserId: 7, status: "published" }, TODAY),
    ).toBe(false);
    expect(
      can(writer, "article.publish", { unitPath: WARD_PATH, ownerUserId: 7, status: "draft" }, TODAY),
    ).toBe(false);
    const editor = actorWith("editor", 2);
    expect(
      can(editor, "article.publish", { unitPath: WARD_PATH, ownerUserId: 8, status: "draft" }, TODAY),
    ).toBe(true);
  });

  it("ignores grants outside their validity", () => {
    expect(can(actorWith("unit_admin", 3, "2019-12-31"), "unit.update", { unitPath: WARD_PATH }, TODAY)).toBe(
      false,
    );
    const future: Actor = {
      ...actorWith("unit_admin", 3),
      grants: [{ role: "unit_admin", unitId: 3, validFrom: "2020-02-01", validTo: null }],
    };
    expect(can(future, "unit.update", { unitPath: WARD_PATH }, TODAY)).toBe(false);
  });

  it("refuses everything to an anonymous caller", () => {
    expect(can(null, "article.create", { unitPath: WARD_PATH }, TODAY)).toBe(false);
    expect(canAnywhere(null, "admin.enter", TODAY)).toBe(false);
  });
});

describe("grantedRoots", () => {
  it("is 'all' for a system admin and the granted units otherwise", () => {
    expect(grantedRoots(actorWith("system_admin", 1), "audit.read", TODAY)).toBe("all");
    expect(grantedRoots(actorWith("unit_admin", 3), "audit.read", TODAY)).toEqual([3]);
    expect(grantedRoots(actorWith("viewer", 3), "audit.read", TODAY)).toEqual([]);
  });
});

describe("approval from above", () => {
  it("lets the district office approve a ward's results but never the ward its own", () => {
    const districtLeader = actorWith("leader", 2);
    expect(can(districtLeader, "result.approve", { unitPath: WARD_PATH }, TODAY)).toBe(true);
    expect(can(districtLeader, "result.approve", { unitPath: [2, 1] }, TODAY)).toBe(false);
    const wardAdmin = actorWith("unit_admin", 3);
    expect(can(wardAdmin, "result.approve", { unitPath: WARD_PATH }, TODAY)).toBe(false);
    expect(can(actorWith("data_officer", 3), "result.enter", { unitPath: WARD_PATH }, TODAY)).toBe(true);
    expect(can(actorWith("data_officer", 3), "result.enter", { unitPath: OTHER_WARD_PATH }, TODAY)).toBe(
      false,
    );
  });
});
