/** The public page of one unit (`/don-vi/{id}`), in named parts. */
import type { Child } from "hono/jsx";
import { formatDateVi } from "../core/format/vi-date.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";
import {
  levelLabel,
  organisationKindLabel,
  successionShareText,
  unitDisplayName,
  validityText,
} from "./unit-labels.js";
import { DateForm, unitHref } from "./unit-tree.views.js";
import type { SuccessionRow } from "./units.repo.js";
import type { UnitDetail, UnitLeader } from "./units.service.js";

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

function SuccessionItem({ link, direction }: { link: SuccessionRow; direction: "to" | "from" }) {
  const other = <a href={unitHref(link.unitId, link.effectiveDate)}>{unitDisplayName(link)}</a>;
  const share = successionShareText(link);
  return (
    <li>
      {direction === "to" ? "Sáp nhập vào " : "Hình thành từ "}
      {other} ({direction === "to" ? share : `${share} của đơn vị cũ`}) từ ngày{" "}
      {formatDateVi(link.effectiveDate)}
      {link.legalBasis ? ` theo ${link.legalBasis}` : null}.
      {link.note ? <span class="muted succession-note"> Ghi chú: {link.note}</span> : null}
    </li>
  );
}

/** One line per person, with every title they hold ("Bí thư Quận ủy; Chủ tịch HĐND quận"). */
function groupLeaders(leaders: UnitLeader[]): { name: string; titles: string[]; biography: string | null }[] {
  const byPerson = new Map<number, { name: string; titles: string[]; biography: string | null }>();
  for (const l of leaders) {
    const entry = byPerson.get(l.personId) ?? { name: l.name, titles: [], biography: l.biography };
    entry.titles.push(l.title);
    byPerson.set(l.personId, entry);
  }
  return [...byPerson.values()];
}

function atExplanation(detail: UnitDetail): string {
  const at = formatDateVi(detail.at);
  if (detail.atReason === "dissolved") {
    return `Ngày ${formatDateVi(detail.requested)} đơn vị không còn hoạt động; thông tin dưới đây là tại ngày ${at}, ngày cuối cùng đơn vị còn hoạt động.`;
  }
  if (detail.atReason === "not_yet") {
    return `Ngày ${formatDateVi(detail.requested)} đơn vị chưa được thành lập; thông tin dưới đây là tại ngày ${at}, ngày đơn vị bắt đầu hoạt động.`;
  }
  return `Thông tin tổ chức và lãnh đạo dưới đây là tại ngày ${at}.`;
}

/** Where the unit sits in the tree, as of the date shown. */
function UnitBreadcrumb({ detail }: { detail: UnitDetail }) {
  const { unit, at } = detail;
  const title = unitDisplayName(unit);
  return (
    <>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href={`/don-vi?ngay=${at}`}>Đơn vị hành chính</a>
          {detail.ancestors.map((a) => (
            <>
              {" › "}
              <a href={unitHref(a.id, at)}>{unitDisplayName(a)}</a>
            </>
          ))}
          {" › "}
          <span aria-current="page">{title}</span>
        </p>
      </nav>
    </>
  );
}

/** A dissolved or not-yet-existing unit says so before anything else. */
function UnitStatusNotes({ detail }: { detail: UnitDetail }) {
  const { unit } = detail;
  const { successors } = detail.successions;
  return (
    <>
      {detail.status === "dissolved" && unit.validTo ? (
        <div class="notice notice-warning" role="note">
          <strong>Đơn vị hành chính này không còn tồn tại</strong>: hoạt động đến hết ngày{" "}
          {formatDateVi(unit.validTo)}.
          {successors.length > 0 ? " Xem các đơn vị kế thừa ở mục “Lịch sử sắp xếp” bên dưới." : null}
        </div>
      ) : null}
      {detail.status === "future" ? (
        <div class="notice" role="note">
          Đơn vị này bắt đầu hoạt động từ ngày {formatDateVi(unit.validFrom)}.
        </div>
      ) : null}
    </>
  );
}

/** Level, code, validity and parent as of the date shown. */
function UnitFacts({ detail }: { detail: UnitDetail }) {
  const { unit, at } = detail;
  return (
    <>
      <dl class="changes facts">
        <dt>Cấp hành chính</dt>
        <dd>{levelLabel(unit.level)}</dd>
        <dt>Mã đơn vị hành chính</dt>
        <dd>{unit.code ?? "Chưa có"}</dd>
        <dt>Thời gian hoạt động</dt>
        <dd>{validityText(unit)}</dd>
        <dt>Trực thuộc (tại ngày {formatDateVi(at)})</dt>
        <dd>
          {detail.parent ? (
            <a href={unitHref(detail.parent.id, at)}>{unitDisplayName(detail.parent)}</a>
          ) : (
            "Không (cấp cao nhất)"
          )}
        </dd>
      </dl>
    </>
  );
}

