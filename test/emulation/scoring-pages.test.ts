import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { buildWorld, type EmulationWorld } from "./world.js";

describe.each(ENGINES)("emulation scoring pages on %s", (engine) => {
  let t: TestApp;
  let world: EmulationWorld;
  let schemeId: number;
  const ids = new Map<string, number>();
  const clients: Record<string, TestClient> = {};
  const client = (name: string) => clients[name] as TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    world = await buildWorld(t.database.db);
    for (const name of ["quan", "phuonga", "yte"]) {
      clients[name] = new TestClient(t);
      await client(name).logIn(name);
    }
  });
  afterAll(() => t.close());

  it("builds a scheme node by node from the forms, warning while the tree is unbalanced", async () => {
    const created = await client("quan").postForm("/quan-tri/thi-dua", {
      name: "Thi đua các phường năm 2019",
      ownerUnitId: String(world.district),
      periodKey: "2019",
      maxPoints: "1.000",
    });
    expect(created.status).toBe(303);
    schemeId = Number(created.headers.get("location")?.match(/thi-dua\/(\d+)/)?.[1]);
    const add = (fields: Record<string, string>) =>
      client("quan").postForm(`/quan-tri/thi-dua/${schemeId}/tieu-chi`, {
        parentId: "",
        fixedPoints: "",
        indicatorCode: "",
        organisationId: "",
        rule: "",
        ...fields,
      });
    expect((await add({ code: "A", name: "Nội dung", kind: "group", maxPoints: "950" })).status).toBe(303);
    const mid = await client("quan").page(`/quan-tri/thi-dua/${schemeId}`);
    expect(mid.html).toContain("Cây tiêu chí chưa cân đối");
    const groupId = mid.html.match(/<option value="(\d+)">A Nội dung<\/option>/)?.[1] ?? "";
    expect(
      (
        await add({
          parentId: groupId,
          code: "A.1",
          name: "Y tế",
          kind: "manual",
          maxPoints: "950",
          organisationId: String(world.departments.health),
        })
      ).status,
    ).toBe(303);
    expect((await add({ code: "B", name: "Điểm thưởng", kind: "group", maxPoints: "50" })).status).toBe(303);
    const tooBig = await add({
      parentId: groupId,
      code: "A.2",
      name: "Quá lớn",
      kind: "manual",
      maxPoints: "960,5",
    });
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain("Điểm tối đa không được vượt điểm tối đa của nhóm.");
    const duplicate = await add({ code: "A", name: "Trùng", kind: "manual", maxPoints: "1" });
    expect(await duplicate.text()).toContain("Mã tiêu chí bị trùng.");
    const page = await client("quan").page(`/quan-tri/thi-dua/${schemeId}`);
    expect(page.html).toContain("B: Nhóm chưa có tiêu chí con.");
    expect(page.html).toContain("Thẩm định: Phòng Y tế quận Long Biên");
    const sheet = await (
      await client("quan").request(`/api/v1/emulation/schemes/${schemeId}/units/${world.wards.a}/scores`)
    ).json();
    for (const c of sheet.data.criteria) ids.set(c.code, c.id);
  });

  it("saves a ward's self-scores typed the vi-VN way", async () => {
    const ward = client("phuonga");
    const form = await ward.page(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}`);
    expect(form.html).toContain("Lưu điểm bước tự chấm");
    const saved = await ward.postForm(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}/tu-cham`, {
      [`p-${ids.get("A.1")}`]: "940,5",
      [`c-${ids.get("A.1")}`]: "",
    });
    expect(saved.status).toBe(303);
    const { html } = await ward.page(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}`);
    expect(html).toContain('value="940,5"');
    expect((await ward.request(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.b}`)).status).toBe(403);
  });

  it("prefills the council column with the earlier stages and writes nothing when a cell is wrong", async () => {
    const quan = client("quan");
    const { html } = await quan.page(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}?buoc=hoi-dong`);
    expect(html).toContain(`name="p-${ids.get("A.1")}" value="940,5"`);
    const refused = await quan.postForm(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}/hoi-dong`, {
      [`p-${ids.get("A.1")}`]: "950,5",
      [`c-${ids.get("A.1")}`]: "",
    });
    expect(refused.status).toBe(422);
    const body = await refused.text();
    expect(body).toContain("Điểm vượt quá điểm tối đa của tiêu chí (950).");
    expect(body).toContain(`id="f-p-${ids.get("A.1")}-error"`);
    const council = await t.database.db
      .selectFrom("emulation_scores")
      .select("id")
      .where("stage", "=", "council")
      .execute();
    expect(council).toEqual([]);
    const ok = await quan.postForm(`/quan-tri/thi-dua/${schemeId}/don-vi/${world.wards.a}/hoi-dong`, {
      [`p-${ids.get("A.1")}`]: "945",
      [`c-${ids.get("A.1")}`]: "Hội đồng thống nhất",
    });
    expect(ok.status).toBe(303);
    const overview = await quan.page(`/quan-tri/thi-dua/${schemeId}`);
    expect(overview.html).toContain("945");
  });
});
