/**
 * The site's identity as the public frame prints it: the ward's name and emblem in the header, its
 * contact and the editor in charge in the footer. The portal stores and edits it; the floor only
 * names the shape, and the app context carries a reader of it (`AppContext.siteIdentity`).
 */
export interface SiteIdentity {
  /** "Cổng thông tin điện tử" (SITE_NAME). */
  siteName: string;
  /** "phường Việt Hưng", or null when the site has not been given one. */
  wardName: string | null;
  /** The ward's unit: what the public calendar and the ranking open on. */
  unitId: number | null;
  /** The emblem's address (with a version, so browsers may keep it), or null. */
  emblemUrl: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  editorInCharge: string | null;
}

/** The identity of a site nobody has described yet: only SITE_NAME. */
export function bareSiteIdentity(siteName: string): SiteIdentity {
  return {
    siteName,
    wardName: null,
    unitId: null,
    emblemUrl: null,
    address: null,
    phone: null,
    email: null,
    openingHours: null,
    editorInCharge: null,
  };
}

/** "Cổng thông tin điện tử phường Việt Hưng". */
export function portalTitle(site: SiteIdentity): string {
  return site.wardName ? `${site.siteName} ${site.wardName}` : site.siteName;
}
