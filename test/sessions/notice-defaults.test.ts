import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

const ARTICLE = readFileSync(new URL("../fixtures/thuong-thanh-2020-01-02.txt", import.meta.url), "utf8");

/** The value attribute of the input named `name`. */
function inputValue(html: string, name: string): string | undefined {
  return html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0].match(/value="([^"]*)"/)?.[1];
}

describe.each(ENGINES)("a notice starts from its session, on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let sessionId: number;

  beforeAll(async () => {
    // A week after the session: the notice is entered later than the day it was held.
    t = await createTestApp(engine, { now: new Date("2020-01-09T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    const res = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      hostUnitId: s.ward,
      visitingUnitId: s.district,
      visitingOrganisationId: s.org.quanUy,
      startsAt: "2020-01-02T14:00:00+07:00",
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chairPersonId: s.chair,
      chairName: "Đỗ Mạnh Hải",
    });
    expect(res.status).toBe(201);
    sessionId = (await res.json()).data.id;
  });
  afterAll(() => t.close());

  it("dates the notice on the session's day and titles it with the session's capitals kept", async () => {
    const review = await office.postForm(`/quan-tri/buoi-lam-viec/${sessionId}/ket-luan/doc`, {
      text: ARTICLE,
    });
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(inputValue(html, "issuedOn")).toBe("2020-01-02");
    expect(inputValue(html, "title")).toBe(
      "Kết luận của Ban Thường vụ Quận ủy tại buổi làm việc với phường Thượng Thanh",
    );
  });

  it("titles the directives made from the items as sentences", async () => {
    const res = await office.sendJson("POST", "/api/v1/conclusions", {
      sessionId,
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: s.district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Kết luận của Ban Thường vụ Quận ủy tại buổi làm việc với phường Thượng Thanh",
      signerPersonId: s.chair,
      signerName: "Đỗ Mạnh Hải",
      signerTitle: "BÍ THƯ",
      signingAuthority: "T/M BAN THƯỜNG VỤ",
      items: [
        {
          number: "1",
          area: "land",
          text: "phường chủ động xây dựng kế hoạch thực hiện triệt để Kết luận số 316 của Thanh tra sở Tài nguyên Môi trường Thành phố.",
          directives: [
            { lead: { unitId: s.ward }, coordinators: [], deadline: { kind: "year", date: "2020-12-31" } },
          ],
        },
      ],
    });
    expect(res.status).toBe(201);
    const notice = (await res.json()).data;
    expect(notice.items[0].text.startsWith("phường chủ động")).toBe(true);
    expect(notice.items[0].directives[0].title).toBe(
      "Phường chủ động xây dựng kế hoạch thực hiện triệt để Kết luận số 316 của Thanh tra sở Tài nguyên Môi trường Thành phố.",
    );
  });
});
