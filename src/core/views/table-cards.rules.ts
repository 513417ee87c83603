/**
 * Admin tables become cards on a phone (public/static/site.css, `table[data-cards]`): each body cell
 * shows its column's header as a label ("Thời hạn: 30/09/2026"). The labels are written into the
 * HTML on the server, once, for every table of an admin page (core/views/layout.tsx), so no page
 * repeats its headers by hand and the cards work without JavaScript; on a desktop the table stays a
 * real <table>.
 *
 * The input is Hono's rendered output: attribute values and text are escaped (no raw `<` or `>`
 * inside them), so tags can be found by pattern. A table without a <thead>, or whose cells already
 * carry their own `data-label` (a page that lays out its own cards), is left as it is.
 */

const TAG = /<(\/?)(table|thead|tbody|tfoot|tr|th|td)\b([^>]*)>/gi;

interface Cell {
  /** Index just after the opening tag's ">". */
  contentStart: number;
  cols: number[];
}

interface TableState {
  /** Index of the opening tag's ">", where ` data-cards` goes. */
  openEnd: number;
  section: "head" | "body" | null;
  /** Per column, the header texts from the top row down. */
  headers: string[][];
  carry: number[];
  occupied: Set<number>;
  col: number;
  headCell: Cell | null;
  ownLabels: boolean;
  insertions: { at: number; text: string }[];
}

const spanOf = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}="?(\\d+)`, "i").exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? n : 1;
};

/** A header cell's text as a label: an <abbr>'s full title, tags dropped, spaces collapsed. */
export function headerText(inner: string): string {
  return inner
    .replace(/<abbr\b[^>]*\btitle="([^"]*)"[^>]*>[\s\S]*?<\/abbr>/gi, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function columnLabel(table: TableState, col: number): string {
  const texts = (table.headers[col] ?? []).filter((t, i, all) => t !== "" && all.indexOf(t) === i);
  return texts.join(" – ");
}

/** Places the row's cells in columns, counting cells that rows above span into this one. */
function startRow(table: TableState) {
  table.col = 0;
  table.occupied = new Set();
  table.carry.forEach((left, c) => {
    if (left > 0) {
      table.occupied.add(c);
      table.carry[c] = left - 1;
    }
  });
}

function placeCell(table: TableState, attrs: string): number[] {
  while (table.occupied.has(table.col)) table.col++;
  const cols: number[] = [];
  const rows = spanOf(attrs, "rowspan");
  for (let i = 0; i < spanOf(attrs, "colspan"); i++) {
    const c = table.col + i;
    cols.push(c);
    if (rows > 1) table.carry[c] = Math.max(table.carry[c] ?? 0, rows - 1);
  }
  table.col += cols.length;
  return cols;
}

/** Adds `data-label` to the body cells of every table with a header, and `data-cards` to the table. */
export function labelTableCells(html: string): string {
  const stack: TableState[] = [];
  const done: { at: number; text: string }[] = [];
  for (const m of html.matchAll(TAG)) {
    const [whole, slash, rawName, attrs = ""] = m;
    const name = (rawName ?? "").toLowerCase();
    const index = m.index ?? 0;
    const end = index + whole.length;
    if (name === "table") {
      if (!slash) {
        stack.push({
          openEnd: end - 1,
          section: null,
          headers: [],
          carry: [],
          occupied: new Set(),
          col: 0,
          headCell: null,
          ownLabels: /\bdata-cards\b/.test(attrs),
          insertions: [],
        });
        continue;
      }
      const table = stack.pop();
      if (table && !table.ownLabels && table.insertions.length > 0) {
        done.push({ at: table.openEnd, text: " data-cards" }, ...table.insertions);
      }
      continue;
    }
    const table = stack[stack.length - 1];
    if (!table) continue;
    if (name === "thead" || name === "tbody" || name === "tfoot") {
      table.section = slash ? null : name === "thead" ? "head" : "body";
      table.carry = [];
      continue;
    }
    if (name === "tr") {
      if (!slash) startRow(table);
      continue;
    }
    // th or td
    if (/\bdata-label=/.test(attrs)) table.ownLabels = true;
    if (table.section === "head") {
      if (!slash) table.headCell = { contentStart: end, cols: placeCell(table, attrs) };
      else if (table.headCell) {
        const text = headerText(html.slice(table.headCell.contentStart, index));
        for (const c of table.headCell.cols) (table.headers[c] ??= []).push(text);
        table.headCell = null;
      }
      continue;
    }
    if (table.section !== "body" || slash) continue;
    const cols = placeCell(table, attrs);
    // A row header (<th>) is the card's title; a cell across several columns is a message row.
    if (name !== "td" || cols.length !== 1) continue;
    const label = columnLabel(table, cols[0] ?? 0);
    if (label !== "") table.insertions.push({ at: end - 1, text: ` data-label="${label}"` });
  }
  if (done.length === 0) return html;
  done.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const { at, text } of done) {
    out += html.slice(from, at) + text;
    from = at;
  }
  return out + html.slice(from);
}
