import { describe, expect, it } from "vitest";
import { compareRevisions, type NameLookup } from "./revision-compare.rules.js";
import type { RevisionContent } from "./revisions.repo.js";

const names: NameLookup = {
  category: (id) => ({ 1: "Tin tức - Sự kiện", 2: "Thông báo" })[id] ?? `#${id}`,
  unit: (id) => ({ 10: "Phường Thượng Thanh", 11: "Phường Ngọc Thụy" })[id] ?? `#${id}`,
  session: (id) => (id === 5 ? "Làm việc với phường Thượng Thanh (02/01/2020)" : `#${id}`),
};

function content(
  overrides: Partial<RevisionContent> = {},
  fields: Partial<RevisionContent["fields"]> = {},
): RevisionContent {
  return {
    title: "Phường Thượng Thanh xếp thứ 2/14",
    lead: null,
    bodyHtml: "<p>Thu ngân sách đạt 111% dự toán.</p>\n<p>Đoạn hai.</p>",
    ...overrides,
    fields: {
      slug: "phuong-thuong-thanh",
      categoryId: 1,
      unitId: 10,
      publishedAt: null,
      tags: [],
      sessionIds: [],
      linkedUnitIds: [],
      images: [],
      ...fields,
    },
  };
}

describe("compareRevisions", () => {
  it("shows the first revision as all new, with every field", () => {
    const result = compareRevisions(null, content(), names);
    expect(result.title).toEqual([{ kind: "ins", text: "Phường Thượng Thanh xếp thứ 2/14" }]);
    expect(result.body).toEqual([
      [{ kind: "ins", text: "Thu ngân sách đạt 111% dự toán." }],
      [{ kind: "ins", text: "Đoạn hai." }],
    ]);
    expect(result.fields.find((f) => f.label === "Chuyên mục")).toEqual({
      label: "Chuyên mục",
      before: "—",
      after: "Tin tức - Sự kiện",
    });
    expect(result.changed).toBe(true);
  });

  it("diffs text word by word and lists only the fields that changed, by name", () => {
    const before = content();
    const after = content(
      {
        title: "Phường Thượng Thanh xếp thứ 1/14",
        bodyHtml: "<p>Thu ngân sách đạt 112% dự toán.</p>\n<p>Đoạn hai.</p>",
      },
      {
        categoryId: 2,
        tags: ["thi đua"],
        sessionIds: [5],
        linkedUnitIds: [11],
        publishedAt: "2020-01-03T01:00:00.000Z",
        images: [{ mediaId: 1, storageKey: "a.jpg", caption: "Hội nghị", altText: "Phòng họp", position: 1 }],
      },
    );
    const result = compareRevisions(before, after, names);
    expect(result.title).toEqual([
      { kind: "same", text: "Phường Thượng Thanh xếp thứ " },
      { kind: "del", text: "2/14" },
      { kind: "ins", text: "1/14" },
    ]);
    expect(result.body[0]).toEqual([
      { kind: "same", text: "Thu ngân sách đạt " },
      { kind: "del", text: "111%" },
      { kind: "ins", text: "112%" },
      { kind: "same", text: " dự toán." },
    ]);
    expect(result.body[1]).toEqual([{ kind: "same", text: "Đoạn hai." }]);
    expect(result.fields).toEqual([
      { label: "Chuyên mục", before: "Tin tức - Sự kiện", after: "Thông báo" },
      { label: "Thời điểm đăng", before: "—", after: "03/01/2020 08:00" },
      { label: "Từ khóa", before: "—", after: "thi đua" },
      {
        label: "Buổi làm việc liên quan",
        before: "—",
        after: "Làm việc với phường Thượng Thanh (02/01/2020)",
      },
      { label: "Đơn vị liên quan", before: "—", after: "Phường Ngọc Thụy" },
      { label: "Ảnh", before: "—", after: "Hội nghị [thay thế: Phòng họp] (sau đoạn 1)" },
    ]);
    expect(result.changed).toBe(true);
  });

  it("says when a revision repeats the previous one, and counts a markup-only edit as a change", () => {
    expect(compareRevisions(content(), content(), names).changed).toBe(false);
    const bold = content({
      bodyHtml: "<p>Thu ngân sách đạt <strong>111%</strong> dự toán.</p>\n<p>Đoạn hai.</p>",
    });
    const result = compareRevisions(content(), bold, names);
    expect(result.body.flat().every((s) => s.kind === "same")).toBe(true);
    expect(result.changed).toBe(true);
  });
});
