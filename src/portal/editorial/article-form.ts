import { formatTimeVi, isIsoDate, vnDateString, vnWallTimeToInstant } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { formText } from "../../core/http/params.js";
import type { ArticleState } from "../articles/article-state.model.js";
import { bodySchema, fieldError, leadSchema, MESSAGES, titleSchema } from "../articles/articles.schema.js";
import type { ArticleInput, SaveIntent } from "../articles/articles.service.js";
import { formatTags, parseTags } from "../articles/tags.rules.js";
import { type ParsedPhotoFields, parsePhotoFields, photoFieldValues } from "./article-form-photos.js";

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
  tags: string;
  sessionIds: string[];
  linkedUnitIds: string[];
  publishedDate: string;
  publishedTime: string;
  caption: string;
  alt: string;
  photoPosition: string;
  /** A library photo chosen instead of an upload. */
  mediaId: string;
  /** An upload kept when the form came back with errors (stored before, so never chosen again). */
  pendingMediaId: string;
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
  tags: "Từ khóa",
  sessionIds: "Buổi làm việc liên quan",
  linkedUnitIds: "Đơn vị liên quan",
  publishedDate: "Ngày đăng",
  publishedTime: "Giờ đăng",
  photo: "Ảnh",
  mediaId: "Ảnh trong thư viện",
  caption: "Chú thích ảnh",
  alt: "Văn bản thay thế của ảnh",
  photoPosition: "Vị trí ảnh",
  intent: "Trạng thái",
};

/**
 * Empty form for a new article: no publish time (publishing then means now), the only unit
 * preselected.
 */
export function newArticleValues(unitIds: number[]): ArticleFormValues {
  return {
    title: "",
    slug: "",
    lead: "",
    bodyHtml: "",
    categoryId: "",
    unitId: unitIds.length === 1 ? String(unitIds[0]) : "",
    tags: "",
    sessionIds: [],
    linkedUnitIds: [],
    publishedDate: "",
    publishedTime: "",
    caption: "",
    alt: "",
    photoPosition: "",
    mediaId: "",
    pendingMediaId: "",
    images: {},
  };
}

/** The form filled with a stored article, its photos, tags and links. */
export function articleValues(state: ArticleState): ArticleFormValues {
  const { article } = state;
  const at = article.publishedAt;
  return {
    title: article.title,
    slug: article.slug,
    lead: article.lead ?? "",
    bodyHtml: article.bodyHtml,
    categoryId: article.categoryId === null ? "" : String(article.categoryId),
    unitId: String(article.unitId),
    tags: formatTags(state.tags.map((t) => t.name)),
    sessionIds: state.links.sessionIds.map(String),
    linkedUnitIds: state.links.unitIds.map(String),
    publishedDate: at ? vnDateString(at) : "",
    publishedTime: at ? formatTimeVi(at) : "",
    caption: "",
    alt: "",
    photoPosition: "",
    mediaId: "",
    pendingMediaId: "",
    images: photoFieldValues(state.images),
  };
}

export type FormBody = Record<string, string | File | (string | File)[]>;

/** Every value of a repeated field (checkboxes). */
function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === "string" && v !== "");
}

export function optionalId(raw: string): number | null | "invalid" {
  if (raw.trim() === "") return null;
  return /^[1-9]\d{0,9}$/.test(raw.trim()) ? Number(raw.trim()) : "invalid";
}

function ids(raw: string[]): number[] | null {
  const out = raw.map(optionalId);
  return out.every((id): id is number => typeof id === "number") ? out : null;
}

export interface ParsedArticleForm extends Omit<ParsedPhotoFields, "errors"> {
  values: ArticleFormValues;
  errors: FieldErrors;
  /** Set when `errors` is empty. */
  input?: ArticleInput;
}

const INTENTS: Record<string, SaveIntent> = {
  save: "save",
  draft: "save",
  submit: "submit",
  publish: "publish",
};

/** The publish moment typed as a date and a time in Vietnam; null when both are empty. */
function parsePublishedAt(values: ArticleFormValues, errors: FieldErrors): Date | null {
  const { publishedDate, publishedTime } = values;
  if (publishedDate === "" && publishedTime === "") return null;
  const timeOk = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(publishedTime);
  if (!isIsoDate(publishedDate)) errors.publishedDate ??= MESSAGES.dateInvalid;
  if (!timeOk) errors.publishedTime ??= MESSAGES.timeInvalid;
  return isIsoDate(publishedDate) && timeOk
    ? vnWallTimeToInstant(publishedDate, publishedTime.slice(0, 5))
    : null;
}

/**
 * Reads and checks a submitted form. `intent` comes from the button pressed: "save" (or "draft"),
 * "submit" or "publish". `imageIds` are the article's existing photos, whose fields are read too.
 */
export async function parseArticleForm(body: FormBody, imageIds: number[]): Promise<ParsedArticleForm> {
  const values: ArticleFormValues = {
    title: formText(body, "title"),
    slug: formText(body, "slug"),
    lead: formText(body, "lead"),
    bodyHtml: formText(body, "bodyHtml"),
    categoryId: formText(body, "categoryId"),
    unitId: formText(body, "unitId"),
    tags: formText(body, "tags"),
    sessionIds: texts(body, "sessionIds"),
    linkedUnitIds: texts(body, "linkedUnitIds"),
    publishedDate: formText(body, "publishedDate").trim(),
    publishedTime: formText(body, "publishedTime").trim(),
    caption: formText(body, "caption"),
    alt: formText(body, "alt"),
    photoPosition: formText(body, "photoPosition"),
    mediaId: formText(body, "mediaId"),
    pendingMediaId: formText(body, "pendingMediaId"),
    images: {},
  };
  const photos = await parsePhotoFields(body, values, imageIds);
  const errors: FieldErrors = { ...photos.errors };
  const check = (field: string, message: string | undefined) => {
    if (message) errors[field] ??= message;
  };
  check("title", fieldError(titleSchema, values.title));
  check("lead", fieldError(leadSchema, values.lead));
  check("bodyHtml", fieldError(bodySchema, values.bodyHtml));
  const unitId = optionalId(values.unitId);
  if (typeof unitId !== "number") check("unitId", MESSAGES.unitRequired);
  const categoryId = optionalId(values.categoryId);
  if (categoryId === "invalid") check("categoryId", MESSAGES.categoryUnknown);
  const tags = parseTags(values.tags);
  check("tags", tags.error);
  const sessionIds = ids(values.sessionIds);
  if (!sessionIds) check("sessionIds", MESSAGES.sessionUnknown);
  const linkedUnitIds = ids(values.linkedUnitIds);
  if (!linkedUnitIds) check("linkedUnitIds", MESSAGES.unitUnknown);
  const publishedAt = parsePublishedAt(values, errors);

  const { photo, pick, imageChanges } = photos;
  if (Object.keys(errors).length > 0 || typeof unitId !== "number" || categoryId === "invalid")
    return { values, errors, imageChanges, photo, pick };
  const lead = values.lead.trim();
  return {
    values,
    errors,
    imageChanges,
    photo,
    pick,
    input: {
      title: values.title.trim(),
      slug: values.slug.trim() === "" ? null : values.slug.trim(),
      lead: lead === "" ? null : lead,
      bodyHtml: values.bodyHtml,
      categoryId,
      unitId,
      publishedAt,
      tags: tags.tags,
      sessionIds: sessionIds ?? [],
      linkedUnitIds: linkedUnitIds ?? [],
      intent: INTENTS[formText(body, "intent")] ?? "save",
    },
  };
}
