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
import type { DirectiveOut, ProposalOut } from "../directives-present.js";
import type { FollowUpSummary } from "./follow-up.math.js";
import type { FollowUpDimension } from "./follow-up.repo.js";
import type { FollowUpReport, PeriodGrain } from "./follow-up.service.js";

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

/** The columns of the report, shared by the page and the XLSX export. */
export const FOLLOW_UP_COLUMNS: { header: string; value: (s: FollowUpSummary) => number | string }[] = [
  { header: "Tổng số", value: (s) => s.total },
  { header: "Đã hoàn thành", value: (s) => s.completed },
  { header: "Hoàn thành đúng hạn", value: (s) => s.byTimeliness.done_on_time },
  { header: "Hoàn thành quá hạn", value: (s) => s.byTimeliness.done_late },
  { header: "Tỷ lệ hoàn thành", value: (s) => percentText(s.completionPercent) },
  { header: "Tỷ lệ quá hạn trong số đã hoàn thành", value: (s) => percentText(s.overduePercentOfCompleted) },
  { header: "Đang trong hạn", value: (s) => s.byTimeliness.in_time },
  { header: "Sắp đến hạn", value: (s) => s.byTimeliness.due_soon },
  { header: "Quá hạn", value: (s) => s.overdue },
  { header: "Quá hạn lâu nhất (ngày)", value: (s) => s.longestOverdueDays ?? "—" },
  { header: "Không thời hạn", value: (s) => s.byTimeliness.no_deadline },
  { header: "Tạm dừng", value: (s) => s.byTimeliness.paused },
  { header: "Chờ bàn giao", value: (s) => s.awaitingHandover },
  { header: "Đã hủy", value: (s) => s.cancelled },
];

function Row({ label, summary, strong }: { label: string; summary: FollowUpSummary; strong?: boolean }) {
  return (
    <tr>
      <th scope="row">{strong ? <strong>{label}</strong> : label}</th>
      {FOLLOW_UP_COLUMNS.map((col) => (
        <td class="num">{String(col.value(summary))}</td>
      ))}
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
      <div class="table-scroll">
        <table>
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
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <Row label={g.label} summary={g.summary} />
            ))}
            <Row label="Tổng cộng" summary={report.total} strong />
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
