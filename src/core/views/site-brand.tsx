/**
 * The site's identity in the public frame: the brand (emblem, "Cổng thông tin điện tử" and the ward's
 * name) at the top, the ward's contact and the editor in charge at the bottom. Both read the identity
 * the page meta carries, when the composition root gave the app one.
 */
import type { PageMeta } from "./layout.js";
import { bareSiteIdentity, portalTitle, type SiteIdentity } from "./site-identity.js";

function identityOf(meta: PageMeta): Promise<SiteIdentity> {
  return meta.site ? meta.site() : Promise.resolve(bareSiteIdentity(meta.siteName));
}

/** The text of `<title>`: the page, then the portal with the ward's name, as the header prints it. */
export async function SiteTitle({ meta }: { meta: PageMeta }) {
  const site = await identityOf(meta);
  return <title>{`${meta.title} | ${portalTitle(site)}`}</title>;
}

export async function SiteBrand({ meta }: { meta: PageMeta }) {
  const site = await identityOf(meta);
  return (
    <a href="/" class="brand">
      {site.emblemUrl ? (
        <img src={site.emblemUrl} alt="" class="brand-emblem" width="52" height="52" />
      ) : (
        <span class="brand-mark" aria-hidden="true">
          ★
        </span>
      )}
      {site.wardName ? (
        <span class="brand-name">
          <span class="brand-kicker">{site.siteName}</span> <span class="brand-ward">{site.wardName}</span>
        </span>
      ) : (
        <span class="brand-name">{site.siteName}</span>
      )}
    </a>
  );
}

export async function SiteFooterDetails({ meta }: { meta: PageMeta }) {
  const site = await identityOf(meta);
  const contact = [
    site.address ? `Địa chỉ: ${site.address}` : null,
    site.phone ? `Điện thoại: ${site.phone}` : null,
    site.openingHours ? `Giờ làm việc: ${site.openingHours}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <div class="footer-identity">
      <p class="footer-title">
        <strong>{site.wardName ? `${site.siteName} ${site.wardName}` : site.siteName}</strong>
      </p>
      {contact.map((line) => (
        <p>{line}</p>
      ))}
      {site.email ? (
        <p>
          Thư điện tử: <a href={`mailto:${site.email}`}>{site.email}</a>
        </p>
      ) : null}
      {site.editorInCharge ? <p>{`Chịu trách nhiệm nội dung: ${site.editorInCharge}`}</p> : null}
    </div>
  );
}
