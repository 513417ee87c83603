/**
 * A 5×7 pixel font for capital Vietnamese text in SVG drawings. The demo photos are drawn as SVG and
 * rasterised by sharp; SVG `<text>` would depend on the fonts installed on the machine (a fresh
 * server may have none, and then the banner would be empty), so letters are drawn as squares.
 *
 * Letters are decomposed with NFD: the base letter comes from the table, each combining mark
 * (circumflex, breve, horn, the five tones) is drawn from a small table of offsets. Đ is its own glyph.
 */

const GLYPHS: Record<string, string[]> = {
  A: [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
  B: ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
  C: [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
  D: ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
  Đ: ["####.", ".#..#", ".#..#", "###.#", ".#..#", ".#..#", "####."],
  E: ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
  G: [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."],
  H: ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
  I: [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
  K: ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
  L: ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
  M: ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
  N: ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
  O: [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  P: ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
  Q: [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
  R: ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
  S: [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
  T: ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
  U: ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  V: ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
  X: ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
  Y: ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
  "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
  "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
  "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
  "3": ["####.", "....#", "....#", ".###.", "....#", "....#", "####."],
  "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
  "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
  "6": [".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."],
  "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
  "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
  "9": [".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."],
  "/": ["....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."],
  "-": [".....", ".....", ".....", "#####", ".....", ".....", "....."],
  ".": [".....", ".....", ".....", ".....", ".....", ".....", "..#.."],
  ":": [".....", "..#..", ".....", ".....", ".....", "..#..", "....."],
  " ": [".....", ".....", ".....", ".....", ".....", ".....", "....."],
};

type Offsets = [number, number][];

/** Marks that sit right on the letter (circumflex, breve) or attach to it (horn, dot below). */
const SHAPE_MARKS: Record<string, Offsets> = {
  "\u0302": [
    [1, -2],
    [2, -3],
    [3, -2],
  ], // circumflex: Â Ê Ô
  "\u0306": [
    [1, -3],
    [2, -2],
    [3, -3],
  ], // breve: Ă
  "\u031b": [
    [5, -1],
    [5, 0],
  ], // horn: Ơ Ư
  "\u0323": [[2, 8]], // dot below: Ạ
};

/** Tone marks above the letter; raised two rows more when a circumflex or breve is already there. */
const TONE_MARKS: Record<string, Offsets> = {
  "\u0301": [
    [2, -2],
    [3, -3],
  ], // acute
  "\u0300": [
    [2, -3],
    [3, -2],
  ], // grave
  "\u0309": [
    [1, -4],
    [2, -4],
    [3, -3],
    [2, -2],
  ], // hook above
  "\u0303": [
    [0, -2],
    [1, -3],
    [2, -2],
    [3, -3],
    [4, -2],
  ], // tilde
};

/** Width of one character cell in font units (5 for the glyph, 1 for the gap). */
export const ADVANCE = 6;

function pixelsOf(char: string): Offsets {
  // NFD leaves Đ whole (it is a letter of its own), which is what the table expects.
  const decomposed = char.normalize("NFD");
  const base = decomposed[0] ?? " ";
  const glyph = GLYPHS[base] ?? GLYPHS[" "] ?? [];
  const out: Offsets = [];
  glyph.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === "#") out.push([x, y]);
  });
  const marks = [...decomposed.slice(1)];
  const raised = marks.some((m) => m === "\u0302" || m === "\u0306");
  for (const mark of marks) {
    for (const [x, y] of SHAPE_MARKS[mark] ?? []) out.push([x, y]);
    for (const [x, y] of TONE_MARKS[mark] ?? []) out.push([raised ? x + 1 : x, raised ? y - 2 : y]);
  }
  return out;
}

/** Width in pixels of `text` drawn at `scale`. */
export function textWidth(text: string, scale: number): number {
  return Math.max(0, [...text].length * ADVANCE - 1) * scale;
}

/**
 * An SVG `<path>` drawing `text` (capitals, digits, / - . :) with its top-left corner at (x, y), each
 * font pixel a `scale`-sized square. Lower-case letters are drawn as capitals.
 */
export function pixelText(text: string, x: number, y: number, scale: number, fill: string): string {
  const parts: string[] = [];
  [...text.toLocaleUpperCase("vi")].forEach((char, i) => {
    for (const [px, py] of pixelsOf(char)) {
      parts.push(`M${x + (i * ADVANCE + px) * scale} ${y + py * scale}h${scale}v${scale}h-${scale}z`);
    }
  });
  return `<path fill="${fill}" d="${parts.join("")}"/>`;
}

/** Like {@link pixelText}, horizontally centred on `cx`. */
export function pixelTextCentered(text: string, cx: number, y: number, scale: number, fill: string): string {
  return pixelText(text, Math.round(cx - textWidth(text, scale) / 2), y, scale, fill);
}
