import { z } from "@hono/zod-openapi";
import { dbIdSchema } from "../../core/validation/input.schema.js";
import { ARTICLE_STATUSES } from "./article-workflow.rules.js";

/**
 * Field rules for articles, written once: the editor's form checks each field with these, the API
 * composes them into its request bodies, and the OpenAPI document is generated from the same objects.
 */

export const MAX_TITLE = 300;
export const MAX_LEAD = 1000;
export const MAX_BODY = 500_000;
export const MAX_CAPTION = 500;
export const MAX_ALT = 300;
export const MAX_COMMENT = 2000;

export const MESSAGES = {
  titleRequired: "Vui lòng nhập tiêu đề.",
  titleTooLong: `Tiêu đề không được dài quá ${MAX_TITLE} ký tự.`,
  slugEmpty: "Đường dẫn phải có ít nhất một chữ cái hoặc chữ số.",
  slugTaken: "Đường dẫn này đã được dùng cho một bài viết khác. Vui lòng chọn đường dẫn khác.",
  leadTooLong: `Tóm tắt không được dài quá ${MAX_LEAD} ký tự.`,
  bodyRequired: "Vui lòng nhập nội dung bài viết.",
  bodyTooLong: "Nội dung bài viết quá dài.",
  bodyEmptyAfterSanitize: "Nội dung không còn gì sau khi loại bỏ phần mã không được phép.",
  unitRequired: "Vui lòng chọn đơn vị sở hữu bài viết.",
  unitUnknown: "Đơn vị không tồn tại.",
  categoryUnknown: "Chuyên mục không tồn tại.",
  dateInvalid: "Ngày đăng không hợp lệ.",
  timeInvalid: "Giờ đăng không hợp lệ (giờ:phút, ví dụ 21:49).",
  publishedAtInvalid: "Thời điểm đăng không hợp lệ (ISO 8601, ví dụ 2020-01-02T21:49:00+07:00).",
  statusInvalid:
    "Trạng thái chỉ có thể là draft (nháp), submitted (gửi duyệt), published (đăng hoặc hẹn giờ) hoặc unpublished (gỡ bài).",
  sessionUnknown: "Buổi làm việc không tồn tại.",
  mediaUnknown: "Ảnh không có trong thư viện của bạn.",
  photoOrPick: "Vui lòng chọn một trong hai: tải ảnh mới hoặc dùng ảnh trong thư viện.",
  returnCommentRequired: "Vui lòng ghi rõ nội dung cần sửa để người viết biết.",
  returnCommentTooLong: `Nhận xét không được dài quá ${MAX_COMMENT} ký tự.`,
  draftOnlyFromDraft: "Bài đã qua bước duyệt; dùng thao tác trả lại hoặc gỡ bài để đổi trạng thái.",
  changedMeanwhile: "Bài vừa được người khác thay đổi trạng thái. Vui lòng tải lại trang và thử lại.",
  revisionUnknown: "Không tìm thấy phiên bản này của bài viết.",
  photoMissing: "Vui lòng chọn ảnh để tải lên.",
  captionRequired: "Vui lòng nhập chú thích ảnh.",
  captionTooLong: `Chú thích không được dài quá ${MAX_CAPTION} ký tự.`,
  altRequired: "Vui lòng nhập mô tả ảnh cho người không xem được ảnh (văn bản thay thế).",
  altTooLong: `Văn bản thay thế không được dài quá ${MAX_ALT} ký tự.`,
  positionInvalid: "Vị trí phải là số nguyên từ 0 trở lên.",
} as const;

export const titleSchema = z
  .string({ error: MESSAGES.titleRequired })
  .trim()
  .min(1, MESSAGES.titleRequired)
  .max(MAX_TITLE, MESSAGES.titleTooLong);
export const leadSchema = z
  .string({ error: MESSAGES.leadTooLong })
  .trim()
  .max(MAX_LEAD, MESSAGES.leadTooLong);
export const bodySchema = z
  .string({ error: MESSAGES.bodyRequired })
  .refine((value) => value.trim() !== "", MESSAGES.bodyRequired)
  .refine((value) => value.length <= MAX_BODY, MESSAGES.bodyTooLong);
export const captionSchema = z
  .string({ error: MESSAGES.captionRequired })
  .trim()
  .min(1, MESSAGES.captionRequired)
  .max(MAX_CAPTION, MESSAGES.captionTooLong);
export const altSchema = z
  .string({ error: MESSAGES.altRequired })
  .trim()
  .min(1, MESSAGES.altRequired)
  .max(MAX_ALT, MESSAGES.altTooLong);
const idSchema = dbIdSchema();
/** What a client may ask for: "published" publishes now or schedules for a future `publishedAt`. */
const statusSchema = z.enum(["draft", "submitted", "published", "unpublished"], {
  error: MESSAGES.statusInvalid,
});

export const returnCommentSchema = z
  .string({ error: MESSAGES.returnCommentRequired })
  .trim()
  .min(1, MESSAGES.returnCommentRequired)
  .max(MAX_COMMENT, MESSAGES.returnCommentTooLong);

