/** The hand-over page: the open work of units that no longer exist, one decision per item. */

import { formatDateVi } from "../core/format/vi-date.js";
import { formatViPercent } from "../core/format/vi-number.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { ACTION_LABELS, KIND_LABELS, type QueueItem } from "./handovers.model.js";
import { unitInSentence } from "./handovers.rules.js";

export const HANDOVERS_HREF = "/quan-tri/ban-giao";

/** The form field of an item's decision: `quyet_dinh.directive.12`. */
export function decisionField(item: { kind: string; id: number }): string {
  return `quyet_dinh.${item.kind}.${item.id}`;
}

/** The choices for one item: each successor, a split between all of them (directives), or closing. */
export function decisionOptions(item: QueueItem): { value: string; label: string }[] {
  const options = [{ value: "", label: "— Chưa quyết định —" }];
  for (const s of item.proposedSuccessors) {
    const share = s.populationShare === null ? "" : ` (${formatViPercent(s.populationShare * 100)} dân số)`;
    options.push({ value: `move:${s.unitId}`, label: `Chuyển cho ${unitInSentence(s)}${share}` });
  }
  if (item.kind === "directive" && item.proposedSuccessors.length > 1)
    options.push({
      value: "split",
      label: `Chia cho ${item.proposedSuccessors.map(unitInSentence).join(", ")}`,
    });
  options.push({ value: "close", label: ACTION_LABELS.close });
  return options;
}

function itemLink(item: QueueItem): string | null {
  if (item.kind === "directive") return `/quan-tri/nhiem-vu/${item.id}`;
  if (item.kind === "proposal") return `/quan-tri/kien-nghi/${item.id}`;
  return null;
}

export interface HandoverPageProps {
  meta: PageMeta;
  items: QueueItem[];
  /** The unit the queue is filtered to, if any. */
  unitId: number | null;
  legalBasis: string;
  chosen: Record<string, string>;
  errors: FieldErrors;
  saved: number | null;
}

export function HandoverPage({ meta, items, unitId, legalBasis, chosen, errors, saved }: HandoverPageProps) {
  const groups = new Map<number, QueueItem[]>();
  for (const item of items)
    groups.set(item.fromUnit.unitId, [...(groups.get(item.fromUnit.unitId) ?? []), item]);
  return (
    <AdminLayout meta={meta} active={HANDOVERS_HREF}>
      <h1>Bàn giao công việc của đơn vị đã sắp xếp</h1>
      <p>
        Nhiệm vụ, kiến nghị, chương trình công tác và chỉ tiêu còn mở của các đơn vị hành chính đã giải thể,
        sáp nhập hoặc chia tách, kèm đơn vị kế thừa theo căn cứ sắp xếp. Mỗi mục có thể chuyển cho một đơn vị
        kế thừa, chia cho các đơn vị kế thừa (nhiệm vụ) hoặc kết thúc vì hết hiệu lực do sắp xếp đơn vị hành
        chính.
      </p>
      {unitId !== null ? (
        <p>
          <a href={HANDOVERS_HREF}>Xem công việc chờ bàn giao của mọi đơn vị</a>
        </p>
      ) : null}
      <Notice message={saved === null ? null : `Đã lưu ${saved} quyết định bàn giao.`} />
      <ErrorSummary errors={errors} />
      <p role="status">
        {items.length === 0 ? "Không có công việc nào chờ bàn giao." : `${items.length} mục chờ bàn giao.`}
      </p>
      {items.length > 0 ? (
        <form method="post" action={HANDOVERS_HREF} novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          {unitId !== null ? <input type="hidden" name="don_vi" value={String(unitId)} /> : null}
          <Field
            name="can_cu"
            label="Căn cứ pháp lý"
            value={legalBasis}
            hint="Văn bản quyết định việc sắp xếp, ví dụ: NQ 1656/NQ-UBTVQH15."
            error={errors.can_cu}
            required
          />
          {[...groups].map(([fromId, list]) => {
            const from = list[0]?.fromUnit;
            if (!from) return null;
            return (
              <section>
                <h2>
                  {`${unitDisplayName(from)} (đến ${formatDateVi(from.validTo)})`}{" "}
                  {unitId === null ? (
                    <a href={`${HANDOVERS_HREF}?don_vi=${fromId}`} class="muted">
                      Chỉ xem đơn vị này
                    </a>
                  ) : null}
                </h2>
                <table>
                  <caption>{`Công việc còn mở của ${unitInSentence(from)}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Loại</th>
                      <th scope="col">Nội dung</th>
                      <th scope="col">Quyết định</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((item) => {
                      const link = itemLink(item);
                      const field = decisionField(item);
                      return (
                        <tr>
                          <td>{KIND_LABELS[item.kind]}</td>
                          <td>{link ? <a href={link}>{item.title}</a> : item.title}</td>
                          <td>
                            <SelectField
                              name={field}
                              label={`Quyết định cho “${item.title.slice(0, 60)}”`}
                              options={decisionOptions(item)}
                              value={chosen[field] ?? ""}
                              error={errors[field]}
                            />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            );
          })}
          <button type="submit" class="button">
            Lưu các quyết định
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
