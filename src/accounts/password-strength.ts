import { loadZxcvbn } from "../core/lazy-libraries.js";
import { foldVietnamese } from "../core/text/fold.js";
import { MIN_PASSWORD_LENGTH } from "./password.js";

/**
 * zxcvbn's score from 0 to 4; 3 is "safely unguessable" against an online attack and still slows an
 * offline one, where the argon2 hash does the rest. Below it are the common passwords, keyboard runs,
 * dates and the person's own names.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Words anyone guessing a password on this site tries first, beyond the library's (English-leaning)
 * lists: "mật khẩu", the app's name, the usual admin words.
 */
const SITE_WORDS = ["matkhau", "mat khau", "giaoban", "quantri", "quan tri", "admin", "hanoi", "vietnam"];

/** The person's names as words and as one run, accents folded (people type "nguyenvanan"). */
function personalWords(personal: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of personal) {
    if (!value) continue;
    const folded = foldVietnamese(value);
    if (!folded) continue;
    words.add(folded);
    words.add(folded.replace(/[\s._-]+/g, ""));
    for (const part of folded.split(/[\s._-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why a new password is refused, in Vietnamese, or null when it is acceptable. `personal`: the
 * account's username, display name and e-mail, which a password must not be built from.
 */
export async function passwordProblem(
  password: string,
  personal: readonly (string | null | undefined)[],
): Promise<string | null> {
  if (password.trim() === "") return "Mật khẩu không được để trống hoặc chỉ gồm khoảng trắng.";
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  const own = personalWords(personal);
  const compact = foldVietnamese(password).replace(/[\s._-]+/g, "");
  if (own.some((word) => word.replace(/\s+/g, "") === compact)) {
    return "Mật khẩu không được trùng với tên đăng nhập, họ tên hoặc thư điện tử.";
  }
  const zxcvbn = await loadZxcvbn();
  const inputs = [...own, ...SITE_WORDS];
  // Checked as typed and accent-folded: "Nguyễn Văn An" is as guessable as "nguyen van an".
  const score = Math.min(
    zxcvbn.check(password.slice(0, 100), inputs).score,
    zxcvbn.check(foldVietnamese(password).slice(0, 100), inputs).score,
  );
  if (score >= MIN_PASSWORD_SCORE) return null;
  return "Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy số hoặc phím liền nhau, ngày tháng, tên của bạn). Hãy dùng một cụm nhiều từ mà chỉ bạn biết, ví dụ ghép ba bốn từ không liên quan.";
}
