/**
 * Turns the SVG that ECharts' server-side renderer writes into markup a page can inline under the
 * strict Content-Security-Policy and read out to a screen reader. Pure: no I/O.
 *
 * - `<style>` blocks (hover effects) are dropped and `style="…"` attributes become presentation
 *   attributes (`font-size="12px"`): the CSP allows no inline styles, and a browser would refuse them.
 * - ECharts' bookkeeping attributes (`ecmeta_*`, `zr…-cls-…` classes, `pointer-events`) are dropped.
 * - The root gets `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` its `<desc>`,
 *   and a class; its pixel size stays, so the page draws it 1:1 (CSS shrinks it only when the box is
 *   narrower).
 */

/** CSS properties ECharts writes in style attributes that SVG also takes as presentation attributes. */
const PRESENTATION = new Set([
  "font-size",
  "font-family",
  "font-weight",
  "font-style",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "opacity",
  "text-decoration",
]);

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function styleToAttributes(style: string): string {
  const attributes: string[] = [];
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (PRESENTATION.has(name) && value && !/["<>]/.test(value)) attributes.push(`${name}="${value}"`);
  }
  return attributes.join(" ");
}

export interface SvgLabels {
  /** Unique on the page. */
  id: string;
  title: string;
  description: string;
  /** Extra class on the root (the wide or narrow variant). */
  className: string;
}

/** The inlinable, labelled SVG (see the file's comment). */
export function accessibleSvg(svg: string, labels: SvgLabels): string {
  const titleId = `${labels.id}-title`;
  const descId = `${labels.id}-desc`;
  let body = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_, style: string) => {
      const attributes = styleToAttributes(style);
      return attributes ? ` ${attributes}` : "";
    })
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="[^"]*"/g, "");
  body = body.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/ (baseProfile|version)="[^"]*"/g, "");
    return (
      `<svg${kept} role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" class="chart-svg ${labels.className}">` +
      `<title id="${titleId}">${escapeXml(labels.title)}</title><desc id="${descId}">${escapeXml(labels.description)}</desc>`
    );
  });
  return body.replace(/\n+/g, "\n").trim();
}
