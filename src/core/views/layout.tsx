import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { canAnywhere } from "../access/policy.js";
import { formatViNumber } from "../format/vi-number.js";
import type { RequestAuth } from "../http/env.js";
import { ADMIN_NAV, type AdminNavGroup } from "./admin-nav.js";
import { PickerScript } from "./picker.js";
import { SiteBrand, SiteFooterDetails, SiteTitle } from "./site-brand.js";
import type { SiteIdentity } from "./site-identity.js";
import { labelTableCells } from "./table-cards.rules.js";

export interface PageMeta {
  title: string;
  siteName: string;
  auth: RequestAuth;
  today: string;
  description?: string;
  /** Extra tags for <head> (Open Graph, canonical…). */
  head?: Child;
  /** Counts of work waiting beside admin menu entries, by entry href (signed-in admin pages). */
  menuCounts?: () => Promise<ReadonlyMap<string, number>>;
  /** The site's identity (ward name, emblem, contact) for the header and footer. */
  site?: () => Promise<SiteIdentity>;
}

/** Without it browsers lay pages out in quirks mode. */
const DOCTYPE = raw("<!DOCTYPE html>");

function Head({ meta, pickers }: { meta: PageMeta; pickers?: boolean }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <SiteTitle meta={meta} />
      {meta.description ? <meta name="description" content={meta.description} /> : null}
      {/* Signed-in pages only: an anonymous visitor's token is printed only in the forms that need
          it, so reading a page without a form sets no cookie (and costs no random token). */}
      {meta.auth.actor ? <meta name="csrf-token" content={meta.auth.csrfToken} /> : null}
      <link rel="stylesheet" href="/static/site.css" />
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      {pickers ? <PickerScript /> : null}
      {meta.head}
    </head>
  );
}

function AccountLinks({ meta }: { meta: PageMeta }) {
  const actor = meta.auth.actor;
  if (!actor) return <a href="/dang-nhap">Đăng nhập</a>;
  return (
    <>
      <a href="/quan-tri">Quản trị</a>
      <form method="post" action="/dang-xuat" class="inline-form">
        <input type="hidden" name="_csrf" value={meta.auth.csrfToken} />
        <button type="submit" class="link-button">
          Đăng xuất ({actor.displayName})
        </button>
      </form>
    </>
  );
}

function SiteHeader({ meta }: { meta: PageMeta }) {
  return (
    <header class="site-header">
      <div class="container header-row">
        <SiteBrand meta={meta} />
        <nav aria-label="Điều hướng chính" class="main-nav">
          <a href="/">Trang chủ</a>
          <a href="/don-vi">Đơn vị hành chính</a>
          <a href="/xep-hang">Xếp hạng thi đua</a>
          <a href="/van-ban">Văn bản</a>
          <a href="/lich-cong-tac">Lịch công tác</a>
          <a href="/phan-anh">Phản ánh, kiến nghị</a>
          <a href="/du-lieu-mo">Dữ liệu mở</a>
          <AccountLinks meta={meta} />
        </nav>
      </div>
    </header>
  );
}

function SiteFooter({ meta }: { meta: PageMeta }) {
  return (
    <footer class="site-footer">
      <div class="container">
        <SiteFooterDetails meta={meta} />
        <p>
          Vận hành bằng phần mềm mã nguồn mở <strong>giaoban</strong>
        </p>
      </div>
    </footer>
  );
}

/** The public portal's frame: skip link, header, main landmark, footer. */
export function PublicLayout({ meta, children }: { meta: PageMeta; children?: Child }) {
  return (
    <>
      {DOCTYPE}
      <html lang="vi">
        <Head meta={meta} />
        <body>
          <a href="#noi-dung" class="skip-link">
            Bỏ qua, đến nội dung chính
          </a>
          <SiteHeader meta={meta} />
          <main id="noi-dung" class="container" tabindex={-1}>
            {children}
          </main>
          <SiteFooter meta={meta} />
        </body>
      </html>
    </>
  );
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

interface AdminNavProps {
  groups: AdminNavGroup[];
  active: string;
  counts: ReadonlyMap<string, number>;
}

function AdminNavList(p: AdminNavProps & { class: string }) {
  return (
    <nav aria-label="Quản trị" class={p.class}>
      {p.groups.map((group) => (
        <>
          <p class="admin-nav-group">{group.label}</p>
          <ul>
            {group.items.map((item) => {
              const count = p.counts.get(item.href);
              return (
                <li>
                  <a href={item.href} aria-current={item.href === p.active ? "page" : undefined}>
                    {item.label}
                    {count ? <span class="nav-count">{` (${formatViNumber(count)})`}</span> : null}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ))}
    </nav>
  );
}

/**
 * The admin menu twice: in a column beside the page on a wide screen (`admin-nav`), and folded behind
 * a "Trình đơn" button on a phone (`phone-nav`, ≤ 600 px; public/static/site.css shows one or the
 * other), so a phone opens on the page's content. A <details> folds it without JavaScript; its button
 * carries the sum of the work waiting, the entries their own counts.
 */
function AdminMenus(p: AdminNavProps) {
  let waiting = 0;
  for (const n of p.counts.values()) waiting += n;
  return (
    <>
      <AdminNavList {...p} class="admin-nav" />
      <details class="phone-menu">
        <summary>
          Trình đơn
          {waiting > 0 ? <span class="nav-count">{` (${formatViNumber(waiting)} việc chờ)`}</span> : null}
        </summary>
        <AdminNavList {...p} class="phone-nav" />
      </details>
    </>
  );
}

/** The menus with the counts of work waiting, read once the page is drawn. */
async function CountedAdminMenus(p: {
  groups: AdminNavGroup[];
  active: string;
  counts: () => Promise<ReadonlyMap<string, number>>;
}) {
  return <AdminMenus groups={p.groups} active={p.active} counts={await p.counts()} />;
}

/** The page's content, its tables labelled to become cards on a phone (table-cards.rules.ts). */
async function CardTables({ children }: { children?: Child }) {
  const html = await (<>{children}</>).toString();
  return raw(labelTableCells(html));
}

/** The admin area's frame: the public header plus a menu of what this user may use. */
export function AdminLayout({
  meta,
  active,
  children,
}: {
  meta: PageMeta;
  active: string;
  children?: Child;
}) {
  const groups = ADMIN_NAV.map((group) => ({
    label: group.label,
    items: group.items.filter((item) => canAnywhere(meta.auth.actor, item.action, meta.today)),
  })).filter((group) => group.items.length > 0);
  return (
    <>
      {DOCTYPE}
      <html lang="vi">
        <Head meta={meta} pickers />
        <body class="admin">
          <a href="#noi-dung" class="skip-link">
            Bỏ qua, đến nội dung chính
          </a>
          <SiteHeader meta={meta} />
          <div class="container admin-grid">
            {meta.menuCounts ? (
              <CountedAdminMenus groups={groups} active={active} counts={meta.menuCounts} />
            ) : (
              <AdminMenus groups={groups} active={active} counts={NO_COUNTS} />
            )}
            <main id="noi-dung" tabindex={-1}>
              <CardTables>{children}</CardTables>
            </main>
          </div>
          <SiteFooter meta={meta} />
        </body>
      </html>
    </>
  );
}
