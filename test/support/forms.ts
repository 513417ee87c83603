/** Reading a rendered HTML form back, as a browser would post it. */

/** The hidden and visible values of a rendered form, by name (first value; selected options for selects). */
export function formValues(html: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = attrs.match(/name="([^"]*)"/)?.[1];
    const type = attrs.match(/type="([^"]*)"/)?.[1] ?? "text";
    if (!name || type === "file" || type === "submit") continue;
    if (type === "checkbox" && !/\bchecked\b/.test(attrs)) continue;
    out.append(
      name,
      (attrs.match(/value="([^"]*)"/)?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    );
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    out.append(
      m[1] as string,
      (m[2] ?? "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    );
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    for (const o of (m[2] ?? "").matchAll(/<option value="([^"]*)"([^>]*)>/g)) {
      if (/\bselected\b/.test(o[2] ?? "")) out.append(m[1] as string, o[1] as string);
    }
  }
  return out;
}
