import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SESSION } from "../conclusions/session-story.demo.js";
import {
  articleTitle,
  draftArticle,
  type SessionStory,
  timeOfDay,
  unitInText,
  visitorsOf,
} from "./session-article.rules.js";

/** The reference article (a district portal's report of the session of 02/01/2020). */
const ARTICLE = readFileSync(
  new URL("../../test/fixtures/thuong-thanh-2020-01-02.txt", import.meta.url),
  "utf8",
);
/** Its numbered conclusions ("1. Về phát triển kinh tế : …"), as the notice's items would hold them. */
const CONCLUSIONS = [...ARTICLE.matchAll(/^(\d)\. ([^:]+?)\s?:\s?(.+)$/gm)].map((m) => ({
  number: m[1] as string,
  area: null,
  text: m[3] as string,
}));

const NARRATIVE =
  "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó thu ngân sách đạt 111% dự toán; phường được quận đánh giá thi đua xếp thứ 1/14 phường.";

/** The demo's record of the reference session (its people, place, agenda and opinions). */
const STORY: SessionStory = {
  kind: "working_visit",
  title: SESSION.title,
  startsAt: new Date(SESSION.startsAt).toISOString(),
  place: SESSION.place,
  programmeYear: 2020,
  host: { name: "Thượng Thanh", level: "ward", organisation: null },
  visiting: { name: "Long Biên", level: "district", organisation: "Ban Thường vụ Quận ủy Long Biên" },
  chair: { name: SESSION.chair, title: SESSION.chairTitle },
  attendees: [
    ...SESSION.attendeesVisiting.map(([name, title]) => ({ name, title, side: "visiting" })),
    ...SESSION.attendeesHost.map(([name, title]) => ({ name, title, side: "host" })),
  ],
  agenda: SESSION.agenda.map(([title, presenter]) => ({ title, presenter })),
  narratives: [NARRATIVE],
  opinions: SESSION.opinions.map(([speaker, title, summary]) => ({ speaker, title, summary })),
  conclusions: CONCLUSIONS,
  proposals: [
    {
      topic: "Đề nghị quận bố trí vốn đầu tư xây dựng trường THCS chất lượng cao trên địa bàn phường",
      answer: "Đưa dự án vào kế hoạch đầu tư công trung hạn 2021 - 2025.",
    },
  ],
};

/** Where each marker first appears, in the order given; -1 when one is missing. */
const positions = (text: string, markers: string[]) => markers.map((m) => text.indexOf(m));
const increasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > (xs[i - 1] as number)));

