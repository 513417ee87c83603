import { formatDateVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import { ShareLinks } from "../public/article-page-parts.views.js";
import { Pagination } from "../public/public-components.views.js";
import type { AlbumPhotoRow, AlbumRow } from "./albums.repo.js";
import { albumHref, PUBLIC_ALBUMS } from "./albums-admin.views.js";

/** The public photo albums: the list (/thu-vien-anh) and an album's page. */

export interface AlbumCard {
  album: AlbumRow;
  cover: AlbumPhotoRow | null;
  count: number;
}

export function albumListHref(page: number): string {
  return page <= 1 ? PUBLIC_ALBUMS : `${PUBLIC_ALBUMS}?trang=${page}`;
}

export function AlbumListPublicPage(props: {
  meta: PageMeta;
  cards: AlbumCard[];
  page: number;
  pageCount: number;
}) {
  return (
    <PublicLayout meta={props.meta}>
      <h1>Thư viện ảnh</h1>
      {props.cards.length === 0 ? (
        <p class="empty-state">Chưa có album ảnh nào được đăng.</p>
      ) : (
        <ul class="album-cards">
          {props.cards.map(({ album, cover, count }) => (
            <li class="album-card">
              <a href={albumHref(album.slug)}>
                {cover ? <img src={mediaPath(cover.previewKey)} alt="" loading="lazy" /> : null}
                <span class="album-card-title">{album.title}</span>
              </a>
              <p class="muted">
                {formatViNumber(count)} ảnh{album.publishedAt ? ` · ${formatDateVi(album.publishedAt)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} hrefOf={albumListHref} />
    </PublicLayout>
  );
}

export function AlbumPublicPage(props: {
  meta: PageMeta;
  album: AlbumRow;
  photos: AlbumPhotoRow[];
  unitName: string;
  canonicalUrl: string;
}) {
  const { album, photos } = props;
  return (
    <PublicLayout meta={props.meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href="/">Trang chủ</a> › <a href={PUBLIC_ALBUMS}>Thư viện ảnh</a>
        </p>
      </nav>
      <article class="album" aria-labelledby="album-title">
        <header>
          <h1 id="album-title">{album.title}</h1>
          <p class="article-meta">
            {props.unitName}
            {album.publishedAt ? ` | Ngày đăng ${formatDateVi(album.publishedAt)}` : ""} |{" "}
            {formatViNumber(photos.length)} ảnh
          </p>
        </header>
        {album.description ? <p class="article-lead">{album.description}</p> : null}
        <ol class="album-grid">
          {photos.map((photo, index) => (
            <li>
              <figure class="article-figure">
                <a href={mediaPath(photo.storageKey)}>
                  <img
                    src={mediaPath(photo.previewKey)}
                    alt={photo.altText}
                    loading={index < 4 ? "eager" : "lazy"}
                    decoding="async"
                  />
                  <span class="visually-hidden"> (ảnh cỡ lớn)</span>
                </a>
                <figcaption>{photo.caption}</figcaption>
              </figure>
            </li>
          ))}
        </ol>
      </article>
      <ShareLinks url={props.canonicalUrl} title={album.title} heading="Chia sẻ album" />
      <p>
        <a href={PUBLIC_ALBUMS}>← Các album khác</a>
      </p>
    </PublicLayout>
  );
}
