/**
 * The draft of the portal article that reports a held working session, built from its record in the
 * customary shape of such news (the reference article of 02/01/2020 follows it): a title "<visitors>
 * làm việc với <host>", a lead with the programme, the time of day and date, the place, the topics and
 * who chaired; who attended on each side; the host's figures from its evaluation narrative; the
 * opinions; the chair's assessment and the numbered conclusions; the proposals. Pure: the service
 * loads the facts. The wording is the product's own; the editor rewrites what they like.
 */
import { formatDateVi, formatTimeVi } from "../core/format/vi-date.js";
import { capitaliseFirst } from "../core/text/sentence.js";
import { unitInSentence } from "../targets/unit-wording.rules.js";

export interface StoryUnit {
  name: string;
  level: string;
}

export interface SessionStory {
  /** working_visit | conference | briefing | council_meeting */
  kind: string;
  title: string;
  /** ISO instant. */
  startsAt: string;
  place: string;
  /** The programme of work the session was held under, if any ("Chương trình công tác năm 2020"). */
  programmeYear: number | null;
  host: StoryUnit & { organisation: string | null };
  visiting: (StoryUnit & { organisation: string | null }) | null;
  chair: { name: string; title: string | null };
  attendees: { name: string; title: string | null; side: string }[];
  agenda: { title: string; presenter: string | null }[];
  /** The host's results paragraphs (the targets room's evaluation narrative), one per period presented. */
  narratives: string[];
  opinions: { speaker: string; title: string | null; summary: string }[];
  /** The numbered conclusions of the session's notice(s), in order. */
  conclusions: { number: string; area: string | null; text: string }[];
  proposals: { topic: string; answer: string | null }[];
}

export interface ArticleDraft {
  title: string;
  lead: string;
  /** Paragraphs and lists only: what the article sanitiser keeps. */
  bodyHtml: string;
}

/** "phường Thượng Thanh", as a unit is named inside a sentence (the targets room's wording). */
export function unitInText(unit: StoryUnit): string {
  return unitInSentence(unit);
}

/** A State body (UBND, HĐND and their offices) visits through its leaders; a Party body visits as itself. */
const STATE_BODY = /^(UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Văn phòng UBND)\b/i;

/** Who visits, as the title names them: "Ban Thường vụ Quận ủy Long Biên", "Lãnh đạo UBND Thành phố Hà Nội". */
export function visitorsOf(story: Pick<SessionStory, "visiting">): string | null {
  const v = story.visiting;
  if (!v) return null;
  const body = v.organisation ?? capitaliseFirst(unitInText(v));
  return STATE_BODY.test(body) ? `Lãnh đạo ${body}` : body;
}

/** The customary title: "<visitors> làm việc với <host>" for a working visit, else the session's own title. */
export function articleTitle(story: SessionStory): string {
  const visitors = visitorsOf(story);
  if (story.kind !== "working_visit" || !visitors) return story.title;
  return `${visitors} làm việc với ${unitInText(story.host)}`;
}

/** "sáng", "chiều" or "tối" of the session's start, in Hà Nội time. */
export function timeOfDay(startsAt: string): string {
  const [h = 0, m = 0] = formatTimeVi(startsAt).split(":").map(Number);
  const minutes = h * 60 + m;
  if (minutes < 11 * 60 + 30) return "sáng";
  if (minutes < 18 * 60) return "chiều";
  return "tối";
}

/** Agenda items that say what the session was about (not the opinions or the conclusion themselves). */
function topicsOf(agenda: SessionStory["agenda"]): string[] {
  return agenda
    .map((a) => a.title.trim())
    .filter((t) => t && !/^(ý kiến|kết luận|phát biểu|kiến nghị)/i.test(t))
    .map((t) => t.charAt(0).toLowerCase() + t.slice(1));
}

function person(p: { name: string; title: string | null }): string {
  return p.title ? `${p.name} – ${p.title}` : p.name;
}