/** The first message of a field rule, or undefined when the value passes. */
export function fieldError(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

// ---- API ---------------------------------------------------------------------------------------

export const ArticleWriteBody = z
  .object({
    title: titleSchema.openapi({
      example: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
    }),
    slug: z.string().max(200).optional().openapi({
      description: "Generated from the title when absent; Vietnamese is folded to ASCII (đ → d).",
    }),
    lead: leadSchema.nullable().optional(),
    bodyHtml: bodySchema.openapi({ description: "HTML; sanitised with an allowlist before it is stored." }),
    categoryId: idSchema.nullable().optional(),
    unitId: dbIdSchema(MESSAGES.unitRequired).openapi({ description: "Owning unit." }),
    publishedAt: z.iso
      .datetime({ offset: true, error: MESSAGES.publishedAtInvalid })
      .nullable()
      .optional()
      .openapi({ description: "Defaults to now when publishing." }),
    status: statusSchema.default("draft").openapi({
      description:
        "draft, submitted (send for review) or published (editors: now, or scheduled for a future publishedAt).",
    }),
    tags: z
      .array(z.string().max(60, "Mỗi từ khóa dài tối đa 60 ký tự."))
      .max(10, "Mỗi bài viết có tối đa 10 từ khóa.")
      .optional()
      .openapi({ description: "Tag names; missing tags are created.", example: ["hộ nghèo"] }),
    sessionIds: z
      .array(idSchema)
      .max(50)
      .optional()
      .openapi({ description: "Working sessions the article reports on." }),
    linkedUnitIds: z
      .array(idSchema)
      .max(200)
      .optional()
      .openapi({ description: "Units the article is about." }),
  })
  .openapi("ArticleWrite");

export const ArticlePatchBody = z
  .object({
    title: titleSchema.optional(),
    slug: z.string().max(200).optional(),
    lead: leadSchema.nullable().optional(),
    bodyHtml: bodySchema.optional(),
    categoryId: idSchema.nullable().optional(),
    unitId: idSchema.optional(),
    publishedAt: z.iso.datetime({ offset: true, error: MESSAGES.publishedAtInvalid }).nullable().optional(),
    status: statusSchema.optional().openapi({
      description:
        "submitted sends a draft for review; published publishes (or schedules for a future publishedAt); unpublished takes it down.",
    }),
    tags: z
      .array(z.string().max(60, "Mỗi từ khóa dài tối đa 60 ký tự."))
      .max(10, "Mỗi bài viết có tối đa 10 từ khóa.")
      .optional()
      .openapi({ description: "Tag names; missing tags are created.", example: ["hộ nghèo"] }),
    sessionIds: z
      .array(idSchema)
      .max(50)
      .optional()
      .openapi({ description: "Working sessions the article reports on." }),
    linkedUnitIds: z
      .array(idSchema)
      .max(200)
      .optional()
      .openapi({ description: "Units the article is about." }),
  })
  .openapi("ArticlePatch");

export const ReviewBody = z
  .object({
    action: z.enum(["submit", "publish", "return", "unpublish"], {
      error: "action phải là submit, publish, return hoặc unpublish.",
    }),
    comment: z.string().max(MAX_COMMENT, MESSAGES.returnCommentTooLong).optional().openapi({
      description: "Required to return an article: what the writer must fix.",
    }),
    publishedAt: z.iso
      .datetime({ offset: true, error: MESSAGES.publishedAtInvalid })
      .nullable()
      .optional()
      .openapi({
        description: "For publish: a future moment schedules the article; absent: the stored time, else now.",
      }),
  })
  .openapi("ArticleReview");

export const RevisionSchema = z
  .object({
    number: z.number().int(),
    createdAt: z.string(),
    author: z.string(),
    status: z.string().openapi({ description: "The article's status right after this save." }),
    note: z.string().nullable(),
    title: z.string(),
  })
  .openapi("ArticleRevision");

export const ArticleListQuery = z.object({
  limit: z.coerce
    .number({ error: "limit phải là số nguyên từ 1 đến 100." })
    .int("limit phải là số nguyên từ 1 đến 100.")
    .min(1, "limit phải là số nguyên từ 1 đến 100.")
    .max(100, "limit phải là số nguyên từ 1 đến 100.")
    .default(20)
    .openapi({ param: { name: "limit", in: "query" }, example: 20 }),
});

export const ArticleSummarySchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    publishedAt: z.string().openapi({ example: "2020-01-02T14:49:00.000Z" }),
    views: z.number().int(),
  })
  .openapi("ArticleSummary");

export const ArticleDetailSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    lead: z.string().nullable(),
    bodyHtml: z.string(),
    status: z.enum(ARTICLE_STATUSES).openapi({
      description:
        "draft, submitted (waiting for an editor), scheduled (shown from publishedAt), published, unpublished.",
    }),
    publishedAt: z.string().nullable(),
    tags: z.array(z.string()),
    views: z.number().int(),
    category: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }).nullable(),
    unit: z.object({
      id: z.number().int(),
      name: z
        .string()
        .openapi({ description: "Display name with the unit's level.", example: "Phường Thượng Thanh" }),
    }),
    images: z.array(
      z.object({
        url: z.string().openapi({ description: "Absolute address of the photo." }),
        caption: z.string(),
        alt: z.string(),
      }),
    ),
  })
  .openapi("ArticleDetail");