/** The unit's leaders on the date shown. */
function UnitLeaders({ detail }: { detail: UnitDetail }) {
  const { at } = detail;
  return (
    <>
      <section aria-labelledby="lanh-dao">
        <h2 id="lanh-dao">Lãnh đạo tại ngày {formatDateVi(at)}</h2>
        {detail.leaders.length === 0 ? (
          <p>Chưa có dữ liệu lãnh đạo tại ngày này.</p>
        ) : (
          <ul class="leaders">
            {groupLeaders(detail.leaders).map((person) => (
              <li>
                <strong>{person.name}</strong> – {person.titles.join("; ")}
                {person.biography ? <span class="muted leader-note"> ({person.biography})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The unit's organisations and their positions on the date shown. */
function UnitOrganisations({ detail }: { detail: UnitDetail }) {
  const { at } = detail;
  return (
    <>
      <section aria-labelledby="to-chuc">
        <h2 id="to-chuc">Cơ quan, tổ chức tại ngày {formatDateVi(at)}</h2>
        {detail.organisations.length === 0 ? (
          <p>Chưa có dữ liệu cơ quan, tổ chức tại ngày này.</p>
        ) : (
          <ul class="organisations">
            {detail.organisations.map((o) => (
              <li>
                {o.name} <span class="muted org-kind">– {organisationKindLabel(o.kind)}</span>
                {o.positions.length > 0 ? (
                  <ul>
                    {o.positions.map((p) => (
                      <li>
                        {p.title}: {p.fullName}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The units directly under this one on the date shown. */
function UnitChildren({ detail }: { detail: UnitDetail }) {
  const { at } = detail;
  return (
    <>
      {detail.children.length > 0 ? (
        <section aria-labelledby="truc-thuoc">
          <h2 id="truc-thuoc">
            Đơn vị trực thuộc tại ngày {formatDateVi(at)} ({detail.children.length})
          </h2>
          <ul class="unit-children">
            {detail.children.map((c) => (
              <li>
                <a href={unitHref(c.id, at)}>{unitDisplayName(c)}</a>
                {c.code ? <span class="muted unit-code"> · mã {c.code}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Address, telephone, e-mail and the unit's own introduction. */
function UnitContact({ detail }: { detail: UnitDetail }) {
  const { unit } = detail;
  const hasContact = Boolean(unit.address || unit.phone || unit.email);
  return (
    <>
      <section aria-labelledby="lien-he">
        <h2 id="lien-he">Liên hệ và giới thiệu</h2>
        {hasContact ? (
          <dl class="changes facts">
            {unit.address ? (
              <>
                <dt>Địa chỉ</dt>
                <dd>{unit.address}</dd>
              </>
            ) : null}
            {unit.phone ? (
              <>
                <dt>Điện thoại</dt>
                <dd>
                  <a href={`tel:${unit.phone.replace(/[^0-9+]/g, "")}`}>{unit.phone}</a>
                </dd>
              </>
            ) : null}
            {unit.email ? (
              <>
                <dt>Thư điện tử</dt>
                <dd>
                  <a href={`mailto:${unit.email}`}>{unit.email}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>Đơn vị chưa cập nhật địa chỉ, điện thoại và thư điện tử.</p>
        )}
        {unit.intro ? <Paragraphs text={unit.intro} /> : null}
      </section>
    </>
  );
}

/** Mergers and splits: the predecessors and successors with their shares. */
function UnitHistory({ detail }: { detail: UnitDetail }) {
  const { predecessors, successors } = detail.successions;
  return (
    <>
      <section aria-labelledby="lich-su">
        <h2 id="lich-su">Lịch sử sắp xếp</h2>
        {predecessors.length === 0 && successors.length === 0 ? (
          <p>Chưa có dữ liệu sáp nhập, chia tách liên quan đến đơn vị này.</p>
        ) : null}
        {predecessors.length > 0 ? (
          <>
            <h3>Các đơn vị tiền thân</h3>
            <ul class="successions">
              {predecessors.map((link) => (
                <SuccessionItem link={link} direction="from" />
              ))}
            </ul>
          </>
        ) : null}
        {successors.length > 0 ? (
          <>
            <h3>Các đơn vị kế thừa</h3>
            <ul class="successions">
              {successors.map((link) => (
                <SuccessionItem link={link} direction="to" />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

export function UnitPage({
  meta,
  detail,
  dateError,
  sections,
}: {
  meta: PageMeta;
  detail: UnitDetail;
  dateError?: string;
  /** What other modules show about the unit (assessments, open directives…), before its history. */
  sections?: Child;
}) {
  const { unit } = detail;
  const title = unitDisplayName(unit);
  return (
    <PublicLayout meta={meta}>
      <UnitBreadcrumb detail={detail} />
      <h1>{title}</h1>
      <UnitStatusNotes detail={detail} />
      <UnitFacts detail={detail} />

      <DateForm
        action={`/don-vi/${unit.id}`}
        value={detail.requested}
        error={dateError}
        label="Xem thông tin tại ngày"
      />
      <p class="muted as-of" id="ngay-hien-thi">
        {atExplanation(detail)}
      </p>

      <UnitLeaders detail={detail} />

      <UnitOrganisations detail={detail} />

      <UnitChildren detail={detail} />

      <UnitContact detail={detail} />

      {sections}
      <UnitHistory detail={detail} />
    </PublicLayout>
  );
}
