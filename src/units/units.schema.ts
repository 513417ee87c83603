import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../core/format/vi-date.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";

/**
 * Zod schemas of the units module: one profile schema validates the admin form, the API body and
 * any other caller (the service parses again, so it never trusts its input); the response schemas
 * document the API in OpenAPI.
 */

export const PROFILE_LIMITS = { address: 300, phone: 40, email: 200, intro: 5000 } as const;

/** Digits and the separators people write in phone numbers: "024.3875.1234", "(024) 3875 1234", "+84 24 …". */
const PHONE_PATTERN = /^\+?[0-9().\s-]+$/;

function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, "").length;
  return PHONE_PATTERN.test(value) && digits >= 8 && digits <= 15;
}

function isEmail(value: string): boolean {
  return z.email().safeParse(value).success;
}

/** A text field that may be left out (unchanged), null or "" (cleared), or a value; trimmed. */
function profileText(max: number, label: string) {
  return z
    .string({ error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(max, { error: `${label} dài tối đa ${max} ký tự.` })
    .nullable()
    .optional();
}

export const UnitProfileInputSchema = z
  .strictObject(
    {
      address: profileText(PROFILE_LIMITS.address, "Địa chỉ").openapi({
        example: "Số 1, đường Thượng Thanh, Long Biên, Hà Nội",
      }),
      phone: profileText(PROFILE_LIMITS.phone, "Số điện thoại")
        .refine((v) => v === undefined || v === null || v === "" || isPhone(v), {
          error:
            "Số điện thoại chỉ gồm 8–15 chữ số và các dấu cách, chấm, gạch ngang, ngoặc, dấu + (ví dụ 024 3875 1234).",
        })
        .openapi({ example: "024 3875 1234" }),
      email: profileText(PROFILE_LIMITS.email, "Thư điện tử")
        .refine((v) => v === undefined || v === null || v === "" || isEmail(v), {
          error: "Địa chỉ thư điện tử không hợp lệ (ví dụ: ubnd.thuongthanh@hanoi.gov.vn).",
        })
        .openapi({ example: "ubnd.thuongthanh@hanoi.gov.vn" }),
      intro: profileText(PROFILE_LIMITS.intro, "Giới thiệu").openapi({
        description: "Plain text; a blank line starts a new paragraph.",
      }),
    },
    { error: "Trường này không được phép." },
  )
  .openapi("UnitProfileInput", {
    description: "Fields left out stay unchanged; null or an empty string clears a field.",
  });

export type UnitProfileInput = z.infer<typeof UnitProfileInputSchema>;

/** A `YYYY-MM-DD` calendar date, as every `at` / `?ngay=` parameter. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { error: "Ngày phải có dạng YYYY-MM-DD và là ngày có thật." })
  .openapi({ example: "2020-01-02", description: "YYYY-MM-DD" });

export const UnitListQuerySchema = z.object({
  q: z.string().max(100, { error: "Từ khóa dài tối đa 100 ký tự." }).optional().openapi({
    description: 'Part of the name; accents and đ are optional ("thuong thanh" finds Thượng Thanh).',
    example: "thuong thanh",
  }),
  at: IsoDateSchema.optional().openapi({
    description: "Date the units must be valid at; default today in Vietnam.",
  }),
});

export const UnitIdParamSchema = z.object({
  id: dbIdParamSchema("Mã đơn vị phải là số nguyên từ 1 đến 2.147.483.647.").openapi({
    param: { name: "id", in: "path" },
    example: 5,
  }),
});

export const UnitAtQuerySchema = z.object({
  at: IsoDateSchema.optional().openapi({
    description:
      "Date to read parent, organisations and leaders at; default today, or the last valid day of a dissolved unit.",
  }),
});

export const UnitSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string().openapi({ example: "Thượng Thanh" }),
    level: z.string().openapi({
      example: "ward",
      description: "city | district | ward | commune | town | residential_group",
    }),
    code: z
      .string()
      .nullable()
      .openapi({ example: "00115", description: "Statistics code; reused over time, never a key." }),
    validFrom: z.string().openapi({ example: "2003-11-06" }),
    validTo: z.string().nullable().openapi({ example: "2025-06-30" }),
    parentId: z.number().int().nullable().openapi({ description: "Parent at the requested date." }),
  })
  .openapi("UnitSummary");

const SuccessionSchema = z
  .object({
    unitId: z.number().int(),
    name: z.string(),
    level: z.string(),
    code: z.string().nullable(),
    effectiveDate: z.string().openapi({ example: "2025-07-01" }),
    kind: z.string().openapi({ example: "part", description: "whole | part" }),
    populationShare: z
      .number()
      .nullable()
      .openapi({ description: "Fraction 0–1 of the source unit's population." }),
    areaShare: z.number().nullable().openapi({ description: "Fraction 0–1 of the source unit's area." }),
    legalBasis: z.string().nullable().openapi({ example: "Nghị quyết 1656/NQ-UBTVQH15" }),
    note: z.string().nullable(),
  })
  .openapi("UnitSuccession");

export const UnitDetailSchema = UnitSummarySchema.extend({
  at: z.string().openapi({ description: "The date parent, organisations and leaders are read at." }),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  intro: z.string().nullable(),
  organisations: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string() })),
  leaders: z.array(z.object({ name: z.string(), title: z.string(), organisation: z.string() })),
  successions: z.object({
    predecessors: z.array(SuccessionSchema).openapi({ description: "Units this one was formed from." }),
    successors: z.array(SuccessionSchema).openapi({ description: "Units this one was merged into." }),
  }),
}).openapi("UnitDetail");

export const UnitProfileSchema = z
  .object({
    id: z.number().int(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    intro: z.string().nullable(),
  })
  .openapi("UnitProfile");

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { "body.email": "Địa chỉ thư điện tử không hợp lệ." } }),
    }),
  })
  .openapi({ description: "Every API error: a stable code, a Vietnamese message, and field paths for 422." });
