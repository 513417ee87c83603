import { foldToken, pairLexeme, quoteLexeme, tokenize } from "./search-text.rules.js";

/**
 * What a reader's query means, as pure functions: which words must appear, which must appear side
 * by side, and how that is written for each engine.
 *
 * - Words match without their accents, đ folded to d: "thuong thanh" finds "Thượng Thanh".
 * - A quoted part ("hộ nghèo", also with “curly” quotes) must appear as a phrase.
 * - An unquoted run of exactly two syllables is a phrase too: most Vietnamese words are two
 *   syllables ("hộ nghèo", "đảng viên"), and matching them apart finds "hộ … nghèo" by accident.
 *   Longer runs need every syllable somewhere; articles holding the whole run rank first.
 *   Numbers end a run ("hộ nghèo 2019" is the phrase "hộ nghèo" and the number 2019).
 * - Nothing the reader types is syntax: operators (OR, NOT, NEAR, AND), `*`, `-`, `^`, `:`,
 *   parentheses and column names are text or separators, and every token is quoted when it reaches
 *   the engine, so no query can fail or reach another column.
 */

/** Longer queries are cut: nobody types more, and each term costs an index lookup. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 12;

/** A word or phrase: its tokens as typed (lower-case) and folded. */
export interface SearchTerm {
  exact: string[];
  folded: string[];
}

export interface ParsedQuery {
  /** Every term must appear (folded); empty when the query has no letters or digits. */
  terms: SearchTerm[];
  /** Runs of three or more syllables: articles holding them as phrases rank first. */
  boosts: SearchTerm[];
}

const QUOTED = /["“”„]([^"“”„]*)(?:["“”„]|$)/g;
/** Where a run of words ends: list punctuation, a sentence end, a spaced dash. */
const RUN_BREAK = /[,;|!?()[\]{}]|\.(?=\s|$)|\s[-–—]\s/;
const NUMBER = /^\p{N}+$/u;

function termOf(exact: string[]): SearchTerm {
  return { exact, folded: exact.map(foldToken) };
}

/** Splits unquoted text into runs of words, numbers standing alone. */
function runsOf(text: string): string[][] {
  const runs: string[][] = [];
  for (const part of text.split(RUN_BREAK)) {
    let run: string[] = [];
    for (const token of tokenize(part)) {
      if (NUMBER.test(token)) {
        if (run.length > 0) runs.push(run);
        runs.push([token]);
        run = [];
      } else {
        run.push(token);
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Reads a query typed by a reader. Never throws; see the module comment for the rules. */
export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.normalize("NFC").slice(0, MAX_QUERY_LENGTH);
  const terms: SearchTerm[] = [];
  const boosts: SearchTerm[] = [];
  let unquoted = "";
  let last = 0;
  for (const match of text.matchAll(QUOTED)) {
    unquoted += ` ${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
    const tokens = tokenize(match[1] ?? "");
    if (tokens.length > 0) terms.push(termOf(tokens));
  }
  unquoted += ` ${text.slice(last)}`;
  for (const run of runsOf(unquoted)) {
    if (run.length <= 2) {
      terms.push(termOf(run));
    } else {
      for (const token of run) terms.push(termOf([token]));
      boosts.push(termOf(run));
    }
  }
  return { terms: dedupe(terms).slice(0, MAX_TERMS), boosts: dedupe(boosts).slice(0, MAX_TERMS) };
}

function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.exact.join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when there is nothing to look for. */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return parsed.terms.length === 0;
}

// ---- PostgreSQL tsquery ------------------------------------------------------------------------

/**
 * A tsquery literal requiring every phrase, written in the index's pair lexemes (see
 * `tsvectorEntries`): a word is itself, a two-word phrase its pair, a longer phrase the chain of its
 * pairs: `('thuong thanh') & ('ho')`, `('ket qua' <-> 'qua thuc')`.
 */
export function tsqueryText(phrases: string[][]): string {
  return phrases.map((p) => `(${phraseQuery(p)})`).join(" & ");
}

/**
 * The same requirement for a vector without pair lexemes (the accent-exact column): a phrase is the
 * chain of its words, `('hộ' <-> 'nghèo') & ('2020')`, which the server checks on each candidate
 * row's positions. Equivalent on any vector with positions: a pair lexeme stands at its first word's
 * position, and no pair spans the title and the body, which a gap of one position keeps apart.
 */
export function tsqueryWordsText(phrases: string[][]): string {
  return phrases.map((p) => `(${p.map(quoteLexeme).join(" <-> ")})`).join(" & ");
}

function phraseQuery(tokens: string[]): string {
  if (tokens.length < 2) return tokens.map(quoteLexeme).join("");
  const pairs: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++)
    pairs.push(quoteLexeme(pairLexeme(tokens[i] as string, tokens[i + 1] as string)));
  return pairs.join(" <-> ");
}
