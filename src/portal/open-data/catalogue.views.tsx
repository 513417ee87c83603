/** The open-data catalogue page: each dataset as a card with its facts, downloads and first rows. */
import { raw } from "hono/html";
import { formatDateVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import type { DatasetTable, DatasetValue } from "../../core/open-data/catalogue.extension.js";
import { jsonForScript } from "../../core/views/json-script.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import {
  CATALOGUE_JSONLD_HREF,
  type CatalogueEntry,
  datasetFileHref,
  FORMATS,
  LICENCE,
} from "./catalogue-dcat.rules.js";

const PREVIEW_ROWS = 5;

function cell(value: DatasetValue): string {
  if (value === null) return "";
  if (typeof value === "number") return formatViNumber(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateVi(value) : value;
}

function Preview({ title, table }: { title: string; table: DatasetTable }) {
  const columns = table.columns.filter((c) => !c.code);
  const rows = table.rows.slice(0, PREVIEW_ROWS);
  if (rows.length === 0) return <p class="muted">Chưa có dòng dữ liệu nào.</p>;
  return (
    <div class="table-scroll dataset-preview" role="region" aria-label={`Xem trước: ${title}`} tabindex={0}>
      <table>
        <caption>{`${rows.length} dòng đầu của “${title}” (kéo ngang để xem hết các cột)`}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {columns.map((c) => (
                <td>{cell(r[c.key] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CataloguePage({
  meta,
  publisher,
  entries,
  jsonLd,
}: {
  meta: PageMeta;
  publisher: string;
  entries: { entry: CatalogueEntry; table: DatasetTable }[];
  jsonLd: unknown;
}) {
  return (
    <PublicLayout meta={meta}>
      <script type="application/ld+json">{raw(jsonForScript(jsonLd))}</script>
      <h1>Dữ liệu mở</h1>
      <p>
        Các bộ dữ liệu công khai, tải về dạng CSV, JSON hoặc Excel (XLSX). Mô tả danh mục theo chuẩn DCAT:{" "}
        <a href={CATALOGUE_JSONLD_HREF}>catalog.jsonld</a>. Lập trình viên dùng <a href="/api/docs">API</a>.
      </p>
      <ol class="dataset-list">
        {entries.map(({ entry, table }) => {
          const d = entry.dataset;
          return (
            <li class="dataset-card" id={d.key}>
              <h2>{d.title}</h2>
              <p>{d.description}</p>
              <dl class="dataset-meta">
                <dt>Đơn vị công bố</dt>
                <dd>{publisher}</dd>
                <dt>Lĩnh vực</dt>
                <dd>{d.theme}</dd>
                <dt>Giấy phép</dt>
                <dd>
                  <a href={LICENCE.url}>{LICENCE.name}</a>: được tự do sử dụng, ghi rõ nguồn.
                </dd>
                <dt>Cập nhật</dt>
                <dd>{entry.modified ? formatDateVi(entry.modified) : "Chưa có dữ liệu"}</dd>
                <dt>Số dòng</dt>
                <dd>{formatViNumber(entry.rows)}</dd>
              </dl>
              <ul class="dataset-downloads" aria-label={`Tải về: ${d.title}`}>
                {FORMATS.map((f) => (
                  <li>
                    <a href={datasetFileHref(d.key, f.ext)} download>
                      {`Tải ${f.label}`}
                      <span class="visually-hidden">{` ${d.title}`}</span>
                    </a>
                  </li>
                ))}
                {d.landingPage ? (
                  <li>
                    <a href={d.landingPage}>
                      Xem trên trang<span class="visually-hidden">{` ${d.title}`}</span>
                    </a>
                  </li>
                ) : null}
              </ul>
              <Preview title={d.title} table={table} />
            </li>
          );
        })}
      </ol>
      <p class="muted">{LICENCE.text}</p>
    </PublicLayout>
  );
}
