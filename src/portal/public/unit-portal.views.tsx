import type { Child } from "hono/jsx";
import { formatDateVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { organisationKindLabel, unitDisplayName } from "../../units/unit-labels.js";
import type { UnitDetail } from "../../units/units.service.js";
import { openDataHref } from "../open-data/open-data.views.js";
import { ArticleLinks } from "./public-components.views.js";
import type { UnitPortal, UnitPortalInput } from "./unit-portal.service.js";

/** The unit's "Giới thiệu" page (what the portal decree asks a ward to publish) and its edit form. */

export function unitPortalHref(unitId: number): string {
  return `/don-vi/${unitId}/gioi-thieu`;
}

export function unitPortalEditHref(unitId: number): string {
  return `/quan-tri/don-vi/${unitId}/cong-thong-tin`;
}

/** Paragraphs separated by blank lines; single line breaks kept inside a paragraph. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((p) => (
        <p>
          {p.split("\n").map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * The portal sections: history; boundary, area and population; leaders with short biographies and
 * duties; the unit's news; its open data. Usable inside the unit page as well as on its own page.
 */
export function UnitPortalSections({ portal }: { portal: UnitPortal }) {
  const { profile } = portal;
  const hasFacts = profile.boundary || profile.areaKm2 !== null || profile.population !== null;
  return (
    <>
      <section aria-labelledby="gt-lanh-dao">
        <h2 id="gt-lanh-dao">Lãnh đạo: tiểu sử tóm tắt và nhiệm vụ được phân công</h2>
        {portal.leaders.length === 0 ? (
          <p>Chưa có dữ liệu lãnh đạo.</p>
        ) : (
          <ul class="plain-list leader-profiles">
            {portal.leaders.map((l) => (
              <li>
                <h3>{l.name}</h3>
                <p>{l.titles.join("; ")}</p>
                <dl class="facts">
                  <dt>Tiểu sử tóm tắt</dt>
                  <dd>{l.biography ?? "Chưa cập nhật."}</dd>
                  <dt>Nhiệm vụ được phân công</dt>
                  <dd>{l.duties ? <Paragraphs text={l.duties} /> : "Chưa cập nhật."}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="gt-lich-su">
        <h2 id="gt-lich-su">Lịch sử hình thành và phát triển</h2>
        {profile.history ? <Paragraphs text={profile.history} /> : <p>Đơn vị chưa cập nhật nội dung này.</p>}
      </section>
      <section aria-labelledby="gt-dia-gioi">
        <h2 id="gt-dia-gioi">Địa giới hành chính, diện tích, dân số</h2>
        {hasFacts ? (
          <dl class="facts">
            {profile.boundary ? (
              <>
                <dt>Địa giới</dt>
                <dd>{profile.boundary}</dd>
              </>
            ) : null}
            {profile.areaKm2 !== null ? (
              <>
                <dt>Diện tích tự nhiên</dt>
                <dd>{formatViNumber(profile.areaKm2)} km²</dd>
              </>
            ) : null}
            {profile.population !== null ? (
              <>
                <dt>Dân số{profile.populationYear ? ` (năm ${profile.populationYear})` : ""}</dt>
                <dd>{formatViNumber(profile.population)} người</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>Đơn vị chưa cập nhật nội dung này.</p>
        )}
      </section>
      <section aria-labelledby="gt-tin-tuc">
        <h2 id="gt-tin-tuc">Tin bài của đơn vị</h2>
        {portal.news.length === 0 ? <p>Chưa có tin bài.</p> : <ArticleLinks items={portal.news} />}
      </section>
      <section aria-labelledby="gt-du-lieu">
        <h2 id="gt-du-lieu">Dữ liệu mở</h2>
        <p>
          {portal.openDataPeriod ? (
            <a href={openDataHref(portal.unitId, portal.openDataPeriod)}>
              Số liệu thực hiện chỉ tiêu đã phê duyệt (mới nhất: {portal.openDataPeriod})
            </a>
          ) : (
            <a href={openDataHref(portal.unitId)}>Số liệu thực hiện chỉ tiêu</a>
          )}
        </p>
      </section>
    </>
  );
}

/** `/don-vi/:id/gioi-thieu`: structure, leaders, history, boundary, contacts, news, open data. */
export function UnitPortalPage({
  meta,
  detail,
  portal,
  parts = [],
}: {
  meta: PageMeta;
  detail: UnitDetail;
  portal: UnitPortal;
  /** What the rooms above the portal add (portal-sections.extension.ts). */
  parts?: Child[];
}) {
  const { unit } = detail;
  const title = unitDisplayName(unit);
  return (
    <PublicLayout meta={meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href="/don-vi">Đơn vị hành chính</a> › <a href={`/don-vi/${unit.id}`}>{title}</a> ›{" "}
          <span aria-current="page">Giới thiệu</span>
        </p>
      </nav>
      <h1>Giới thiệu {title}</h1>
      <p class="muted">Thông tin tổ chức và lãnh đạo tại ngày {formatDateVi(detail.at)}.</p>
      <section aria-labelledby="gt-lien-he">
        <h2 id="gt-lien-he">Liên hệ</h2>
        <dl class="facts">
          <dt>Địa chỉ</dt>
          <dd>{unit.address ?? "Chưa cập nhật."}</dd>
          <dt>Điện thoại</dt>
          <dd>
            {unit.phone ? (
              <a href={`tel:${unit.phone.replace(/[^0-9+]/g, "")}`}>{unit.phone}</a>
            ) : (
              "Chưa cập nhật."
            )}
          </dd>
          <dt>Thư điện tử</dt>
          <dd>{unit.email ? <a href={`mailto:${unit.email}`}>{unit.email}</a> : "Chưa cập nhật."}</dd>
        </dl>
        {unit.intro ? <Paragraphs text={unit.intro} /> : null}
      </section>
      <section aria-labelledby="gt-co-cau">
        <h2 id="gt-co-cau">Cơ cấu tổ chức</h2>
        {detail.organisations.length === 0 ? (
          <p>Chưa có dữ liệu cơ quan, tổ chức.</p>
        ) : (
          <ul>
            {detail.organisations.map((o) => (
              <li>
                {o.name} <span class="muted">– {organisationKindLabel(o.kind)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <UnitPortalSections portal={portal} />
      {parts}
    </PublicLayout>
  );
}

export const PORTAL_FIELD_LABELS = {
  history: "Lịch sử hình thành và phát triển",
  boundary: "Địa giới hành chính",
  area: "Diện tích tự nhiên (km²)",
  population: "Dân số (người)",
  populationYear: "Năm của số liệu dân số",
} as const;

export function UnitPortalEditPage({
  meta,
  detail,
  portal,
  values,
  errors,
  notice,
}: {
  meta: PageMeta;
  detail: UnitDetail;
  portal: UnitPortal;
  values: UnitPortalInput;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const labels = PORTAL_FIELD_LABELS;
  const summaryLabels: Record<string, string> = {
    ...labels,
    ...Object.fromEntries(portal.leaders.map((l) => [`duties-${l.personId}`, `Nhiệm vụ của ${l.name}`])),
  };
  return (
    <AdminLayout meta={meta} active="/quan-tri/don-vi">
      <h1>Trang giới thiệu: {unitDisplayName(detail.unit)}</h1>
      <Notice message={notice} />
      <ErrorSummary errors={errors} labels={summaryLabels} />
      <p>
        <a href={unitPortalHref(detail.unit.id)}>Xem trang giới thiệu công khai</a>
      </p>
      <form method="post" action={unitPortalEditHref(detail.unit.id)} class="article-form">
        <CsrfInput token={meta.auth.csrfToken} />
        <Field
          name="history"
          label={labels.history}
          value={values.history}
          error={errors?.history}
          multiline
          rows={10}
          hint="Cách đoạn bằng một dòng trống."
        />
        <Field
          name="boundary"
          label={labels.boundary}
          value={values.boundary}
          error={errors?.boundary}
          multiline
          rows={3}
        />
        <Field name="area" label={labels.area} value={values.area} error={errors?.area} hint="Ví dụ: 3,98" />
        <Field
          name="population"
          label={labels.population}
          value={values.population}
          error={errors?.population}
          hint="Ví dụ: 32.150"
        />
        <Field
          name="populationYear"
          label={labels.populationYear}
          value={values.populationYear}
          error={errors?.populationYear}
        />
        <fieldset>
          <legend>Nhiệm vụ được phân công của lãnh đạo (tại ngày {formatDateVi(detail.at)})</legend>
          {portal.leaders.length === 0 ? <p>Đơn vị chưa có lãnh đạo trong dữ liệu.</p> : null}
          {portal.leaders.map((l) => (
            <Field
              name={`duties-${l.personId}`}
              label={`Nhiệm vụ của ${l.name} (${l.titles.join("; ")})`}
              value={values.duties[String(l.personId)] ?? ""}
              error={errors?.[`duties-${l.personId}`]}
              multiline
              rows={3}
            />
          ))}
        </fieldset>
        <button type="submit">Lưu</button>
      </form>
    </AdminLayout>
  );
}
