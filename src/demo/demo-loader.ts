import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import {
  DEMO_ACCOUNTS,
  DEMO_GRANTS_FROM,
  DEMO_PASSWORD,
  PRESENT_DEMO_ACCOUNTS,
} from "../accounts/accounts.demo.js";
import { hashPassword } from "../accounts/password.js";
import { SESSION as DEMO_SESSION } from "../conclusions/session-story.demo.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { Database } from "../core/db/database.js";
import { isUniqueViolation } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";
import { DEMO_ALBUMS } from "../portal/albums/albums.demo.js";
import { insertAlbum, replaceAlbumPhotos } from "../portal/albums/albums.repo.js";
import { insertArticleImage } from "../portal/articles/article-images.repo.js";
import { setArticleLinks } from "../portal/articles/article-links.repo.js";
import {
  blocksToHtml,
  DEMO_ARTICLES,
  DEMO_CATEGORIES,
  REFERENCE_ARTICLE,
} from "../portal/articles/articles.demo.js";
import { insertCategory } from "../portal/editorial/categories.repo.js";
import { insertMedia } from "../portal/media/media.repo.js";
import { rebuildSearchIndex } from "../portal/search/search-index.service.js";
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from "../units/people.demo.js";
import { DEMO_SUCCESSIONS, DEMO_UNITS, OLD_WARDS } from "../units/units.demo.js";
import { countUnits, deleteAllRows, findSessionIdByTitle, insertArticle } from "./demo.repo.js";
import { type RenderedPhoto, renderDemoPhotos } from "./demo-photos.js";
import {
  idOf,
  insertAccounts,
  insertOrganisations,
  insertPeople,
  insertSuccessions,
  insertUnits,
} from "./demo-registry.js";
import { loadCalendarAndSite } from "./load-calendar-site.js";
import { loadDocumentsDemo } from "./load-documents.js";
import { loadEmulationDemo } from "./load-emulation.js";
import { loadHandoversDemo } from "./load-handovers.js";
import { loadPresentDemo, presentStoryBegun } from "./load-present.js";
import { loadSessionsDemo } from "./load-sessions.js";
import { loadTargetsDemo } from "./load-targets.js";

/**
 * Loads the demo data set (units, organisations, people, accounts, categories, articles and their
 * photos, the targets module's indicators, targets and results, the emulation scheme, the working
 * session with its directives and proposals, and the search index) in one transaction: either all of
 * it is there or none of it. Two stories: the reference story of 2019–2020, and, when `now` is after
 * 01/07/2025, the present one (load-present.ts: today's wards, their accounts, 2025–2026 figures and a
 * 2026 session of the city with phường Việt Hưng).
 *
 * Photos are rendered and written to `mediaDir` (normally `<dataDir>/media`) before the transaction;
 * their names are fixed (`demo-1.jpg`, `demo-2.jpg` and the list copies `demo-1-t.jpg`,
 * `demo-2-t.jpg`), so loading again just overwrites them.
 */

interface PreparedDemo {
  /** The data folder the media folder sits in (`<dataDir>/media`): the library's files go beside it. */
  dataDir: string;
  passwordHashes: Map<string, string>;
  photos: RenderedPhoto[];
}

async function prepare(mediaDir: string): Promise<PreparedDemo> {
  const [hashes, photos] = await Promise.all([
    // One hash per account (own salt each), computed outside the transaction: argon2 is slow on purpose.
    Promise.all(
      [...DEMO_ACCOUNTS, ...PRESENT_DEMO_ACCOUNTS].map(
        async (a) => [a.username, await hashPassword(DEMO_PASSWORD)] as const,
      ),
    ),
    renderDemoPhotos(),
  ]);
  await mkdir(mediaDir, { recursive: true });
  await Promise.all(
    photos.flatMap((p) => [
      writeFile(path.join(mediaDir, p.storageKey), p.bytes),
      writeFile(path.join(mediaDir, p.thumbnailKey), p.thumbnail),
    ]),
  );
  return { dataDir: path.dirname(mediaDir), passwordHashes: new Map(hashes), photos };
}

