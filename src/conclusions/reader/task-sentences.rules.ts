/**
 * Tasks written as prose, without list markers: "Giao Sở X chủ trì, phối hợp với Y …; hoàn thành trước
 * ngày …", "Ban Tổ chức Huyện ủy tham mưu …; dự kiến …; Ủy ban kiểm tra Huyện ủy theo dõi …", "đề nghị
 * Ban Thường trực … một số công việc: Thực hiện …; …". A paragraph is cut into sentences, a sentence
 * into semicolon clauses, and a clause is a task when it names who acts (after an assigning verb, or as
 * its subject) or, right after a task or a lead-in, opens with a task verb ("tăng cường…"). Clauses that
 * only say when ("; hoàn thành trước ngày …") or continue a list of addressees stay with the task before
 * them. A paragraph that reports the meeting ("Sáng ngày 28/3, UBND phường tổ chức …") gives only its
 * explicit assignments ("… yêu cầu X …").
 */
import { foldVietnamese } from "../../core/text/fold.js";
import {
  AGENDA_INTROS,
  CONCLUSION_WORDS,
  CONNECTIVES,
  DEADLINE_CLAUSES,
  LIST_INTROS,
  NARRATIVE_OPENINGS,
  PAST_MARKERS,
  TASK_VERBS,
} from "./notice-vocabulary.model.js";
import { findResponsibleUnits } from "./unit-phrases.js";
import type { CompiledRegistry, UnitRef } from "./unit-registry.js";
import { SUBJECT_VERBS } from "./unit-vocabulary.js";

/** One task found in prose. */
export interface TaskClause {
  /** The task's wording, with the clauses that stay with it. */
  text: string;
  /** Its own lead, or the one it continues (the sentence's subject, the lead-in's party). */
  lead: UnitRef | null;
  leadInherited: boolean;
  coordinating: UnitRef[];
  /** Text stated once for several tasks (a lead-in, an opening "Trong tháng 9,"): read for a deadline when the task has none. */
  sharedText: string | null;
}

/** What comes before the paragraph: a lead-in ending with ":" whose party and deadline pass down. */
export interface ProseContext {
  leadIn: { lead: UnitRef | null; text: string } | null;
}

const TASK_VERB_SET = new Set(TASK_VERBS);
/** A named person as subject ("Đồng chí Nguyễn Văn A, …", "Ông B …"): the sentence reports what they did. */
const PERSON_SUBJECT = /^(Đồng chí|đồng chí|Đ\/c|Ông|Bà)\s+\p{Lu}\p{Ll}*\s+\p{Lu}/u;
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}{1,3}|\p{Lu}\p{Ll}?|v\.v|Đ\/c|đ\/c|TS|ThS|PGS|Tp|TP)\.$/u;

/** Sentences of a paragraph: cut after . ! ? … before a capital, not after an abbreviation or initial. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(/[.!?…]+["”»)]*\s+(?=[\p{Lu}“"(])/gu)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(paragraph.slice(Math.max(0, end - 6), end))) continue;
    out.push(paragraph.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  out.push(paragraph.slice(start).trim());
  return out.filter((s) => s !== "" && s !== "/.");
}

/** The folded clause without an opening connective ("Theo đó, ", "Trong đó, ") or leading punctuation. */
function core(text: string): string {
  let f = foldVietnamese(text).replace(/^[\s,;:.\-–—]+/, "");
  for (const c of CONNECTIVES) {
    if (f.startsWith(`${c},`) || f.startsWith(`${c} `)) f = f.slice(c.length).replace(/^[\s,]+/, "");
  }
  return f;
}

/** Whether the folded text opens with a verb of TASK_VERBS ("tăng cường", "tập trung", "báo cáo"…). */
export function startsWithTaskVerb(folded: string): boolean {
  const w = folded.split(/[\s,]+/);
  return [3, 2, 1].some((n) => TASK_VERB_SET.has(w.slice(0, n).join(" ")));
}

/** Whether a verb of action follows anywhere in the folded text (a list of addressees has none). */
function hasVerb(folded: string): boolean {
  const w = folded.split(/[\s,;]+/);
  return w.some((_, i) => {
    const two = w.slice(i, i + 2).join(" ");
    return TASK_VERB_SET.has(two) || SUBJECT_VERBS.has(two) || TASK_VERB_SET.has(w[i] ?? "");
  });
}

/** "yêu cầu / đề nghị / chỉ đạo" followed at once by a task verb: a task asked of no one named. */
function asksWithoutParty(folded: string): boolean {
  const m = /\b(yeu cau|de nghi|chi dao) (.*)$/.exec(folded);
  return (
    m !== null &&
    !/\b(don|theo|xet|cac|nhung)$/.test(folded.slice(0, m.index).trim()) &&
    startsWithTaskVerb(m[2] ?? "")
  );
}

function isNarrative(folded: string): boolean {
  return NARRATIVE_OPENINGS.some((re) => re.test(folded));
}

function hasPastMarker(folded: string): boolean {
  const w = ` ${folded.replace(/[,;.]/g, " ")} `;
  return PAST_MARKERS.some((m) => w.includes(` ${m} `));
}