describe("the draft article of a held session", () => {
  const draft = draftArticle(STORY);

  it("reads the fixture's nine conclusions (the test's own input)", () => {
    expect(CONCLUSIONS.map((c) => c.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  it("titles a working visit in the customary form, as the reference article is titled", () => {
    expect(draft.title).toBe("Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh");
    expect(ARTICLE.toLowerCase()).toContain(draft.title.toLowerCase());
    const city = {
      ...STORY,
      host: { name: "Việt Hưng", level: "ward", organisation: null },
      visiting: { name: "Hà Nội", level: "city", organisation: "UBND Thành phố Hà Nội" },
    };
    expect(articleTitle(city)).toBe("Lãnh đạo UBND Thành phố Hà Nội làm việc với phường Việt Hưng");
    expect(articleTitle({ ...STORY, kind: "conference", title: "Hội nghị sơ kết 6 tháng" })).toBe(
      "Hội nghị sơ kết 6 tháng",
    );
    expect(visitorsOf({ visiting: { name: "Long Biên", level: "district", organisation: null } })).toBe(
      "Quận Long Biên",
    );
    expect(unitInText({ name: "Gia Lâm", level: "commune" })).toBe("xã Gia Lâm");
  });

  it("opens like the reference article: programme, time of day and date, place, topics, chair", () => {
    expect(draft.lead).toMatch(
      /^Thực hiện Chương trình công tác năm 2020 của Ban Thường vụ Quận ủy Long Biên, chiều 02\/01\/2020, tại Phòng họp 1 UBND phường Thượng Thanh, Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh về kết quả thực hiện nhiệm vụ chính trị năm 2019/,
    );
    expect(draft.lead).toContain("Đồng chí Đỗ Mạnh Hải – Bí thư Quận ủy, Chủ tịch HĐND quận chủ trì.");
    // The article's lead holds the same facts in the same order.
    expect(
      increasing(
        positions(ARTICLE, ["Thực hiện Chương trình công tác", "chiều 02/01/2020", "Phòng họp 1", "chủ trì"]),
      ),
    ).toBe(true);
    expect(timeOfDay("2020-01-02T01:30:00Z")).toBe("sáng");
    expect(timeOfDay("2020-01-02T12:00:00Z")).toBe("tối");
  });

  it("follows the article's structure: attendees, the ward's report, the assessment, nine numbered conclusions, proposals", () => {
    const body = draft.bodyHtml;
    expect(
      increasing(
        positions(body, [
          "Tham dự buổi làm việc",
          "Về phía phường Thượng Thanh",
          "báo cáo: Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu",
          "Kết luận buổi làm việc, đồng chí Đỗ Mạnh Hải",
          "<ol>",
          "Về các kiến nghị, đề xuất của phường Thượng Thanh",
        ]),
      ),
    ).toBe(true);
    expect(
      increasing(
        positions(ARTICLE, [
          "Tham dự buổi làm việc",
          "Đại biểu phường",
          "hoàn thành vượt mức 16 chỉ tiêu",
          "Kết luận buổi làm việc",
          "1. Về phát triển kinh tế",
          "9. Đối với các nhóm kiến nghị",
        ]),
      ),
    ).toBe(true);
    expect(body).toContain("đồng chí Đường Hoài Nam – Phó Bí thư Thường trực Quận ủy");
    expect(body).toContain("đồng chí Phạm Thị Minh Hồng – Bí thư Đảng ủy, Chủ tịch HĐND phường");
    expect(body).toContain("các đồng chí Trưởng các phòng, ban thuộc quận");
    // The chair presides; he is not listed again among those attending.
    expect(body.slice(0, body.indexOf("Về phía"))).not.toContain("Đỗ Mạnh Hải");
    const ol = body.slice(body.indexOf("<ol>"), body.indexOf("</ol>"));
    expect(ol.match(/<li>/g)).toHaveLength(9);
    expect(ol).toContain("<li>Tập trung rà soát các nguồn thu của phường");
    expect(body).toContain("Trả lời: Đưa dự án vào kế hoạch đầu tư công trung hạn 2021 - 2025.");
  });

  it("escapes what it quotes, and leaves out parts without facts", () => {
    const bare = draftArticle({
      ...STORY,
      attendees: [],
      narratives: [],
      opinions: [],
      conclusions: [
        { number: "1", area: "Quản lý đô thị", text: "Xử lý <b>dứt điểm</b> vi phạm" },
        {
          number: "2",
          area: "Phát triển kinh tế",
          text: "Về phát triển kinh tế, thu ngân sách: khai thác các nguồn thu",
        },
      ],
      proposals: [],
    });
    expect(bare.bodyHtml).not.toContain("Tham dự");
    const empty = draftArticle({
      ...STORY,
      attendees: [],
      narratives: [],
      opinions: [],
      conclusions: [],
      proposals: [],
    });
    expect(empty.bodyHtml).toBe("<p>[Nội dung buổi làm việc: biên tập viên bổ sung.]</p>");
    expect(bare.bodyHtml).toContain("<li>Về quản lý đô thị: Xử lý &lt;b&gt;dứt điểm&lt;/b&gt; vi phạm.</li>");
    // An item that names its own area keeps its words.
    expect(bare.bodyHtml).toContain(
      "<li>Về phát triển kinh tế, thu ngân sách: khai thác các nguồn thu.</li>",
    );
  });
});
