/** `/api/v1/documents`: the document library, read by anyone (public documents), filed by the issuing unit's office. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf, actorOrAnonymousOf } from "../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import {
  DocumentInputSchema,
  DocumentOutSchema,
  DocumentPatchSchema,
  DocumentQuerySchema,
} from "./documents.schema.js";
import {
  createDocument,
  type DocumentInput,
  editDocument,
  getDocumentFor,
  managedUnits,
  searchDocuments,
} from "./documents.service.js";
import { presentDocument } from "./documents-present.js";

const TAG = ["Văn bản"];
const WHO_WRITE =
  "`document.manage`: unit_admin, leader or editor of the unit whose library holds the document (the issuing unit), or of a unit above it.";

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/documents",
  operationId: "listDocuments",
  ...access(
    "optional",
    "anyone; a caller with `document.manage` also sees the documents of its units that are not public.",
    "Documents of the library, newest first; a number equal to `q` comes first.",
  ),
  tags: TAG,
  summary: "Tra cứu văn bản",
  request: { query: DocumentQuerySchema },
  responses: {
    200: {
      description: "A page of documents (20 a page) and how many match.",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(DocumentOutSchema),
            meta: z.object({ total: z.number().int(), page: z.number().int() }),
          }),
        },
      },
    },
    ...errorResponses(422),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/documents/{id}",
  operationId: "getDocument",
  ...access("optional", "anyone for a public document; `document.manage` on its unit for the others."),
  tags: TAG,
  summary: "Một văn bản",
  request: { params: IdParamSchema },
  responses: {
    200: dataResponse("The document with its files.", DocumentOutSchema),
    404: errorResponse("No such document, or not visible to the caller."),
    ...errorResponses(422),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/documents",
  operationId: "createDocument",
  ...access(
    "write",
    WHO_WRITE,
    "Files a document (its files are attached on the admin page). Audited. A second document of the same number, body and year is refused (409).",
  ),
  tags: TAG,
  summary: "Thêm văn bản vào thư viện",
  request: { body: { required: true, content: { "application/json": { schema: DocumentInputSchema } } } },
  responses: {
    201: dataResponse("The document as filed.", DocumentOutSchema),
    ...errorResponses(401, 403, 409),
    422: errorResponse("Invalid fields (`body.number`, `issuer.unitId`…); nothing was written."),
  },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/v1/documents/{id}",
  operationId: "updateDocument",
  ...access(
    "write",
    WHO_WRITE,
    "Corrects a document: the fields sent change, the others stay. Audited with before and after.",
  ),
  tags: TAG,
  summary: "Sửa văn bản",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: DocumentPatchSchema } } },
  },
  responses: {
    200: dataResponse("The document as corrected.", DocumentOutSchema),
    ...recordErrors("document"),
    409: errorResponse("Another document of the library has this number, body and year."),
    422: errorResponse("Invalid fields; nothing was written."),
  },
});

export function registerDocumentApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOrAnonymousOf(c);
    const query = c.req.valid("query");
    const units = ctx.actor ? managedUnits(ctx) : [];
    const { rows, total } = await searchDocuments(
      c.var.ctx.database.db,
      query,
      units === "all" || units.length > 0 ? { units, orPublic: true } : "public",
    );
    return c.json({ data: rows.map(presentDocument), meta: { total, page: query.page } }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const ctx = await actorOrAnonymousOf(c);
    const d = await getDocumentFor(c.var.ctx.database.db, c.req.valid("param").id, ctx);
    return c.json({ data: presentDocument(d) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = await createDocument(db, c.req.valid("json") satisfies DocumentInput, ctx);
    return c.json({ data: presentDocument(await getDocumentFor(db, id, ctx)) }, 201);
  });

  app.openapi(patchRoute, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = c.req.valid("param").id;
    const before = await getDocumentFor(db, id, ctx);
    const patch = c.req.valid("json");
    const input: DocumentInput = {
      unitId: patch.unitId ?? before.unitId,
      issuer: patch.issuer === undefined ? before.issuer : patch.issuer,
      // A new issuer without a name takes the issuer's name; an unchanged one keeps the stored name.
      issuingBody: patch.issuingBody ?? (patch.issuer === undefined ? before.issuingBody : ""),
      type: patch.type ?? before.type,
      number: patch.number ?? before.number,
      title: patch.title ?? before.title,
      signerName: patch.signerName === undefined ? before.signerName : patch.signerName,
      signerTitle: patch.signerTitle === undefined ? before.signerTitle : patch.signerTitle,
      issuedOn: patch.issuedOn ?? before.issuedOn,
      effectiveOn: patch.effectiveOn === undefined ? before.effectiveOn : patch.effectiveOn,
      isPublic: patch.isPublic ?? before.isPublic,
    };
    await editDocument(db, id, input, ctx);
    return c.json({ data: presentDocument(await getDocumentFor(db, id, ctx)) }, 200);
  });
}
