import type { Generated } from "kysely";

/**
 * Table types of the portal's articles (categories, media, articles, their photos), added to the app-wide `DB`.
 */

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  sort_order: number;
}

export interface MediaTable {
  id: Generated<number>;
  storage_key: string;
  original_name: string;
  mime_type: string;
  byte_size: number;
  uploaded_by: number | null;
  unit_id: number | null;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  lead: string | null;
  body_html: string;
  /** draft | published */
  status: string;
  published_at: string | null;
  author_id: number | null;
  unit_id: number;
  category_id: number | null;
  views: number;
  created_at: string;
  updated_at: string;
}

export interface ArticleImagesTable {
  id: Generated<number>;
  article_id: number;
  media_id: number;
  caption: string;
  alt_text: string;
  /** Number of body blocks (paragraphs, lists…) that come before the photo; null: after the body. */
  position: number | null;
  sort_order: number;
}

export interface ArticlesTables {
  categories: CategoriesTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_images: ArticleImagesTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends ArticlesTables {}
}
