import { ChartFigure } from "../../core/charts/chart.views.js";
import { valueBarsChart } from "../../core/charts/value-bars.rules.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { periodLabel } from "../emulation-period.rules.js";
import { describeRank } from "./ranking.math.js";
import type { Ranking, RankingRow } from "./ranking.service.js";
import { basisText } from "./ranking-wording.rules.js";

export interface RankingFilter {
  parents: UnitName[];
  parentId: number | null;
  periodKey: string;
  clusterId: number | null;
  /** The comparable base: today's units, past figures rebuilt for their areas. */
  comparable: boolean;
}

function FilterForm({
  filter,
  ranking,
  today,
}: {
  filter: RankingFilter;
  ranking: Ranking | null;
  today: string;
}) {
  return (
    <form method="get" action="/xep-hang" class="filters" aria-label="Chọn đơn vị và kỳ xếp hạng">
      <label for="f-don-vi">
        Các đơn vị thuộc
        <PickerSelect
          id="f-don-vi"
          name="don-vi"
          groups={unitPickerGroups(filter.parents, today)}
          value={filter.parentId === null ? null : String(filter.parentId)}
        />
      </label>
      <label>
        Kỳ (năm hoặc nhiệm kỳ)
        <input name="ky" value={filter.periodKey} inputmode="numeric" size={10} />
      </label>
      {ranking && ranking.clusters.length > 0 ? (
        <label>
          Cụm thi đua
          <select name="cum">
            <option value="">Tất cả đơn vị</option>
            {ranking.clusters.map((c) => (
              <option value={String(c.id)} selected={c.id === filter.clusterId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label class="checkbox">
        <input type="checkbox" name="co-so" value="quy-doi" checked={filter.comparable} /> Số liệu theo địa
        bàn mới (các đơn vị hiện nay, số liệu kỳ trước quy đổi từ các đơn vị cũ)
      </label>
      <button type="submit" class="button">
        Xem xếp hạng
      </button>
    </form>
  );
}

function rankCell(row: RankingRow) {
  if (row.rank === null) return <span class="muted">Chưa xếp hạng</span>;
  return (
    <>
      {row.rank}
      {row.tied ? <span class="badge"> đồng hạng</span> : null}
    </>
  );
}

/** The public ranking: table (the data), bar chart (the picture), with how the score was made. */
export function RankingPage({
  meta,
  filter,
  ranking,
  problem,
}: {
  meta: PageMeta;
  filter: RankingFilter;
  ranking: Ranking | null;
  problem?: string | null;
}) {
  const scope = ranking
    ? `${ranking.cluster ? `${ranking.cluster.name}, ` : ""}các đơn vị thuộc ${unitDisplayName(ranking.parent)}`
    : "";
  const ranked = ranking?.rows.filter((r) => r.score !== null) ?? [];
  const max = ranking?.basis === "emulation" && ranking.scheme ? ranking.scheme.maxPoints : 100;
  return (
    <PublicLayout meta={meta}>
      <h1>Xếp hạng thi đua</h1>
      <FilterForm filter={filter} ranking={ranking} today={meta.today} />
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {ranking ? (
        <>
          <h2>
            {periodLabel(ranking.periodKey).replace(/^./, (ch) => ch.toLocaleUpperCase("vi"))}: {scope}
          </h2>
          <p>{basisText(ranking)}</p>
          {ranking.base === "comparable" ? (
            <p class="comparable-label">
              <strong>Số liệu quy đổi theo địa bàn mới:</strong> xếp hạng các đơn vị hiện nay; với kỳ trước
              khi có đơn vị, số liệu được quy đổi từ các đơn vị cũ theo tỷ lệ dân số ghi bên dưới tên đơn vị.
            </p>
          ) : null}
          <p>
            <a
              class="button"
              href={`/xep-hang.xlsx?${new URLSearchParams({
                "don-vi": String(ranking.parent.id),
                ky: ranking.periodKey,
                ...(ranking.cluster ? { cum: String(ranking.cluster.id) } : {}),
                ...(ranking.base === "comparable" ? { "co-so": "quy-doi" } : {}),
              })}`}
            >
              Tải bảng xếp hạng (Excel)
            </a>
          </p>
          <div class="table-scroll">
            <table id="bang-xep-hang">
              <caption>
                Bảng xếp hạng {periodLabel(ranking.periodKey)}, {ranking.total} đơn vị được xếp hạng
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    Hạng
                  </th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col" class="num">
                    Điểm
                  </th>
                  <th scope="col">Kết quả</th>
                </tr>
              </thead>
              <tbody>
                {ranking.rows.map((row) => (
                  <tr data-unit-id={String(row.unit.id)}>
                    <td class="num">{rankCell(row)}</td>
                    <th scope="row">
                      <a href={`/don-vi/${row.unit.id}`}>{unitDisplayName(row.unit)}</a>
                      {row.note ? (
                        <>
                          <br />
                          <span class="hint comparable-note">{row.note}</span>
                        </>
                      ) : null}
                    </th>
                    <td class="num">{row.score === null ? "—" : formatViNumber(row.score)}</td>
                    <td>
                      {row.rank === null
                        ? "Chưa đủ điểm để xếp hạng"
                        : describeRank({ rank: row.rank, tied: row.tied }, ranking.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ranked.length > 0 ? (
            <ChartFigure
              id="bieu-do-xep-hang"
              tableId="bang-xep-hang"
              spec={valueBarsChart({
                title: `Điểm thi đua ${periodLabel(ranking.periodKey)}, ${scope}`,
                unit: "điểm",
                max,
                bars: ranked.map((r) => ({
                  label: `${r.rank}. ${r.unit.name}`,
                  value: r.score as number,
                  valueText: formatViNumber(r.score as number),
                  note: r.tied ? "(đồng hạng)" : undefined,
                })),
              })}
            />
          ) : null}
        </>
      ) : problem ? null : (
        <p>Chọn đơn vị cấp trên và kỳ để xem xếp hạng các đơn vị trực thuộc.</p>
      )}
    </PublicLayout>
  );
}
