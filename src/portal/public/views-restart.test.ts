import { afterEach, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../test/support/browser.js";
import { createPostgresDatabase, ENGINES } from "../../../test/support/databases.js";

/**
 * View counts survive restarts of the real server: buffered views are written by the periodic flush
 * (VIEW_FLUSH_INTERVAL_MS) and by the flush on shutdown, both into the all-time count printed on the
 * article and into the day's count the "most read" ranking of a period reads.
 */

const SLUG = "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const READER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

async function read(server: LiveServer, visitor: string): Promise<void> {
  const res = await fetch(`${server.url}/tin-tuc/${SLUG}`, {
    headers: { "user-agent": READER, "x-forwarded-for": visitor },
  });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

async function storedViews(server: LiveServer): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/articles/${SLUG}`);
  return ((await res.json()) as { data: { views: number } }).data.views;
}

/** Today's ranking ("Hôm nay") as "title: N lượt xem" lines. */
async function todaysRanking(server: LiveServer): Promise<string> {
  const html = await (await fetch(`${server.url}/doc-nhieu-nhat?ky=ngay`)).text();
  return html.includes("Chưa có lượt xem nào") ? "" : html.slice(html.indexOf('class="most-read-list"'));
}

describe.each(ENGINES)("view counts across a restart of the server on %s", (engine) => {
  let server: LiveServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("writes buffered views on shutdown and periodically, to the article and to today's ranking", async () => {
    const env: Record<string, string> = { TRUST_PROXY: "1" };
    if (engine === "postgres") env.DATABASE_URL = await createPostgresDatabase();

    // An hour between flushes: only the shutdown flush can write these two views.
    server = await startLiveServer({ ...env, VIEW_FLUSH_INTERVAL_MS: "3600000" });
    const before = await storedViews(server);
    expect(before).toBe(129);
    await read(server, "198.51.100.1");
    await read(server, "198.51.100.2");
    await read(server, "198.51.100.2"); // the same reader again within 30 minutes: not counted
    expect(await todaysRanking(server)).toBe("");
    await server.stop();

    server = await startLiveServer({ ...env, VIEW_FLUSH_INTERVAL_MS: "200" }, server.dataDir);
    expect(await storedViews(server)).toBe(131);
    expect(await todaysRanking(server)).toMatch(/Thượng Thanh<\/a>.*2 lượt xem/s);

    // A fifth of a second between flushes: the next view is written while the server runs.
    await read(server, "198.51.100.3");
    await expect.poll(() => storedViews(server as LiveServer), { timeout: 5000 }).toBe(132);
    await expect.poll(() => todaysRanking(server as LiveServer), { timeout: 5000 }).toMatch(/3 lượt xem/);
  });
});
