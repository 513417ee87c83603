import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { RevisionContent } from "../editorial/revisions.repo.js";
import { type ArticleImageRow, listImagesOfArticles } from "./article-images.repo.js";
import { type ArticleLinks, findArticleLinks } from "./article-links.repo.js";
import { type ArticleRecord, findArticleById } from "./articles.repo.js";
import { listTagsOfArticles, type TagRow } from "./tags.repo.js";

/**
 * Everything a person edits of one article, read together: the row, its photos, tags and links.
 * The audit log, the revision history and the editor's form all work from this one picture.
 */
export interface ArticleState {
  article: ArticleRecord;
  images: ArticleImageRow[];
  tags: TagRow[];
  links: ArticleLinks;
}

export async function loadArticleState(db: Kysely<DB>, id: number): Promise<ArticleState | undefined> {
  const article = await findArticleById(db, id);
  if (!article) return undefined;
  const [images, tags, links] = await Promise.all([
    listImagesOfArticles(db, [id]),
    listTagsOfArticles(db, [id]),
    findArticleLinks(db, id),
  ]);
  return { article, images, tags: tags.get(id) ?? [], links };
}

/** What the audit log keeps of an article: every field a person edits, its photos, tags and links. */
export function auditSnapshot(state: ArticleState) {
  const { article } = state;
  return {
    slug: article.slug,
    title: article.title,
    lead: article.lead,
    bodyHtml: article.bodyHtml,
    status: article.status,
    publishedAt: article.publishedAt,
    unitId: article.unitId,
    categoryId: article.categoryId,
    authorId: article.authorId,
    images: state.images.map((i) => ({
      media: i.storageKey,
      caption: i.caption,
      alt: i.altText,
      position: i.position,
    })),
    tags: state.tags.map((t) => t.name),
    sessionIds: state.links.sessionIds,
    linkedUnitIds: state.links.unitIds,
  };
}

/** The content a revision keeps of the article's current state. */
export function revisionContentOf(state: ArticleState): RevisionContent {
  const { article } = state;
  return {
    title: article.title,
    lead: article.lead,
    bodyHtml: article.bodyHtml,
    fields: {
      slug: article.slug,
      categoryId: article.categoryId,
      unitId: article.unitId,
      publishedAt: article.publishedAt,
      tags: state.tags.map((t) => t.name),
      sessionIds: state.links.sessionIds,
      linkedUnitIds: state.links.unitIds,
      images: state.images.map((i) => ({
        mediaId: i.mediaId,
        storageKey: i.storageKey,
        caption: i.caption,
        altText: i.altText,
        position: i.position,
      })),
    },
  };
}

/** True when two revisions hold the same content (a save that changed nothing adds no revision). */
export function sameContent(a: RevisionContent, b: RevisionContent): boolean {
  return canonical(a) === canonical(b);
}

/** A fixed-order rendering, so key order (stored JSON versus fresh objects) never matters. */
function canonical(c: RevisionContent): string {
  const f = c.fields;
  return JSON.stringify([
    c.title,
    c.lead,
    c.bodyHtml,
    f.slug,
    f.categoryId,
    f.unitId,
    f.publishedAt,
    f.tags,
    f.sessionIds,
    f.linkedUnitIds,
    f.images.map((i) => [i.mediaId, i.caption, i.altText, i.position]),
  ]);
}
