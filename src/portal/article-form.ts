import { formatTimeVi, isIsoDate, vnDateString, vnWallTimeToInstant } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import type { ArticleRecord, ArticleStatus } from "./articles.repo.js";
import {
  altSchema,
  bodySchema,
  captionSchema,
  fieldError,
  leadSchema,
  MESSAGES,
  titleSchema,
} from "./articles.schema.js";
import type { ArticleInput, ImageChange, PhotoInput } from "./articles.service.js";
import { detectPhotoType, MAX_PHOTO_BYTES } from "./media.rules.js";

/**
 * The editor's form: what it shows (`ArticleFormValues`, always strings, so a rejected form comes
 * back exactly as typed) and how a submission becomes a checked `ArticleInput`.
 */

export interface ArticleFormValues {
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  categoryId: string;
  unitId: string;
  publishedDate: string;
  publishedTime: string;
  caption: string;
  alt: string;
  photoPosition: string;
  /** Existing photos' fields, keyed by form field name (`image-<id>-caption`…). */
  images: Record<string, string>;
}

export const FIELD_LABELS: Record<string, string> = {
  title: "Tiêu đề",
  slug: "Đường dẫn",
  lead: "Tóm tắt",
  bodyHtml: "Nội dung",
  categoryId: "Chuyên mục",
  unitId: "Đơn vị sở hữu",
  publishedDate: "Ngày đăng",
  publishedTime: "Giờ đăng",
  photo: "Ảnh",
  caption: "Chú thích ảnh",
  alt: "Văn bản thay thế của ảnh",
  photoPosition: "Vị trí ảnh",
};

/** Empty form for a new article: published "now" unless changed; the only unit preselected. */
export function newArticleValues(now: Date, unitIds: number[]): ArticleFormValues {
  return {
    title: "",
    slug: "",
    lead: "",
    bodyHtml: "",
    categoryId: "",
    unitId: unitIds.length === 1 ? String(unitIds[0]) : "",
    publishedDate: vnDateString(now),
    publishedTime: formatTimeVi(now),
    caption: "",
    alt: "",
    photoPosition: "",
    images: {},
  };
}

/** The form filled with a stored article. */
export function articleValues(
  article: ArticleRecord,
  images: { id: number; caption: string; altText: string; position: number | null }[],
  now: Date,
): ArticleFormValues {
  const at = article.publishedAt ?? now.toISOString();
  const imageFields: Record<string, string> = {};
  for (const image of images) {
    imageFields[`image-${image.id}-caption`] = image.caption;
    imageFields[`image-${image.id}-alt`] = image.altText;
    imageFields[`image-${image.id}-position`] = image.position === null ? "" : String(image.position);
  }
  return {
    title: article.title,
    slug: article.slug,
    lead: article.lead ?? "",
    bodyHtml: article.bodyHtml,
    categoryId: article.categoryId === null ? "" : String(article.categoryId),
    unitId: String(article.unitId),
    publishedDate: vnDateString(at),
    publishedTime: formatTimeVi(at),
    caption: "",
    alt: "",
    photoPosition: "",
    images: imageFields,
  };
}

type FormBody = Record<string, string | File | (string | File)[]>;

function text(body: FormBody, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}

function optionalId(raw: string): number | null | "invalid" {
  if (raw.trim() === "") return null;
  return /^[1-9]\d{0,9}$/.test(raw.trim()) ? Number(raw.trim()) : "invalid";
}

function parsePosition(raw: string): number | null | "invalid" {
  if (raw.trim() === "") return null;
  return /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : "invalid";
}

export interface ParsedArticleForm {
  values: ArticleFormValues;
  errors: FieldErrors;
  /** Set when `errors` is empty. */
  input?: ArticleInput;
  photo?: PhotoInput;
  imageChanges: ImageChange[];
}

/**
 * Reads and checks a submitted form. `intent` comes from the button pressed: "Lưu nháp" (draft) or
 * "Đăng bài" (publish). `imageIds` are the article's existing photos, whose fields are read too.
 */
