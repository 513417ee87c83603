/** Admin pages of the leaders' calendar: a week's entries of the calendars one keeps, and the entry form. */
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField, type PickerGroup } from "../../core/views/picker.js";
import type { CalendarEntryFormValues } from "./calendar-entry-form.rules.js";
import { LEADERS_CALENDAR_HREF } from "./leaders-calendar.views.js";
import { type CalendarDay, eventTimeText, shiftWeek, weekLabel } from "./week.rules.js";

export const CALENDAR_ADMIN_HREF = "/quan-tri/lich-cong-tac";

export function CalendarAdminPage(p: {
  meta: PageMeta;
  monday: string;
  days: CalendarDay[];
  /** Entry id → its unit's name and whether it is public. */
  facts: ReadonlyMap<string, { unit: string; isPublic: boolean }>;
  notice?: string | null;
}) {
  return (
    <AdminLayout meta={p.meta} active={CALENDAR_ADMIN_HREF}>
      <h1>{p.meta.title}</h1>
      <Notice message={p.notice} />
      <p>
        Các mục đánh dấu công khai hiện trên trang <a href={LEADERS_CALENDAR_HREF}>Lịch công tác</a> cùng các
        buổi làm việc của đơn vị; các mục khác chỉ cán bộ đơn vị thấy.
      </p>
      <p>
        <a class="button primary" href={`${CALENDAR_ADMIN_HREF}/moi?ngay=${p.monday}`}>
          Thêm lịch
        </a>
      </p>
      <h2>{weekLabel(p.monday)}</h2>
      <nav class="pager" aria-label="Chuyển tuần">
        <a href={`${CALENDAR_ADMIN_HREF}?tuan=${shiftWeek(p.monday, -1)}`}>← Tuần trước</a>{" "}
        <a href={`${CALENDAR_ADMIN_HREF}?tuan=${shiftWeek(p.monday, 1)}`}>Tuần sau →</a>
      </nav>
      {p.days
        .filter((d) => d.events.length > 0)
        .map((day) => (
          <section>
            <h3>{day.label}</h3>
            <ul>
              {day.events.map((e) => {
                const facts = p.facts.get(e.key);
                return (
                  <li>
                    <strong>{eventTimeText(e)}</strong> {e.title}{" "}
                    <span class="muted">{`(${facts?.unit ?? ""}, ${e.place}${facts?.isPublic ? ", công khai" : ", nội bộ"})`}</span>{" "}
                    <a href={`${CALENDAR_ADMIN_HREF}/${e.key.replace("entry-", "")}/sua`}>Sửa</a>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      {p.days.every((d) => d.events.length === 0) ? (
        <p class="muted">Chưa có mục lịch nào trong tuần.</p>
      ) : null}
    </AdminLayout>
  );
}

const LABELS: Record<string, string> = {
  unit: "Đơn vị",
  title: "Nội dung",
  date: "Ngày",
  endDate: "Đến ngày",
  startTime: "Giờ bắt đầu",
  endTime: "Giờ kết thúc",
  place: "Địa điểm",
  host: "Chủ trì",
  people: "Lãnh đạo tham dự",
};

export function CalendarEntryFormPage(p: {
  meta: PageMeta;
  action: string;
  values: CalendarEntryFormValues;
  errors?: FieldErrors;
  units: PickerGroup[];
  people: PickerGroup[];
  /** Editing: the delete form's address. */
  deleteAction?: string;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout meta={p.meta} active={CALENDAR_ADMIN_HREF}>
      <h1>{p.meta.title}</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={p.action} novalidate>
        <CsrfInput token={p.meta.auth.csrfToken} />
        <PickerField
          name="unit"
          label="Lịch của đơn vị"
          groups={p.units}
          value={v.unit}
          empty="— Chọn —"
          error={e.unit}
          required
        />
        <Field name="title" label="Nội dung công tác" value={v.title} error={e.title} required />
        <div class="inline-fields">
          <Field name="date" label="Ngày" type="date" value={v.date} error={e.date} required />
          <Field name="startTime" label="Giờ bắt đầu" type="time" value={v.startTime} error={e.startTime} />
          <Field name="endTime" label="Giờ kết thúc" type="time" value={v.endTime} error={e.endTime} />
        </div>
        <div class="inline-fields">
          <label class="checkbox">
            <input type="checkbox" name="allDay" value="1" checked={v.allDay === "1"} /> Cả ngày (không cần
            giờ)
          </label>
          <Field
            name="endDate"
            label="Đến ngày (lịch cả ngày kéo dài nhiều ngày)"
            type="date"
            value={v.endDate}
            error={e.endDate}
          />
        </div>
        <Field name="place" label="Địa điểm" value={v.place} error={e.place} required />
        <Field
          name="host"
          label="Chủ trì"
          value={v.host}
          error={e.host}
          required
          hint="Ví dụ: UBND phường, Đảng ủy phường."
        />
        <PickerField
          name="people"
          label="Lãnh đạo tham dự"
          groups={p.people}
          value={v.people ?? []}
          multiple
          error={e.people}
        />
        <label class="checkbox">
          <input type="checkbox" name="isPublic" value="1" checked={v.isPublic === "1"} /> Công khai trên cổng
          thông tin
        </label>
        <p>
          <button type="submit" class="button primary">
            Lưu
          </button>
        </p>
      </form>
      {p.deleteAction ? (
        <form method="post" action={p.deleteAction}>
          <CsrfInput token={p.meta.auth.csrfToken} />
          <button type="submit" class="button">
            Xóa mục lịch này
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