/** The unit tree: units, their parents over time, and the successions of 2025 with their shares. */
async function insertDemoUnits(db: Kysely<DB>, now: Date): Promise<Map<string, number>> {
  const unitIds = new Map<string, number>();
  await insertUnits(db, DEMO_UNITS, unitIds, now);
  await insertSuccessions(db, DEMO_SUCCESSIONS, unitIds);
  return unitIds;
}

/** Categories, photos and articles of the portal, the reference article first. */
async function insertDemoArticles(
  db: Kysely<DB>,
  prepared: PreparedDemo,
  ids: { unitIds: Map<string, number>; userIds: Map<string, number> },
  now: Date,
): Promise<Map<string, number>> {
  const { unitIds, userIds } = ids;
  const categoryIds = new Map<string, number>();
  for (const category of DEMO_CATEGORIES) categoryIds.set(category.slug, await insertCategory(db, category));

  const mediaIds = new Map<string, number>();
  for (const photo of prepared.photos) {
    const id = await insertMedia(db, {
      storageKey: photo.storageKey,
      originalName: photo.originalName,
      mimeType: photo.mimeType,
      byteSize: photo.bytes.length,
      uploadedBy: userIds.get("bientap") ?? null,
      unitId: idOf(unitIds, "district:long-bien"),
      now,
    });
    mediaIds.set(photo.key, id);
  }
  for (const album of DEMO_ALBUMS) {
    const albumId = await insertAlbum(db, {
      unitId: idOf(unitIds, album.unitKey),
      slug: album.slug,
      title: album.title,
      description: album.description,
      published: true,
      publishedAt: album.publishedAt,
      createdBy: idOf(userIds, "bientap"),
      now: now.toISOString(),
    });
    await replaceAlbumPhotos(
      db,
      albumId,
      album.photos.map((p) => ({ mediaId: idOf(mediaIds, p.photo), caption: p.caption, altText: p.altText })),
    );
  }
  const articleIds = new Map<string, number>();
  for (const article of DEMO_ARTICLES) {
    const articleId = await insertArticle(db, {
      slug: article.slug,
      title: article.title,
      lead: article.lead,
      bodyHtml: blocksToHtml(article.blocks),
      publishedAt: article.publishedAt,
      authorId: article.authorUsername ? idOf(userIds, article.authorUsername) : null,
      unitId: idOf(unitIds, article.unitKey),
      categoryId: idOf(categoryIds, article.categorySlug),
      views: article.views,
    });
    articleIds.set(article.slug, articleId);
    for (const [index, image] of article.images.entries()) {
      await insertArticleImage(db, {
        articleId,
        mediaId: idOf(mediaIds, image.photo),
        caption: image.caption,
        altText: image.altText,
        position: image.position,
        sortOrder: index + 1,
      });
    }
  }
  return articleIds;
}

