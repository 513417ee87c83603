/** Admin pages of the document library: `/quan-tri/van-ban`, file a new document, correct one. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { withTransaction } from "../core/db/transaction.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { AppError, NotFoundError } from "../core/http/errors.js";
import { requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { listPartyOptions, partyFromKey } from "../units/parties.repo.js";
import { chosenFiles, storeDocumentFiles } from "./document-files.service.js";
import {
  type DocumentFormValues,
  documentInputOf,
  documentValues,
  emptyDocumentValues,
  readDocumentForm,
} from "./document-form.rules.js";
import type { DocumentRecord } from "./documents.model.js";
import { listDocuments } from "./documents.repo.js";
import {
  createDocument,
  type DocumentInput,
  editDocument,
  getDocumentFor,
  managedUnits,
  mayManageDocuments,
} from "./documents.service.js";
import {
  ADMIN_LIBRARY_HREF,
  AdminLibraryPage,
  DocumentFormPage,
  formErrors,
} from "./documents-admin.views.js";

async function renderForm(
  c: AppCtx,
  values: DocumentFormValues,
  options: { document?: DocumentRecord; errors?: Record<string, string>; status?: 200 | 409 | 422 } = {},
) {
  const ctx = await actorOf(c);
  const parties = await listPartyOptions(c.var.ctx.database.db, { allDates: ctx.today });
  const title = options.document ? `Sửa văn bản ${options.document.number}` : "Thêm văn bản";
  return c.html(
    <DocumentFormPage
      meta={pageMeta(c, title)}
      values={values}
      parties={parties}
      document={options.document}
      errors={options.errors}
    />,
    options.status ?? 200,
  );
}

/** Reads the posted form into the service's input; the form's own refusals come back as errors. */
async function readPosted(c: AppCtx) {
  const body = await c.req.parseBody({ all: true });
  const values = readDocumentForm(body);
  const parties = await listPartyOptions(c.var.ctx.database.db, { allDates: (await actorOf(c)).today });
  const { input, errors } = documentInputOf(values, (key) => partyFromKey(key, parties));
  return { values, input, errors, files: chosenFiles(body.files) };
}

/**
 * Stores the chosen files and runs `save` in one transaction: a refused document keeps no file record.
 * Files are stored only for a library the actor manages.
 */
async function saveWithFiles(
  c: AppCtx,
  input: DocumentInput,
  files: File[],
  save: (trx: Parameters<Parameters<typeof withTransaction>[1]>[0], fileIds: number[]) => Promise<number>,
): Promise<number> {
  const ctx = await actorOf(c);
  const owner = input.unitId ?? input.issuer?.unitId ?? null;
  const store = files.length > 0 && owner !== null && mayManageDocuments(ctx, owner);
  return withTransaction(c.var.ctx.database.db, async (trx) => {
    const ids = store
      ? await storeDocumentFiles(trx, c.var.ctx.config.dataDir, files, {
          unitId: owner,
          userId: ctx.actor.userId,
          now: ctx.now,
        })
      : [];
    return save(trx, ids);
  });
}

function refusal(error: unknown): { errors: Record<string, string>; status: 409 | 422 } | null {
  if (error instanceof AppError && (error.status === 422 || error.status === 409) && error.fields)
    return { errors: formErrors(error.fields), status: error.status };
  return null;
}

export function registerAdminDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(ADMIN_LIBRARY_HREF, async (c) => {
    const ctx = await actorOf(c);
    const { rows } = await listDocuments(
      c.var.ctx.database.db,
      { scope: { units: managedUnits(ctx) } },
      { limit: 200, offset: 0 },
    );
    const ok = c.req.query("ok");
    return c.html(
      <AdminLibraryPage
        meta={pageMeta(c, "Thư viện văn bản")}
        rows={rows}
        message={ok === "luu" ? "Đã lưu văn bản." : null}
      />,
    );
  });

  app.get(`${ADMIN_LIBRARY_HREF}/moi`, (c) => renderForm(c, emptyDocumentValues()));

  app.post(`${ADMIN_LIBRARY_HREF}/moi`, async (c) => {
    const ctx = await actorOf(c);
    const { values, input, errors, files } = await readPosted(c);
    if (!input) return renderForm(c, values, { errors, status: 422 });
    try {
      const id = await saveWithFiles(c, input, files, (trx, fileIds) =>
        createDocument(trx, input, ctx, { fileIds }),
      );
      return c.redirect(`${ADMIN_LIBRARY_HREF}?ok=luu#van-ban-${id}`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused) return renderForm(c, values, refused);
      throw error;
    }
  });

  const editable = async (c: AppCtx) => {
    const ctx = await actorOf(c);
    const d = await getDocumentFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy văn bản này."),
      ctx,
    );
    if (!mayManageDocuments(ctx, d.unitId)) throw new NotFoundError("Không tìm thấy văn bản này.");
    return d;
  };

  app.get(`${ADMIN_LIBRARY_HREF}/:id/sua`, async (c) => {
    const d = await editable(c);
    return renderForm(c, documentValues(d), { document: d });
  });

  app.post(`${ADMIN_LIBRARY_HREF}/:id/sua`, async (c) => {
    const d = await editable(c);
    const ctx = await actorOf(c);
    const { values, input, errors, files } = await readPosted(c);
    if (!input) return renderForm(c, values, { document: d, errors, status: 422 });
    const remove = values.removeFiles.map(Number).filter((id) => d.files.some((f) => f.id === id));
    try {
      await saveWithFiles(c, { ...input, unitId: input.unitId ?? d.unitId }, files, async (trx, fileIds) => {
        await editDocument(trx, d.id, input, ctx, { add: fileIds, remove });
        return d.id;
      });
      return c.redirect(`${ADMIN_LIBRARY_HREF}?ok=luu`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused) return renderForm(c, values, { document: d, ...refused });
      throw error;
    }
  });
}