/** Splits "lead-in: a; b; c" when the part after the colon is a list of tasks; else null. */
function colonList(sentence: string): { intro: string; items: string[]; forced: boolean } | null {
  // The first colon outside quotes: "bài “Hải Dương: Vận động…”" is a title, not a list.
  let open = 0;
  let at = -1;
  for (let i = 0; i < sentence.length && at < 0; i += 1) {
    const ch = sentence[i];
    if (ch === "“" || ch === "«") open += 1;
    else if ((ch === "”" || ch === "»") && open > 0) open -= 1;
    else if (ch === ":" && open === 0) at = i;
  }
  if (at < 0 || at === sentence.length - 1) return null;
  const intro = sentence.slice(0, at).trim();
  const rest = sentence.slice(at + 1).trim();
  const folded = foldVietnamese(intro);
  if (AGENDA_INTROS.some((re) => re.test(folded)) && !/\bket luan\b/.test(folded)) return null;
  const listed = LIST_INTROS.some((w) => folded.endsWith(w));
  const taskFirst = /^\p{Lu}/u.test(rest) && startsWithTaskVerb(core(rest));
  if (!listed && !taskFirst) return null;
  const forced = listed && CONCLUSION_WORDS.some((w) => folded.includes(w));
  return { intro, items: rest.split(/\s*;\s*/).filter((c) => c.trim() !== ""), forced };
}

interface Step {
  text: string;
  sentenceStart: boolean;
  forced: boolean;
  shared: string | null;
  leadIn: UnitRef | null;
}

/** The clauses of a paragraph in order, with what each shares with the others. */
function stepsOf(paragraph: string): Array<Step & { intro?: true }> {
  const steps: Array<Step & { intro?: true }> = [];
  for (const sentence of splitSentences(paragraph)) {
    const list = colonList(sentence);
    const clauses = list ? list.items : sentence.split(/\s*;\s*/).filter((c) => c.trim() !== "");
    if (list)
      steps.push({
        text: list.intro,
        sentenceStart: true,
        forced: false,
        shared: null,
        leadIn: null,
        intro: true,
      });
    // An opening deadline ("Trong tháng 9, Chi bộ …; …; …") holds for every clause of the sentence.
    const opening = /^(trong|truoc|den|cuoi|het|chậm nhất|cham nhat|\d+ thang)\b[^,]{0,30},/.exec(
      foldVietnamese(clauses[0] ?? ""),
    );
    const shared = list ? list.intro : opening ? (clauses[0] ?? "").slice(0, opening[0].length) : null;
    clauses.forEach((text, i) => {
      steps.push({
        text,
        sentenceStart: i === 0 && !list,
        forced: list?.forced ?? false,
        shared,
        leadIn: null,
      });
    });
  }
  return steps;
}

/**
 * The tasks of one unmarked paragraph (see the file comment). `registry` resolves the parties;
 * `context.leadIn` is the lead-in just above (its party leads tasks that name none).
 */
export function taskClauses(
  paragraph: string,
  registry: CompiledRegistry,
  context: ProseContext = { leadIn: null },
): TaskClause[] {
  const out: TaskClause[] = [];
  const firstSentence = splitSentences(paragraph)[0] ?? "";
  const narrativeParagraph =
    isNarrative(core(paragraph)) && findResponsibleUnits(firstSentence, registry).leadBy !== "assignment";
  let current: TaskClause | null = null;
  let currentOpen = false;
  let introLead: UnitRef | null = context.leadIn?.lead ?? null;
  let introActive = context.leadIn !== null;
  for (const step of stepsOf(paragraph)) {
    const folded = core(step.text);
    if (folded === "") continue;
    if (current && DEADLINE_CLAUSES.some((re) => re.test(folded))) {
      current.text = `${current.text}; ${step.text}`;
      continue;
    }
    const units = findResponsibleUnits(step.text, registry);
    // In a paragraph reporting the meeting, what follows an assignment continues it.
    const narrative =
      (narrativeParagraph && current === null) ||
      isNarrative(folded) ||
      hasPastMarker(folded) ||
      PERSON_SUBJECT.test(step.text.trim());
    const assigned =
      units.leadBy === "assignment" ||
      /\b(can|phai|can phai)\b/.test(folded.split(/\s+/).slice(0, 12).join(" "));
    const ownLead = units.leadUnit !== null && (assigned || !narrative);
    if (step.intro) {
      introLead = ownLead ? units.leadUnit : (current?.lead ?? introLead);
      introActive = true;
      if (ownLead) {
        current = {
          text: step.text,
          lead: units.leadUnit,
          leadInherited: false,
          coordinating: units.coordinatingUnits,
          sharedText: null,
        };
        out.push(current);
      }
      continue;
    }
    const continues = (current !== null || introActive) && !narrative && startsWithTaskVerb(folded);
    // "…, yêu cầu củng cố lực lượng nòng cốt": asked of no one named, still a task.
    const unaddressed = units.leadUnit === null && asksWithoutParty(folded);
    if (ownLead && !continues && !(currentOpen && !step.sentenceStart && units.leadBy === "subject")) {
      current = {
        text: step.text,
        lead: units.leadUnit,
        leadInherited: false,
        coordinating: units.coordinatingUnits,
        sharedText: step.shared,
      };
      currentOpen = !hasVerb(
        folded.slice(
          folded.indexOf(foldVietnamese(units.leadUnit?.text ?? "")) + (units.leadUnit?.text.length ?? 0),
        ),
      );
      out.push(current);
    } else if (continues || unaddressed || (step.forced && !narrativeParagraph)) {
      const lead = unaddressed && !continues ? null : step.forced ? introLead : (current?.lead ?? introLead);
      current = {
        text: step.text,
        lead,
        leadInherited: lead !== null,
        coordinating: units.coordinatingUnits,
        sharedText: step.shared,
      };
      currentOpen = false;
      out.push(current);
    } else if (current && !step.sentenceStart) {
      current.text = `${current.text}; ${step.text}`;
    }
  }
  return out;
}
