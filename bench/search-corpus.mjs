/** Word-pair chain over the given texts: next words of each word, repeated as often as they follow it. */
export function buildChain(texts) {
  const next = new Map();
  const starts = [];
  for (const text of texts) {
    for (const sentence of text.split(/[.;:!?]\s+/)) {
      const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length < 3) continue;
      starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        const list = next.get(words[i]) ?? [];
        list.push(words[i + 1]);
        next.set(words[i], list);
      }
    }
  }
  return { next, starts };
}

function sentence(chain, rand, min, max) {
  const length = min + Math.floor(rand() * (max - min + 1));
  let word = chain.starts[Math.floor(rand() * chain.starts.length)];
  const words = [word];
  while (words.length < length) {
    const options = chain.next.get(word);
    word = options
      ? options[Math.floor(rand() * options.length)]
      : chain.starts[Math.floor(rand() * chain.starts.length)];
    words.push(word);
  }
  const text = words.join(" ").replace(/[,–-]+$/, "");
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

const escapeHtml = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One article: a title of 8–16 words, a lead, 3–6 paragraphs of 2–4 sentences (≈ 250–700 syllables). */
export function generateArticle(chain, rand, index, start) {
  const paragraphs = [];
  const count = 3 + Math.floor(rand() * 4);
  for (let p = 0; p < count; p++) {
    const n = 2 + Math.floor(rand() * 3);
    paragraphs.push(Array.from({ length: n }, () => `${sentence(chain, rand, 12, 30)}.`).join(" "));
  }
  // Newest last: one article every ~45 minutes back from `start`.
  const publishedAt = new Date(start.getTime() - (100_000 - index) * 45 * 60_000).toISOString();
  return {
    slug: `bai-${index}`,
    title: sentence(chain, rand, 8, 16),
    lead: `${sentence(chain, rand, 15, 30)}.`,
    bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    publishedAt,
  };
}

/** The queries readers type: accented and not, phrases, names, rare and very common words, no match. */
export const QUERIES = [
  "thuong thanh",
  "Thượng Thanh",
  "ho ngheo",
  '"hộ nghèo"',
  "dang vien",
  "do manh hai",
  "Đỗ Mạnh Hải",
  "ket qua thuc hien nhiem vu",
  "thu ngân sách",
  "phuong",
  "cải cách hành chính",
  "gia dinh van hoa",
  "phong chay chua chay",
  "chợ an toàn thực phẩm",
  "tổ dân phố văn hóa 2020",
  "khong co tu nay",
];
