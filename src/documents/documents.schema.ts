/** Zod schemas of the document library's API: the list's filters, a document in and out. */
import { z } from "@hono/zod-openapi";
import { DateSchema, idSchema, requiredTextSchema, textSchema } from "../core/http/api.schema.js";
import { PartySchema } from "../units/parties.schema.js";
import { DOCUMENT_TYPES } from "./documents.model.js";

const TypeSchema = z.enum(DOCUMENT_TYPES, { error: "Chọn loại văn bản." }).openapi({
  description:
    "decree Nghị định, resolution Nghị quyết, decision Quyết định, directive Chỉ thị, conclusion Kết luận, notice Thông báo, plan Kế hoạch, official_letter Công văn, report Báo cáo, programme Chương trình, guidance Hướng dẫn, regulation Quy chế, submission Tờ trình, other.",
});

export const DocumentQuerySchema = z.object({
  q: textSchema(200)
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "Number and symbol (exact first, ignoring accents, case and spaces: “136-tb/qu” finds 136-TB/QU) or words of the summary, body or signer.",
      example: "136-TB/QU",
    }),
  type: TypeSchema.optional().openapi({ param: { name: "type", in: "query" } }),
  body: textSchema(300)
    .optional()
    .openapi({ param: { name: "body", in: "query" }, description: "The issuing body's name, exactly." }),
  year: z.coerce
    .number({ error: "Năm không hợp lệ." })
    .int({ error: "Năm không hợp lệ." })
    .min(1945, { error: "Năm không hợp lệ." })
    .max(2100, { error: "Năm không hợp lệ." })
    .optional()
    .openapi({ param: { name: "year", in: "query" }, description: "Year of issue.", example: 2020 }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .openapi({ param: { name: "page", in: "query" } }),
});

const documentFields = {
  type: TypeSchema,
  number: requiredTextSchema(60).openapi({ example: "136-TB/QU" }),
  title: requiredTextSchema(1000).openapi({ description: "Trích yếu." }),
  issuer: PartySchema.nullable()
    .default(null)
    .openapi({ description: "The issuing unit or organisation of the registry; null for an outside body." }),
  issuingBody: textSchema(300)
    .default("")
    .openapi({ description: "The issuing body's name; required without `issuer`, else the issuer's name." }),
  unitId: idSchema.nullable().default(null).openapi({
    description: "The unit whose library holds it (permissions follow it); default the issuer's unit.",
  }),
  signerName: textSchema(200).nullable().default(null),
  signerTitle: textSchema(200).nullable().default(null),
  issuedOn: DateSchema,
  effectiveOn: DateSchema.nullable().default(null),
  isPublic: z.boolean({ error: "Chọn công khai hay không." }).default(false),
};

export const DocumentInputSchema = z.object(documentFields).openapi("DocumentInput");

/** A PATCH: any of the fields; the others keep their value. */
export const DocumentPatchSchema = z
  .object({
    type: documentFields.type.optional(),
    number: documentFields.number.optional(),
    title: documentFields.title.optional(),
    issuer: PartySchema.nullable().optional(),
    issuingBody: textSchema(300).optional(),
    unitId: idSchema.optional(),
    signerName: textSchema(200).nullable().optional(),
    signerTitle: textSchema(200).nullable().optional(),
    issuedOn: DateSchema.optional(),
    effectiveOn: DateSchema.nullable().optional(),
    isPublic: z.boolean({ error: "Chọn công khai hay không." }).optional(),
  })
  .openapi("DocumentPatch");

export const DocumentOutSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(DOCUMENT_TYPES),
    typeLabel: z.string().openapi({ example: "Thông báo" }),
    number: z.string().openapi({ example: "136-TB/QU" }),
    title: z.string(),
    issuingBody: z.string().openapi({ example: "Quận ủy Long Biên" }),
    issuer: z.object({ unitId: z.number().int(), organisationId: z.number().int().nullable() }).nullable(),
    unitId: z.number().int(),
    signerName: z.string().nullable(),
    signerTitle: z.string().nullable(),
    issuedOn: z.string(),
    effectiveOn: z.string().nullable(),
    isPublic: z.boolean(),
    url: z.string().openapi({ description: "The document's public page (visible once public)." }),
    files: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        mimeType: z.string(),
        byteSize: z.number().int(),
        url: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Document");
