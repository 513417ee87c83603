import type { Generated } from "kysely";

/**
 * Kysely table types of the portal's editorial workflow, revisions, media library, categories, tags
 * and links of articles; merged into `DB`. Conventions as in schema.ts: instants ISO-8601 UTC text,
 * codes in English (labels live in the views).
 *
 * The workflow status itself stays in `articles.status` (draft | submitted | scheduled | published |
 * unpublished): the public pages read it there.
 */

/** One saved state of an article's content: a row per save that changed something. */
export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  /** 1, 2, 3… per article, in the order saved. */
  number: number;
  title: string;
  lead: string | null;
  body_html: string;
  /** JSON of `RevisionFields`: category, tags, linked sessions and units, photos, slug. */
  fields_json: string;
  /** The status the article had right after this save (for the reader of the history). */
  status: string;
  author_user_id: number | null;
  /** Name and username as they were at the time. */
  author_name: string;
  /** Why this revision exists when it is not a plain save: "Khôi phục phiên bản 3". */
  note: string | null;
  created_at: string;
}

/** The review trail: submit, return with a comment, publish, schedule, unpublish. */
export interface ArticleReviewsTable {
  id: Generated<number>;
  article_id: number;
  /** submit | return | publish | schedule | unpublish | auto_publish */
  action: string;
  /** Required when returning: what the writer must fix. */
  comment: string | null;
  actor_user_id: number | null;
  actor_name: string;
  created_at: string;
}

/**
 * Every stored size of a photo, the main file included, so pages can offer `srcset`. Files are
 * served by `/media/<storage_key>` like the main one.
 */
export interface MediaVariantsTable {
  id: Generated<number>;
  media_id: number;
  width: number;
  height: number | null;
  storage_key: string;
  byte_size: number;
}

/** What the media library knows of a photo: its default caption and alt text, required on upload. */
export interface MediaDetailsTable {
  media_id: number;
  caption: string;
  alt_text: string;
  updated_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

/** An article reports on a working session (buổi làm việc). */
export interface ArticleSessionsTable {
  article_id: number;
  session_id: number;
}

/** Units an article is about, besides the one that owns it. */
export interface ArticleUnitsTable {
  article_id: number;
  unit_id: number;
}

export interface EditorialTables {
  article_revisions: ArticleRevisionsTable;
  article_reviews: ArticleReviewsTable;
  media_variants: MediaVariantsTable;
  media_details: MediaDetailsTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  article_sessions: ArticleSessionsTable;
  article_units: ArticleUnitsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends EditorialTables {}
}
