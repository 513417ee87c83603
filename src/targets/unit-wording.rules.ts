/**
 * How a unit's name reads in the targets module's pages and sentences. Units are stored either as
 * "Thượng Thanh" (level "ward") or, in older data and tests, already prefixed ("phường Thượng Thanh"):
 * both print the same. Pure: no I/O.
 */

const LEVEL_WORDS: Record<string, string> = {
  city: "thành phố",
  province: "tỉnh",
  district: "quận",
  ward: "phường",
  commune: "xã",
  town: "thị trấn",
  residential_group: "tổ dân phố",
};

/** "phường Thượng Thanh": for inside a sentence. */
export function unitInSentence(unit: { name: string; level: string }): string {
  const word = LEVEL_WORDS[unit.level];
  if (!word) return unit.name;
  const lower = unit.name.toLocaleLowerCase("vi-VN");
  if (lower.startsWith(`${word} `)) return word + unit.name.slice(word.length);
  return `${word} ${unit.name}`;
}

/** "Phường Thượng Thanh": for titles and table cells. */
export function unitTitle(unit: { name: string; level: string }): string {
  const text = unitInSentence(unit);
  return text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);
}

/** "phường", "xã": the word of the unit's level, or "" for a level without one. */
export function levelWord(unit: { level: string }): string {
  return LEVEL_WORDS[unit.level] ?? "";
}
