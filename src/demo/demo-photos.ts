import { loadSharp } from "../core/lazy-libraries.js";
import { THUMBNAIL_WIDTH, thumbnailKeyOf } from "../portal/media/media.rules.js";
import { pixelTextCentered, textWidth } from "./pixel-font.js";

/**
 * Demo data: the two photos of the reference article, drawn here as simple illustrations (no real
 * photo is shipped) and rendered to JPEG with sharp when the demo is loaded. Each carries the label
 * "HÌNH MINH HỌA" so nobody mistakes it for a photo of the event.
 */

export const PHOTO_WIDTH = 960;
export const PHOTO_HEIGHT = 600;

const COLORS = {
  wall: "#efe6d2",
  wallShade: "#e2d6bd",
  floor: "#a47c52",
  banner: "#b3261e",
  bannerText: "#ffd54f",
  cloth: "#2e6b3f",
  clothTop: "#3b8050",
  suit: "#37474f",
  suitLight: "#546e7a",
  shirt: "#f5f5f5",
  skin: "#e0ac82",
  hair: "#2b2118",
  wood: "#7b4a2a",
  woodLight: "#9a6239",
  flower: "#e53935",
  leaf: "#43a047",
  plate: "#fafafa",
  mic: "#212121",
  dress: "#1e63a8",
};

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ""): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${extra}/>`;
}

function circle(cx: number, cy: number, r: number, fill: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`;
}

/** A seated delegate seen from the front-side: head, hair, shirt collar and suit, scaled by `s`. */
function seatedPerson(cx: number, cy: number, s: number, suit: string = COLORS.suit): string {
  return [
    `<path d="M${cx - 26 * s} ${cy + 60 * s} Q${cx - 24 * s} ${cy + 18 * s} ${cx} ${cy + 16 * s} Q${cx + 24 * s} ${cy + 18 * s} ${cx + 26 * s} ${cy + 60 * s}Z" fill="${suit}"/>`,
    `<path d="M${cx - 7 * s} ${cy + 17 * s} L${cx} ${cy + 34 * s} L${cx + 7 * s} ${cy + 17 * s}Z" fill="${COLORS.shirt}"/>`,
    circle(cx, cy, 13 * s, COLORS.skin),
    `<path d="M${cx - 13.5 * s} ${cy + 1 * s} Q${cx - 14 * s} ${cy - 15 * s} ${cx} ${cy - 15 * s} Q${cx + 14 * s} ${cy - 15 * s} ${cx + 13.5 * s} ${cy + 1 * s} Q${cx} ${cy - 8 * s} ${cx - 13.5 * s} ${cy + 1 * s}Z" fill="${COLORS.hair}"/>`,
  ].join("");
}

/** A delegate seen from behind (audience rows in the foreground). */
function personFromBehind(cx: number, cy: number, s: number, suit: string): string {
  return [
    `<path d="M${cx - 34 * s} ${cy + 70 * s} Q${cx - 32 * s} ${cy + 20 * s} ${cx} ${cy + 18 * s} Q${cx + 32 * s} ${cy + 20 * s} ${cx + 34 * s} ${cy + 70 * s}Z" fill="${suit}"/>`,
    circle(cx, cy, 16 * s, COLORS.hair),
  ].join("");
}

function nameplate(cx: number, y: number, s: number): string {
  return rect(
    cx - 14 * s,
    y,
    28 * s,
    9 * s,
    COLORS.plate,
    `stroke="#9e9e9e" stroke-width="${Math.max(1, s)}"`,
  );
}

function flowers(cx: number, cy: number, s: number): string {
  const out = [rect(cx - 10 * s, cy, 20 * s, 14 * s, "#c7a15a")];
  const petals: [number, number][] = [
    [-12, -6],
    [0, -12],
    [12, -6],
    [-6, -16],
    [6, -16],
    [0, -2],
  ];
  for (const [dx, dy] of petals)
    out.push(circle(cx + dx * s, cy + dy * s, 7 * s, dx === 0 && dy === -2 ? COLORS.leaf : COLORS.flower));
  return out.join("");
}

