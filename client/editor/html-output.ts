/**
 * The editor's HTML in the exact form the server stores (src/portal/articles/sanitize.ts, then one
 * top-level block a line), so that saving what the editor wrote changes nothing: void tags closed
 * the way sanitize-html writes them, no-break spaces as characters, and the empty paragraphs
 * ProseMirror keeps for the cursor (the sanitiser drops them) left out.
 */
export function toStoredHtml(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  return Array.from(template.content.children)
    .map((block) => normalised(block.outerHTML))
    .filter((block) => block !== "")
    .join("\n");
}

function normalised(html: string): string {
  return html
    .replace(/<br>/g, "<br />")
    .replace(/<img ([^>]*?)\s*\/?>/g, "<img $1 />")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/<p><\/p>/g, "")
    .replace(/<p><br \/><\/p>/g, "")
    .trim();
}