export async function parseArticleForm(body: FormBody, imageIds: number[]): Promise<ParsedArticleForm> {
  const images: Record<string, string> = {};
  for (const id of imageIds) {
    for (const part of ["caption", "alt", "position"])
      images[`image-${id}-${part}`] = text(body, `image-${id}-${part}`);
  }
  const values: ArticleFormValues = {
    title: text(body, "title"),
    slug: text(body, "slug"),
    lead: text(body, "lead"),
    bodyHtml: text(body, "bodyHtml"),
    categoryId: text(body, "categoryId"),
    unitId: text(body, "unitId"),
    publishedDate: text(body, "publishedDate").trim(),
    publishedTime: text(body, "publishedTime").trim(),
    caption: text(body, "caption"),
    alt: text(body, "alt"),
    photoPosition: text(body, "photoPosition"),
    images,
  };
  const errors: FieldErrors = {};
  const check = (field: string, message: string | undefined) => {
    if (message) errors[field] ??= message;
  };

  check("title", fieldError(titleSchema, values.title));
  check("lead", fieldError(leadSchema, values.lead));
  check("bodyHtml", fieldError(bodySchema, values.bodyHtml));
  const unitId = optionalId(values.unitId);
  if (unitId === null || unitId === "invalid") check("unitId", MESSAGES.unitRequired);
  const categoryId = optionalId(values.categoryId);
  if (categoryId === "invalid") check("categoryId", MESSAGES.categoryUnknown);

  let publishedAt: Date | null = null;
  const { publishedDate, publishedTime } = values;
  if (publishedDate !== "" || publishedTime !== "") {
    const timeOk = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(publishedTime);
    if (!isIsoDate(publishedDate)) check("publishedDate", MESSAGES.dateInvalid);
    if (!timeOk) check("publishedTime", MESSAGES.timeInvalid);
    if (isIsoDate(publishedDate) && timeOk)
      publishedAt = vnWallTimeToInstant(publishedDate, publishedTime.slice(0, 5));
  }

  // A new photo: the file itself, then its caption and alt text, which are required with it.
  let photo: PhotoInput | undefined;
  const file = body.photo;
  const hasFile = file instanceof File && file.size > 0;
  const position = parsePosition(values.photoPosition);
  if (position === "invalid") check("photoPosition", MESSAGES.positionInvalid);
  if (hasFile) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.byteLength > MAX_PHOTO_BYTES) check("photo", "Ảnh không được lớn hơn 10 MB.");
    else if (!detectPhotoType(bytes)) check("photo", "Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
    check("caption", fieldError(captionSchema, values.caption));
    check("alt", fieldError(altSchema, values.alt));
    photo = {
      bytes,
      originalName: file.name,
      caption: values.caption.trim(),
      altText: values.alt.trim(),
      position: typeof position === "number" ? position : null,
    };
  } else if (values.caption.trim() !== "" || values.alt.trim() !== "") {
    check("photo", MESSAGES.photoMissing);
  }

  const imageChanges: ImageChange[] = [];
  for (const id of imageIds) {
    // A form that does not carry a photo's fields at all leaves that photo as it is.
    if (
      !["caption", "alt", "position", "remove"].some(
        (part) => typeof body[`image-${id}-${part}`] === "string",
      )
    )
      continue;
    const remove = text(body, `image-${id}-remove`) === "1";
    const caption = images[`image-${id}-caption`] ?? "";
    const alt = images[`image-${id}-alt`] ?? "";
    const imagePosition = parsePosition(images[`image-${id}-position`] ?? "");
    if (!remove) {
      check(`image-${id}-caption`, fieldError(captionSchema, caption));
      check(`image-${id}-alt`, fieldError(altSchema, alt));
      if (imagePosition === "invalid") check(`image-${id}-position`, MESSAGES.positionInvalid);
    }
    imageChanges.push({
      id,
      caption: caption.trim(),
      altText: alt.trim(),
      position: typeof imagePosition === "number" ? imagePosition : null,
      remove,
    });
  }

  const status: ArticleStatus = text(body, "intent") === "publish" ? "published" : "draft";
  if (Object.keys(errors).length > 0 || typeof unitId !== "number" || categoryId === "invalid") {
    return { values, errors, imageChanges };
  }
  const lead = values.lead.trim();
  return {
    values,
    errors,
    imageChanges,
    photo,
    input: {
      title: values.title.trim(),
      slug: values.slug.trim() === "" ? null : values.slug.trim(),
      lead: lead === "" ? null : lead,
      bodyHtml: values.bodyHtml,
      categoryId,
      unitId,
      publishedAt,
      status,
    },
  };
}