async function insertDemo(
  db: Kysely<DB>,
  prepared: PreparedDemo,
  now: Date,
): Promise<Record<string, number>> {
  const unitIds = await insertDemoUnits(db, now);
  const organisationIds = new Map<string, number>();
  await insertOrganisations(db, DEMO_ORGANISATIONS, unitIds, organisationIds);
  // Known only as of the article's date: start unknown, no end recorded.
  const positions = await insertPeople(db, DEMO_PEOPLE, organisationIds);
  const userIds = new Map<string, number>();
  const { passwordHashes } = prepared;
  await insertAccounts(
    db,
    DEMO_ACCOUNTS,
    { passwordHashes, unitIds, grantsFrom: DEMO_GRANTS_FROM, now },
    userIds,
  );
  const articleIds = await insertDemoArticles(db, prepared, { unitIds, userIds }, now);
  // The targets module's part of the story: indicators, Thượng Thanh's targets and results, ranking.
  const targetsLoaded = await loadTargetsDemo(db, {
    now,
    districtId: idOf(unitIds, "district:long-bien"),
    wardIds: Object.fromEntries(OLD_WARDS.map((w) => [w.name, idOf(unitIds, w.key)])),
    wardOfficerUserId: userIds.get("thuongthanh") ?? null,
    officeUserId: userIds.get("vanphong.longbien") ?? null,
  });
  // The emulation module's part: the 2019 scheme where Thượng Thanh ranks 1/14, assessments, awards.
  const emulationLoaded = await loadEmulationDemo(db, { now });
  // The working session of 02/01/2020 itself: its nine conclusions as directives, two proposals.
  const sessionsLoaded = await loadSessionsDemo(db, now);
  // The present (December 2026): today's wards, their accounts, figures, a session of the city.
  const present = await loadPresentDemo(db, { now, unitIds, organisationIds, userIds, passwordHashes });
  // After the reorganisation of 01/07/2025: part of Thượng Thanh's open work taken over, part waiting.
  const handoverDecisions = await loadHandoversDemo(db, { now, unitIds });
  // The leaders' calendar of both stories' weeks, and the portal's identity (ward name, emblem).
  const calendarAndSite = await loadCalendarAndSite(db, { now, unitIds, present: presentStoryBegun(now) });
  // The document library: the two stories' notices published from giaoban, and real documents.
  const documents = await loadDocumentsDemo(db, { now, dataDir: prepared.dataDir, unitIds });
  // The reference article reports on that session, about the ward: readers see both linked.
  const sessionId = await findSessionIdByTitle(db, DEMO_SESSION.title);
  await setArticleLinks(db, idOf(articleIds, REFERENCE_ARTICLE.slug), {
    sessionIds: sessionId === undefined ? [] : [sessionId],
    unitIds: [idOf(unitIds, "ward:thuong-thanh")],
  });
  // The articles above were inserted directly, not through the editor's use cases that index them.
  const indexed = await rebuildSearchIndex(db);
  return {
    targets: targetsLoaded ? 1 : 0,
    emulation: emulationLoaded ? 1 : 0,
    sessions: sessionsLoaded ? 1 : 0,
    handoverDecisions,
    documents,
    searchIndexed: indexed,
    units: DEMO_UNITS.length,
    successions: DEMO_SUCCESSIONS.length,
    organisations: DEMO_ORGANISATIONS.length,
    people: DEMO_PEOPLE.length,
    positions,
    users: DEMO_ACCOUNTS.length,
    articles: DEMO_ARTICLES.length,
    media: prepared.photos.length,
    ...present,
    ...calendarAndSite,
  };
}

/**
 * Loads the demo data when the database has no unit yet (a fresh install) and says whether it did.
 * Safe when several processes start at once: the emptiness check is repeated inside the transaction,
 * and a process that loses the race (a unique username or slug already taken) returns false.
 */
export async function loadDemoIfEmpty(database: Database, now: Date, mediaDir: string): Promise<boolean> {
  if ((await countUnits(database.db)) > 0) return false;
  const prepared = await prepare(mediaDir);
  try {
    return await database.db.transaction().execute(async (trx) => {
      if ((await countUnits(trx)) > 0) return false;
      const counts = await insertDemo(trx, prepared, now);
      await recordAudit(trx, {
        actor: null,
        action: "demo_load",
        entityType: "demo",
        entityId: null,
        unitId: null,
        after: counts,
        at: now,
      });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error) && (await countUnits(database.db)) > 0) return false;
    throw error;
  }
}

/**
 * Deletes every row of every data table (users, sessions and the audit log included) and loads the
 * demo again, in one transaction: `giaoban demo --reset`. Uploaded files other than the demo photos
 * stay in `mediaDir`.
 */
export async function resetDemo(database: Database, now: Date, mediaDir: string): Promise<void> {
  const prepared = await prepare(mediaDir);
  await database.db.transaction().execute(async (trx) => {
    await deleteAllRows(trx, database.dialect);
    const counts = await insertDemo(trx, prepared, now);
    await recordAudit(trx, {
      actor: null,
      action: "demo_reset",
      entityType: "demo",
      entityId: null,
      unitId: null,
      after: counts,
      at: now,
    });
  });
}