function microphone(x: number, y: number, s: number): string {
  return `<path d="M${x} ${y} l${14 * s} ${-18 * s}" stroke="${COLORS.mic}" stroke-width="${2 * s}"/>${circle(x + 15 * s, y - 19 * s, 3 * s, COLORS.mic)}`;
}

/** The red banner with two lines of yellow capitals. */
function banner(lines: string[], y: number, height: number): string {
  const out = [
    rect(60, y, PHOTO_WIDTH - 120, height, COLORS.banner),
    rect(60, y + height - 6, PHOTO_WIDTH - 120, 6, "#8e1b15"),
  ];
  const scale = 3;
  const lineHeight = 13 * scale;
  const top = y + Math.round((height - lines.length * lineHeight) / 2) + 5 * scale;
  lines.forEach((line, i) => {
    out.push(pixelTextCentered(line, PHOTO_WIDTH / 2, top + i * lineHeight, scale, COLORS.bannerText));
  });
  return out.join("");
}

/** "HÌNH MINH HỌA" in the bottom-right corner. */
function illustrationLabel(): string {
  const text = "HÌNH MINH HỌA";
  const scale = 2;
  const w = textWidth(text, scale) + 20;
  const x = PHOTO_WIDTH - w - 12;
  const y = PHOTO_HEIGHT - 40;
  return [
    rect(x, y, w, 30, "#000000", 'fill-opacity="0.55" rx="4"'),
    pixelTextCentered(text, x + w / 2, y + 10, scale, "#ffffff"),
  ].join("");
}

function svg(body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" viewBox="0 0 ${PHOTO_WIDTH} ${PHOTO_HEIGHT}">${body.join("")}</svg>`;
}

const BANNER_LINES = ["BAN THƯỜNG VỤ QUẬN ỦY LONG BIÊN", "LÀM VIỆC VỚI PHƯỜNG THƯỢNG THANH"];

/**
 * Photo 1: the meeting room from the end of a long table; delegates on both sides, the chair at the
 * far end speaking into a microphone, flowers down the middle, the banner on the wall.
 */
export function meetingRoomSvg(): string {
  const body: string[] = [
    rect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT, COLORS.wall),
    rect(0, 300, PHOTO_WIDTH, 300, COLORS.floor),
    rect(0, 292, PHOTO_WIDTH, 8, COLORS.wallShade),
    banner(BANNER_LINES, 28, 120),
    pixelTextCentered("02/01/2020", PHOTO_WIDTH / 2, 160, 2, "#8e1b15"),
  ];
  // The chair at the far end, behind the narrow end of the table.
  body.push(seatedPerson(480, 236, 1.05), microphone(470, 300, 1.1), nameplate(480, 292, 1.1));
  // The table in perspective: narrow far end, wide near end.
  body.push(`<path d="M390 300 L570 300 L820 600 L140 600Z" fill="${COLORS.cloth}"/>`);
  body.push(`<path d="M398 300 L562 300 L790 580 L170 580Z" fill="${COLORS.clothTop}"/>`);
  // Delegates along both sides, larger as they come nearer.
  const seats = [0.15, 0.33, 0.52, 0.72, 0.92];
  for (const t of seats) {
    const y = 300 + t * 280;
    const s = 0.8 + t * 0.9;
    const leftEdge = 398 - t * 228;
    const rightEdge = 562 + t * 228;
    body.push(seatedPerson(leftEdge - 30 * s, y - 50 * s, s, t > 0.5 ? COLORS.suitLight : COLORS.suit));
    body.push(seatedPerson(rightEdge + 30 * s, y - 50 * s, s));
    body.push(
      nameplate(leftEdge + 26 * s, y - 6 * s, s * 0.8),
      nameplate(rightEdge - 26 * s, y - 6 * s, s * 0.8),
    );
    body.push(
      rect(leftEdge + 40 * s, y - 18 * s, 5 * s, 14 * s, "#90caf9"),
      rect(rightEdge - 45 * s, y - 18 * s, 5 * s, 14 * s, "#90caf9"),
    );
  }
  body.push(flowers(480, 380, 1.2), flowers(480, 480, 1.6));
  body.push(illustrationLabel());
  return svg(body);
}

