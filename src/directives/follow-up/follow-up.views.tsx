/**
 * The follow-up page for leaders, and the section a unit's page includes with its open directives
 * and proposals.
 */
import { formatViPercent } from "../../core/format/vi-number.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import type { PartyOption } from "../../units/parties.repo.js";
import { partyPickerGroups } from "../../units/party-select.views.js";
import { DirectiveTable, ProposalTable } from "../directive-tables.views.js";
import { DIRECTIVES_HREF } from "../directives.views.js";
import type { DirectiveOut, ProposalOut } from "../directives-present.js";
import type { Timeliness } from "../timeliness.rules.js";
import type { FollowUpSummary } from "./follow-up.math.js";
import type { FollowUpDimension } from "./follow-up.repo.js";
import type { FollowUpReport, PeriodGrain } from "./follow-up.service.js";
import { type DrillFilter, pageQuery } from "./follow-up-links.rules.js";

export const FOLLOW_UP_HREF = "/quan-tri/theo-doi";

export const DIMENSION_LABELS: Record<FollowUpDimension, string> = {
  lead: "Theo đơn vị chủ trì",
  assigner: "Theo người giao",
  notice: "Theo thông báo kết luận",
  period: "Theo thời hạn",
};

const GRAIN_LABELS: Record<PeriodGrain, string> = { month: "Tháng", quarter: "Quý", year: "Năm" };

/** "75%" with one decimal at most; "—" when there is nothing to divide by. */
export function percentText(value: number | null): string {
  return value === null ? "—" : formatViPercent(value, { maximumFractionDigits: 1 });
}

/** A column counting one timeliness, linked to the list with that timeliness. */
const byTimeliness = (header: string, short: string, timeliness: Timeliness): FollowUpColumn => ({
  header,
  short,
  value: (s) => s.byTimeliness[timeliness],
  drill: { timeliness },
});

export interface FollowUpColumn {
  header: string;
  /** Shown in the page's header inside <abbr title={header}> so the table fits a laptop screen. */
  short: string;
  value: (s: FollowUpSummary) => number | string;
  drill?: Pick<DrillFilter, "status" | "timeliness">;
}

/**
 * The columns of the report, shared by the page and the XLSX export. A count carries the part of the
 * list filter that selects what it counts (added to its row's filter); ratios and the longest delay have none.
 */
export const FOLLOW_UP_COLUMNS: FollowUpColumn[] = [
  { header: "Tổng số", short: "Tổng", value: (s) => s.total, drill: {} },
  { header: "Đã hoàn thành", short: "Đã HT", value: (s) => s.completed, drill: { status: "confirmed" } },
  byTimeliness("Hoàn thành đúng hạn", "HT đúng hạn", "done_on_time"),
  byTimeliness("Hoàn thành quá hạn", "HT quá hạn", "done_late"),
  { header: "Tỷ lệ hoàn thành", short: "% HT", value: (s) => percentText(s.completionPercent) },
  {
    header: "Tỷ lệ quá hạn trong số đã hoàn thành",
    short: "% HT quá hạn",
    value: (s) => percentText(s.overduePercentOfCompleted),
  },
  byTimeliness("Đang trong hạn", "Trong hạn", "in_time"),
  byTimeliness("Sắp đến hạn", "Sắp hạn", "due_soon"),
  byTimeliness("Quá hạn", "Quá hạn", "overdue"),
  { header: "Quá hạn lâu nhất (ngày)", short: "Lâu nhất (ngày)", value: (s) => s.longestOverdueDays ?? "—" },
  byTimeliness("Không thời hạn", "Không hạn", "no_deadline"),
  byTimeliness("Tạm dừng", "Tạm dừng", "paused"),
  byTimeliness("Chờ bàn giao", "Chờ BG", "awaiting_handover"),
  { header: "Đã hủy", short: "Đã hủy", value: (s) => s.cancelled, drill: { status: "cancelled" } },
];

/** The directives list page showing what a figure counts. */
export function listHref(row: DrillFilter, count: Pick<DrillFilter, "status" | "timeliness"> = {}): string {
  const query = pageQuery({ ...row, ...count });
  return query === "" ? DIRECTIVES_HREF : `${DIRECTIVES_HREF}?${query}`;
}

