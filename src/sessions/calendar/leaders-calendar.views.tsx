/** The public leaders' calendar of a week (lịch công tác tuần): Monday to Sunday, each day's events. */
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { type PickerGroup, PickerSelect } from "../../core/views/picker.js";
import { type CalendarDay, eventTimeText, shiftWeek, weekLabel } from "./week.rules.js";

export const LEADERS_CALENDAR_HREF = "/lich-cong-tac";

export function leadersCalendarHref(unitId: number | null, monday?: string): string {
  const q = new URLSearchParams();
  if (unitId !== null) q.set("don-vi", String(unitId));
  if (monday) q.set("tuan", monday);
  const query = q.toString();
  return query ? `${LEADERS_CALENDAR_HREF}?${query}` : LEADERS_CALENDAR_HREF;
}

export function LeadersCalendarPage(p: {
  meta: PageMeta;
  unit: { id: number; name: string } | null;
  units: PickerGroup[];
  monday: string;
  days: CalendarDay[];
}) {
  const unitId = p.unit?.id ?? null;
  const empty = p.days.every((d) => d.events.length === 0);
  return (
    <PublicLayout meta={p.meta}>
      <h1>{p.unit ? `Lịch công tác của lãnh đạo ${p.unit.name}` : "Lịch công tác của lãnh đạo"}</h1>
      <form method="get" action={LEADERS_CALENDAR_HREF} class="filters" aria-label="Chọn đơn vị và tuần">
        <label for="f-lich-don-vi">
          Đơn vị
          <PickerSelect
            id="f-lich-don-vi"
            name="don-vi"
            groups={p.units}
            value={unitId === null ? null : String(unitId)}
          />
        </label>
        <label for="f-lich-tuan">
          Tuần có ngày
          <input id="f-lich-tuan" name="tuan" type="date" value={p.monday} />
        </label>
        <button type="submit" class="button">
          Xem lịch
        </button>
      </form>
      {p.unit ? (
        <>
          <h2 id="tuan-hien-thi">{weekLabel(p.monday)}</h2>
          <nav class="pager calendar-pager" aria-label="Chuyển tuần">
            <a href={leadersCalendarHref(unitId, shiftWeek(p.monday, -1))}>← Tuần trước</a>
            <a href={leadersCalendarHref(unitId)}>Tuần này</a>
            <a href={leadersCalendarHref(unitId, shiftWeek(p.monday, 1))}>Tuần sau →</a>
          </nav>
          <p>
            <a href={`${LEADERS_CALENDAR_HREF}.ics?don-vi=${unitId}`} class="button">
              Thêm vào ứng dụng lịch (iCalendar)
            </a>
          </p>
          {empty ? <p class="empty-state">Chưa có lịch công tác công khai trong tuần này.</p> : null}
          <ol class="week-calendar" aria-labelledby="tuan-hien-thi">
            {p.days.map((day) => (
              <li class={day.events.length === 0 ? "calendar-day is-empty" : "calendar-day"}>
                <h3>{day.label}</h3>
                {day.events.length === 0 ? (
                  <p class="muted">Không có lịch.</p>
                ) : (
                  <ul class="calendar-events">
                    {day.events.map((e) => (
                      <li class="calendar-event" data-event={e.key}>
                        <p class="event-time">{eventTimeText(e)}</p>
                        <p class="event-title">
                          <strong>{e.title}</strong>
                        </p>
                        <p class="event-place">{`Địa điểm: ${e.place}`}</p>
                        {e.host ? <p class="event-host">{e.host}</p> : null}
                        {e.people.length > 0 ? (
                          <p class="event-people">{`Thành phần: ${e.people.join("; ")}`}</p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>Chọn đơn vị để xem lịch công tác.</p>
      )}
    </PublicLayout>
  );
}
