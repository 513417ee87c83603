/**
 * Use cases of the site's identity: read it for the public frame (cached for the page cache's few
 * seconds and dropped on every change), and change it (system administrators only, audited in the
 * same transaction). The emblem is never stored as sent: PNG and SVG uploads are decoded and
 * re-encoded as a PNG of at most 256 px, so no script, link or metadata of the upload survives.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { Config } from "../../core/config.js";
import type { Database } from "../../core/db/database.js";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import { ValidationError } from "../../core/http/errors.js";
import { loadSharp } from "../../core/lazy-libraries.js";
import { bareSiteIdentity, type SiteIdentity } from "../../core/views/site-identity.js";
import { findSiteSettings, type SiteSettings, saveSiteSettings } from "./site-settings.repo.js";

export const EMBLEM_PATH = "/bieu-trung.png";
export const MAX_EMBLEM_BYTES = 1024 * 1024;
const EMBLEM_PX = 256;

/** The identity the public frame prints, from the stored settings (SITE_NAME alone without them). */
export async function loadSiteIdentity(db: Kysely<DB>, siteName: string): Promise<SiteIdentity> {
  const stored = await findSiteSettings(db);
  if (!stored) return bareSiteIdentity(siteName);
  return {
    siteName,
    wardName: stored.wardName,
    unitId: stored.unitId,
    // The version lets browsers keep the image until the next change.
    emblemUrl: stored.hasEmblem ? `${EMBLEM_PATH}?v=${stored.updatedAt.replace(/\D/g, "")}` : null,
    address: stored.address,
    phone: stored.phone,
    email: stored.email,
    openingHours: stored.openingHours,
    editorInCharge: stored.editorInCharge,
  };
}

declare module "../../core/app-context.js" {
  interface AppContext {
    /** The cached identity behind `siteIdentity`, dropped when the settings change. */
    siteIdentityCache?: SiteIdentityCache;
  }
}

export interface SiteIdentityCache {
  get(): Promise<SiteIdentity>;
  /** Forgets the cached identity: the next page reads the stored one. */
  drop(): void;
}

/**
 * The identity, read at most once per `ttlMs` (PAGE_CACHE_TTL_MS; 0 reads it on every page), so
 * another process's change shows within the same few seconds as its pages.
 */
export function createSiteIdentityCache(
  database: Database,
  config: Config,
  now: () => Date,
): SiteIdentityCache {
  let cached: { at: number; value: Promise<SiteIdentity> } | null = null;
  return {
    get() {
      const at = now().getTime();
      if (!cached || config.pageCacheTtlMs <= 0 || at - cached.at >= config.pageCacheTtlMs) {
        const value = loadSiteIdentity(database.db, config.siteName);
        cached = { at, value };
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      return cached.value;
    },
    drop() {
      cached = null;
    },
  };
}

/** Decodes an uploaded PNG or SVG and re-encodes it as a PNG of at most 256 × 256 px. */
export async function reencodeEmblem(file: File): Promise<Buffer> {
  const fail = (message: string) => new ValidationError({ emblem: message });
  if (file.size > MAX_EMBLEM_BYTES) throw fail("Biểu trưng tối đa 1 MB.");
  const bytes = Buffer.from(await file.arrayBuffer());
  const head = bytes.subarray(0, 512).toString("utf8").trimStart();
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isSvg = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head);
  if (!isPng && !isSvg) throw fail("Biểu trưng là tệp PNG hoặc SVG.");
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { limitInputPixels: 25_000_000, failOn: "error" })
      .resize(EMBLEM_PX, EMBLEM_PX, { fit: "inside", withoutEnlargement: !isSvg })
      .png()
      .toBuffer();
  } catch {
    throw fail("Không đọc được hình biểu trưng; hãy chọn tệp PNG hoặc SVG khác.");
  }
}

/**
 * Changes the site's identity. `emblem`: a re-encoded PNG, null to remove the emblem, undefined to
 * keep it. Audited with before and after (the emblem as "changed" / "removed", never its bytes).
 */
export async function updateSiteSettings(
  db: Kysely<DB>,
  settings: SiteSettings,
  emblem: Buffer | null | undefined,
  ctx: ActorContext,
): Promise<void> {
  authorize(
    ctx.actor,
    "site.manage",
    { unitPath: settings.unitId === null ? [] : [settings.unitId] },
    ctx.today,
  );
  await withTransaction(db, async (trx) => {
    const before = await findSiteSettings(trx);
    await saveSiteSettings(trx, settings, emblem, ctx.now);
    const emblemChange = emblem === undefined ? {} : { emblem: emblem === null ? "removed" : "changed" };
    await recordAudit(trx, {
      actor: ctx.actor,
      action: before ? "update" : "create",
      entityType: "site_settings",
      entityId: 1,
      unitId: settings.unitId,
      before: before ? { ...before, hasEmblem: undefined, updatedAt: undefined } : undefined,
      after: { ...settings, ...emblemChange },
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}