function Row({
  label,
  summary,
  drill,
  kind,
}: {
  label: string;
  summary: FollowUpSummary;
  drill: DrillFilter;
  /** total: the report's last row; unit: a unit with its organisations under it; part: one of those. */
  kind?: "total" | "unit" | "part";
}) {
  return (
    <tr class={kind ? `follow-up-${kind}` : undefined}>
      <th scope="row">{kind === "total" || kind === "unit" ? <strong>{label}</strong> : label}</th>
      {FOLLOW_UP_COLUMNS.map((col) => {
        const value = String(col.value(summary));
        return (
          <td class="num" data-label={col.header}>
            {col.drill && value !== "0" ? <a href={listHref(drill, col.drill)}>{value}</a> : value}
          </td>
        );
      })}
    </tr>
  );
}

export function FollowUpPage({
  meta,
  report,
  unit,
  units,
}: {
  meta: PageMeta;
  report: FollowUpReport;
  unit: string;
  units: PartyOption[];
}) {
  const query = new URLSearchParams({ theo: report.by, ky: report.grain, don_vi: unit });
  return (
    <AdminLayout meta={meta} active={FOLLOW_UP_HREF}>
      <h1>Theo dõi thực hiện nhiệm vụ</h1>
      <form method="get" action={FOLLOW_UP_HREF} class="filters">
        <label for="f-theo">
          Tổng hợp
          <select id="f-theo" name="theo">
            {Object.entries(DIMENSION_LABELS).map(([value, label]) => (
              <option value={value} selected={value === report.by}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label for="f-ky">
          Kỳ (theo thời hạn)
          <select id="f-ky" name="ky">
            {Object.entries(GRAIN_LABELS).map(([value, label]) => (
              <option value={value} selected={value === report.grain}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label for="f-don-vi">
          Đơn vị chủ trì
          <PickerSelect
            id="f-don-vi"
            name="don_vi"
            empty="Tất cả"
            groups={partyPickerGroups(units, (u) => String(u.unitId))}
            value={unit}
          />
        </label>
        <button type="submit" class="button">
          Xem
        </button>
        <a class="button" href={`${FOLLOW_UP_HREF}.xlsx?${query}`}>
          Tải Excel
        </a>
      </form>
      <p class="muted">{`Số liệu tính đến hết ngày ${report.today.split("-").reverse().join("/")} (giờ Việt Nam). Nhiệm vụ chỉ tính là hoàn thành khi người giao đã xác nhận.`}</p>
      <p role="status" id="follow-up-summary">
        {`Tổng số ${report.total.total} nhiệm vụ: đã hoàn thành ${report.total.completed} (${percentText(report.total.completionPercent)}), quá hạn ${report.total.overdue}.`}
      </p>
      <p class="muted">
        HT: hoàn thành; BG: bàn giao. Mỗi số mở danh sách các nhiệm vụ được đếm; đơn vị có tổ chức (UBND, Đảng
        ủy…) chủ trì nhiệm vụ có dòng tổng của đơn vị và từng tổ chức ở dưới.
      </p>
      <div class="table-scroll">
        <table class="follow-up-table">
          <caption>{DIMENSION_LABELS[report.by]}</caption>
          <thead>
            <tr>
              <th scope="col">
                {report.by === "period"
                  ? "Kỳ"
                  : report.by === "notice"
                    ? "Thông báo"
                    : report.by === "assigner"
                      ? "Người giao"
                      : "Đơn vị"}
              </th>
              {FOLLOW_UP_COLUMNS.map((c) => (
                <th scope="col" class="num">
                  {c.short === c.header ? c.header : <abbr title={c.header}>{c.short}</abbr>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <>
                <Row
                  label={g.label}
                  summary={g.summary}
                  drill={g.drill}
                  kind={g.parts ? "unit" : undefined}
                />
                {g.parts?.map((part) => (
                  <Row label={part.label} summary={part.summary} drill={part.drill} kind="part" />
                ))}
              </>
            ))}
            <Row label="Tổng cộng" summary={report.total} drill={report.drill} kind="total" />
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

/** For a unit's page: its open directives and proposals (include it where the unit page shows records). */
export function UnitFollowUpSection({
  unitName,
  directives,
  proposals,
}: {
  unitName: string;
  directives: DirectiveOut[];
  proposals: ProposalOut[];
}) {
  return (
    <section aria-labelledby="unit-open-work" class="card">
      <h2 id="unit-open-work">Nhiệm vụ, kiến nghị đang thực hiện</h2>
      <p>{`${unitName} đang chủ trì ${directives.length} nhiệm vụ chưa hoàn thành và có ${proposals.length} kiến nghị chưa giải quyết xong.`}</p>
      <DirectiveTable rows={directives} caption={`Nhiệm vụ chưa hoàn thành của ${unitName}`} showNotice />
      <ProposalTable rows={proposals} caption={`Kiến nghị chưa giải quyết của ${unitName}`} />
    </section>
  );
}
