import { formatDateTimeVi } from "../../core/format/vi-date.js";
import { diffText, diffWords, hasChanges, htmlToText, type Segment } from "./revision-diff.rules.js";
import type { RevisionContent } from "./revisions.repo.js";

/**
 * What changed from one revision to the next, as people read it: the title, lead and body text word
 * by word, and every other field as "before → after" in words (names, not ids). Pure: the names of
 * categories, units and sessions are given.
 */

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface RevisionComparison {
  title: Segment[];
  lead: Segment[];
  body: Segment[][];
  fields: FieldChange[];
  /** False when the revision repeats the previous one (a restore of identical content). */
  changed: boolean;
}

export interface NameLookup {
  category(id: number): string;
  unit(id: number): string;
  session(id: number): string;
}

const NONE = "—";

function list(items: string[]): string {
  return items.length === 0 ? NONE : items.join("; ");
}

function describe(content: RevisionContent, names: NameLookup): [string, string][] {
  const f = content.fields;
  return [
    ["Đường dẫn", f.slug || NONE],
    ["Chuyên mục", f.categoryId === null ? NONE : names.category(f.categoryId)],
    ["Đơn vị sở hữu", names.unit(f.unitId)],
    ["Thời điểm đăng", f.publishedAt ? formatDateTimeVi(f.publishedAt) : NONE],
    ["Từ khóa", list(f.tags)],
    ["Buổi làm việc liên quan", list(f.sessionIds.map((id) => names.session(id)))],
    ["Đơn vị liên quan", list(f.linkedUnitIds.map((id) => names.unit(id)))],
    [
      "Ảnh",
      list(
        f.images.map(
          (i) =>
            `${i.caption} [thay thế: ${i.altText}]${i.position === null ? "" : ` (sau đoạn ${i.position})`}`,
        ),
      ),
    ],
  ];
}

function whole(kind: "same" | "ins", text: string): Segment[] {
  return text === "" ? [] : [{ kind, text }];
}

/** Compares a revision with the one before it (null: the first revision, shown as all new). */
export function compareRevisions(
  previous: RevisionContent | null,
  current: RevisionContent,
  names: NameLookup,
): RevisionComparison {
  const afterBody = htmlToText(current.bodyHtml);
  if (previous === null) {
    return {
      title: whole("ins", current.title),
      lead: whole("ins", current.lead ?? ""),
      body: diffText("", afterBody),
      fields: describe(current, names).map(([label, after]) => ({ label, before: NONE, after })),
      changed: true,
    };
  }
  const title = diffWords(previous.title, current.title);
  const lead = diffWords(previous.lead ?? "", current.lead ?? "");
  const body = diffText(htmlToText(previous.bodyHtml), afterBody);
  const before = describe(previous, names);
  const fields = describe(current, names)
    .map(([label, after], i) => ({ label, before: before[i]?.[1] ?? NONE, after }))
    .filter((change) => change.before !== change.after);
  const changed =
    hasChanges([title]) ||
    hasChanges([lead]) ||
    hasChanges(body) ||
    fields.length > 0 ||
    // Markup-only edits (a word made bold) change no text but are still a change.
    previous.bodyHtml !== current.bodyHtml;
  return { title, lead, body, fields, changed };
}
