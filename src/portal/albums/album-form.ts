import { formText } from "../../core/http/params.js";
import type { LibraryItem } from "../media/media-library.repo.js";
import type { AlbumPhotoRow, AlbumRow } from "./albums.repo.js";
import type { AlbumInput, AlbumPhotoInput } from "./albums.service.js";

/**
 * The album form as strings (a rejected form comes back as typed): the album's fields and, for each
 * photo offered, whether it is in the album, its place, caption and alt text
 * (`photo-<mediaId>-include|order|caption|alt`).
 */

export interface AlbumPhotoValues {
  include: boolean;
  order: string;
  caption: string;
  alt: string;
}

export interface AlbumFormValues {
  title: string;
  slug: string;
  description: string;
  unitId: string;
  published: boolean;
  photos: Record<string, AlbumPhotoValues>;
}

export const ALBUM_LABELS: Record<string, string> = {
  title: "Tên album",
  slug: "Đường dẫn",
  description: "Mô tả",
  unitId: "Đơn vị",
  photos: "Ảnh của album",
};

export function newAlbumValues(unitIds: number[]): AlbumFormValues {
  return {
    title: "",
    slug: "",
    description: "",
    unitId: unitIds.length === 1 ? String(unitIds[0]) : "",
    published: false,
    photos: {},
  };
}

export function albumValues(album: AlbumRow, photos: AlbumPhotoRow[]): AlbumFormValues {
  const values: Record<string, AlbumPhotoValues> = {};
  for (const p of photos)
    values[p.mediaId] = { include: true, order: String(p.sortOrder), caption: p.caption, alt: p.altText };
  return {
    title: album.title,
    slug: album.slug,
    description: album.description ?? "",
    unitId: String(album.unitId),
    published: album.published,
    photos: values,
  };
}

/** A library photo not in the album yet, offered with the library's caption and alt text. */
export function offeredValues(item: LibraryItem): AlbumPhotoValues {
  return { include: false, order: "", caption: item.caption ?? "", alt: item.altText ?? "" };
}

type FormBody = Record<string, string | File | (string | File)[]>;

export function parseAlbumForm(body: FormBody): { values: AlbumFormValues; input: AlbumInput } {
  const photos: Record<string, AlbumPhotoValues> = {};
  for (const key of Object.keys(body)) {
    const id = /^photo-([1-9]\d{0,9})-caption$/.exec(key)?.[1];
    if (!id) continue;
    photos[id] = {
      include: formText(body, `photo-${id}-include`) === "1",
      order: formText(body, `photo-${id}-order`).trim(),
      caption: formText(body, `photo-${id}-caption`),
      alt: formText(body, `photo-${id}-alt`),
    };
  }
  const values: AlbumFormValues = {
    title: formText(body, "title"),
    slug: formText(body, "slug"),
    description: formText(body, "description"),
    unitId: formText(body, "unitId"),
    published: formText(body, "published") === "1",
    photos,
  };
  const chosen: AlbumPhotoInput[] = Object.entries(photos)
    .filter(([, p]) => p.include)
    .map(([id, p]) => ({
      mediaId: Number(id),
      caption: p.caption,
      altText: p.alt,
      order: /^\d{1,4}$/.test(p.order) ? Number(p.order) : null,
    }));
  return {
    values,
    input: {
      title: values.title,
      slug: values.slug,
      description: values.description,
      unitId: /^[1-9]\d{0,9}$/.test(values.unitId) ? Number(values.unitId) : null,
      published: values.published,
      photos: chosen,
    },
  };
}