/** A named person is "đồng chí …"; a group ("Các đồng chí Trưởng các phòng…", "Đại diện…") is written as it is. */
function named(p: { name: string; title: string | null }): string {
  const group = /^(các|đại diện|trưởng|lãnh đạo|thường trực)\b/i.test(p.name) || p.title === null;
  return group ? p.name.charAt(0).toLowerCase() + p.name.slice(1) : `đồng chí ${person(p)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const list = (tag: "ol" | "ul", items: string[]) =>
  `<${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${tag}>`;
const sentence = (text: string) => (/[.!?:…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A conclusion that names its own area ("Về quản lý đô thị, …:", "Công tác quản lý đô thị:") keeps its words. */
function hasHeading(c: SessionStory["conclusions"][number]): boolean {
  return !c.area || /^(về|đối với)\s/i.test(c.text) || c.text.toLowerCase().startsWith(c.area.toLowerCase());
}

/** The lead: programme, time of day and date, place, who works with whom about what, who chaired. */
export function articleLead(story: SessionStory): string {
  const when = `${timeOfDay(story.startsAt)} ${formatDateVi(story.startsAt)}`;
  const visitors = visitorsOf(story);
  const programme =
    story.programmeYear !== null && visitors
      ? `Thực hiện Chương trình công tác năm ${story.programmeYear} của ${visitors.replace(/^Lãnh đạo /, "")}, `
      : "";
  const topics = topicsOf(story.agenda);
  const about = topics.length > 0 ? ` về ${topics.join("; ")}` : "";
  const what =
    story.kind === "working_visit" && visitors
      ? `${visitors} làm việc với ${unitInText(story.host)}${about}`
      : `${story.title}${about}`;
  const opening = capitaliseFirst(`${programme}${when}, tại ${story.place}, ${what}.`);
  return `${opening} Đồng chí ${person(story.chair)} chủ trì.`;
}

/** The body's paragraphs in the customary order; parts without facts are left out. */
export function articleBody(story: SessionStory): string {
  const parts: string[] = [];
  const chairName = story.chair.name;
  const visiting = story.attendees.filter((a) => a.side === "visiting" && a.name !== chairName);
  const host = story.attendees.filter((a) => a.side === "host");
  const others = story.attendees.filter((a) => a.side === "other");
  if (visiting.length > 0) parts.push(p(`Tham dự buổi làm việc có ${visiting.map(named).join("; ")}.`));
  if (host.length > 0) parts.push(p(`Về phía ${unitInText(story.host)} có ${host.map(named).join("; ")}.`));
  if (others.length > 0) parts.push(p(`Khách mời: ${others.map(named).join("; ")}.`));

  const reporter = story.agenda.find((a) => a.presenter)?.presenter ?? host[0]?.name ?? null;
  const reporterTitle = story.attendees.find((a) => a.name === reporter)?.title ?? null;
  story.narratives.forEach((text, i) => {
    const who =
      i === 0 && reporter ? `đồng chí ${person({ name: reporter, title: reporterTitle })} báo cáo: ` : "";
    parts.push(p(capitaliseFirst(`${i === 0 ? "Tại buổi làm việc, " : ""}${who}${sentence(text)}`)));
  });

  const chairOpinion = story.opinions.find((o) => o.speaker === chairName);
  const opinions = story.opinions.filter((o) => o !== chairOpinion);
  if (opinions.length > 0) {
    parts.push(p("Các đại biểu đã phát biểu, trao đổi làm rõ thêm kết quả, nhiệm vụ và giải pháp:"));
    parts.push(
      list(
        "ul",
        opinions.map((o) => `${person({ name: o.speaker, title: o.title })}: ${sentence(o.summary)}`),
      ),
    );
  }
  if (chairOpinion || story.conclusions.length > 0) {
    const assessment = chairOpinion
      ? ` ${sentence(chairOpinion.summary.charAt(0).toLowerCase() + chairOpinion.summary.slice(1))}`
      : "";
    parts.push(
      p(
        `Kết luận buổi làm việc, đồng chí ${person(story.chair)} đã phát biểu${assessment ? ":" : ""}${assessment}${
          story.conclusions.length > 0
            ? ` Đồng chí đề nghị ${unitInText(story.host)} tập trung thực hiện các nhiệm vụ sau:`
            : ""
        }`.replace(/::/, ":"),
      ),
    );
    if (story.conclusions.length > 0)
      parts.push(
        list(
          "ol",
          story.conclusions.map((c) =>
            hasHeading(c) ? sentence(c.text) : `Về ${lowerFirst(c.area ?? "")}: ${sentence(c.text)}`,
          ),
        ),
      );
  }
  if (story.proposals.length > 0) {
    parts.push(p(`Về các kiến nghị, đề xuất của ${unitInText(story.host)}:`));
    parts.push(
      list(
        "ul",
        story.proposals.map((x) =>
          x.answer ? `${sentence(x.topic)} Trả lời: ${sentence(x.answer)}` : sentence(x.topic),
        ),
      ),
    );
  }
  // The record holds nothing more than the lead says: the editor writes the rest (an article needs a body).
  if (parts.length === 0) parts.push(p("[Nội dung buổi làm việc: biên tập viên bổ sung.]"));
  return parts.join("\n");
}

/** The whole draft: title, lead and body. */
export function draftArticle(story: SessionStory): ArticleDraft {
  return { title: articleTitle(story), lead: articleLead(story), bodyHtml: articleBody(story) };
}
