import type sanitizeHtml from "sanitize-html";
import { loadSanitizeHtml } from "../../core/lazy-libraries.js";

/**
 * Article HTML as readers receive it. An allowlist, not a blocklist: anything not named here is
 * dropped, so a paste from Word, a `<script>` or an `onerror=` can never reach a reader.
 */

const TABLE_TAGS = ["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"];

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "b",
  "i",
  "u",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "a",
  "figure",
  "figcaption",
  "img",
  ...TABLE_TAGS,
];

/**
 * Dropped together with everything inside them (other unknown tags lose only the tag and keep their
 * text): their content is code or markup that must not turn into visible text either.
 */
const DROP_WITH_CONTENT = [
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "noscript",
  "noembed",
  "template",
  "svg",
  "math",
  "textarea",
  "select",
  "option",
  "title",
  "head",
  "xml",
];

/** Photos must come from this site's media store or a https address. */
const MEDIA_PATH = /^\/media\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DIMENSION = /^\d{1,4}$/;

function isAllowedImageSource(src: string | undefined): boolean {
  if (!src) return false;
  if (MEDIA_PATH.test(src)) return true;
  try {
    return new URL(src).protocol === "https:" && src.startsWith("https://");
  } catch {
    return false;
  }
}

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "width", "height"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: {},
  allowedStyles: {},
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROP_WITH_CONTENT,
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      const out: Record<string, string> = {};
      if (href) {
        out.href = href;
        if (isExternal(href)) out.rel = "noopener noreferrer";
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const out: Record<string, string> = {};
      if (attribs.src !== undefined) out.src = attribs.src.trim();
      out.alt = attribs.alt ?? "";
      for (const key of ["width", "height"] as const) {
        const value = attribs[key];
        if (value !== undefined && DIMENSION.test(value)) out[key] = value;
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === "img") return !isAllowedImageSource(frame.attribs.src);
    // Word and some editors leave empty paragraphs for spacing; layout is the stylesheet's job.
    if (frame.tag === "p")
      return frame.text.replace(/[\s\u00a0]/g, "") === "" && frame.mediaChildren.length === 0;
    return false;
  },
};

/**
 * Cleans untrusted article HTML with the allowlist above. Text with no markup at all is taken as
 * plain text: blank lines separate paragraphs and single line breaks are kept.
 */
export async function sanitizeArticleHtml(input: string): Promise<string> {
  const sanitizeHtml = await loadSanitizeHtml();
  return sanitizeHtml(withParagraphs(withoutWordArtifacts(input)), OPTIONS).trim();
}

/**
 * Word's HTML carries things no allowlist can judge by tag: the fake bullets of its lists, wrapped
 * in `<![if !supportLists]>…<![endif]>` (they would stay behind as "-   " or "1." text), and
 * conditional comments. Both go before sanitising; the list items keep their text.
 */
function withoutWordArtifacts(input: string): string {
  return input
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, "")
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, "");
}

const ANY_TAG = /<[a-zA-Z!/?]/;
const BLOCK_TAG = /<\/?(?:p|div|br|ul|ol|li|h[1-6]|blockquote|table|figure|pre|section|article)\b/i;

/**
 * Text typed into the body field rather than pasted HTML: blank lines separate paragraphs. Plain
 * text is escaped; text with only inline markup (`<strong>`, a link…) is wrapped as it is, since the
 * sanitiser runs on the result anyway.
 */
function withParagraphs(input: string): string {
  if (!ANY_TAG.test(input)) return plainTextToHtml(input);
  if (BLOCK_TAG.test(input)) return input;
  return paragraphs(input)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br />")}</p>`)
    .join("\n");
}

function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Paragraphs from plain text: a blank line ends a paragraph, a single newline becomes `<br />`. */
export function plainTextToHtml(text: string): string {
  return paragraphs(text)
    .map((paragraph) => `<p>${escapeText(paragraph).replace(/\n/g, "<br />")}</p>`)
    .join("\n");
}