/**
 * Photo 2: a delegate reporting at a lectern on the right, the presiding table under the banner at
 * the back, and the backs of the audience in the foreground.
 */
export function lecternSvg(): string {
  const body: string[] = [
    rect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT, COLORS.wall),
    rect(0, 330, PHOTO_WIDTH, 270, COLORS.floor),
    banner(BANNER_LINES, 24, 110),
  ];
  // Presiding table at the back with five delegates.
  for (let i = 0; i < 5; i++) body.push(seatedPerson(200 + i * 110, 210, 0.9));
  body.push(rect(130, 262, 580, 60, COLORS.cloth), rect(130, 262, 580, 10, COLORS.clothTop));
  for (let i = 0; i < 5; i++) body.push(nameplate(200 + i * 110, 274, 1));
  body.push(flowers(420, 300, 1));
  // The speaker: dark hair to the shoulders, blue dress, behind a wooden lectern with a microphone.
  body.push(
    `<path d="M770 300 Q772 240 812 236 Q852 240 854 300Z" fill="${COLORS.dress}"/>`,
    `<path d="M786 188 Q812 150 838 188 L842 236 L782 236Z" fill="${COLORS.hair}"/>`,
    circle(812, 200, 22, COLORS.skin),
    `<path d="M790 196 Q812 168 834 196 Q812 182 790 196Z" fill="${COLORS.hair}"/>`,
    `<path d="M748 292 L876 292 L864 470 L760 470Z" fill="${COLORS.wood}"/>`,
    rect(740, 282, 144, 16, COLORS.woodLight),
    circle(812, 372, 20, COLORS.banner),
    `<path d="M812 356 L816 367 L828 367 L818 374 L822 386 L812 379 L802 386 L806 374 L796 367 L808 367Z" fill="${COLORS.bannerText}"/>`,
    microphone(790, 282, 1.4),
  );
  // Audience: two rows seen from behind.
  const colours = [COLORS.suit, COLORS.suitLight, COLORS.dress, COLORS.suit, COLORS.suitLight, COLORS.suit];
  for (let i = 0; i < 6; i++) body.push(personFromBehind(90 + i * 120, 430, 1.1, colours[i] ?? COLORS.suit));
  for (let i = 0; i < 5; i++)
    body.push(personFromBehind(150 + i * 130, 510, 1.4, colours[(i + 2) % 6] ?? COLORS.suit));
  body.push(illustrationLabel());
  return svg(body);
}

export interface RenderedPhoto {
  /** `demo-1` → stored as `demo-1.jpg`. */
  key: "demo-1" | "demo-2";
  storageKey: string;
  /** The list-size copy the portal shows in article lists (`demo-1-t.jpg`). */
  thumbnailKey: string;
  originalName: string;
  mimeType: "image/jpeg";
  bytes: Buffer;
  thumbnail: Buffer;
}

/** Both drawings as JPEG files, each with its list-size copy. */
export async function renderDemoPhotos(): Promise<RenderedPhoto[]> {
  const drawings = [
    { key: "demo-1" as const, originalName: "hoi-nghi-dinh-huong-noi-dung.jpg", svg: meetingRoomSvg() },
    { key: "demo-2" as const, originalName: "bao-cao-truoc-hoi-nghi.jpg", svg: lecternSvg() },
  ];
  const sharp = await loadSharp();
  return Promise.all(
    drawings.map(async (d) => {
      const image = sharp(Buffer.from(d.svg));
      const [bytes, thumbnail] = await Promise.all([
        image.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
        image.clone().resize({ width: THUMBNAIL_WIDTH }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      ]);
      const storageKey = `${d.key}.jpg`;
      return {
        key: d.key,
        storageKey,
        thumbnailKey: thumbnailKeyOf(storageKey),
        originalName: d.originalName,
        mimeType: "image/jpeg" as const,
        bytes,
        thumbnail,
      };
    }),
  );
}
