/**
 * The session form: plain fields and one-line-per-entry text areas (attendees "Họ tên - chức vụ",
 * agenda "Nội dung | người trình bày", opinions "Người phát biểu - chức vụ: tóm tắt"), read into a
 * SessionInput with Vietnamese messages per field, and written back for editing.
 */
import { formatTimeVi, isIsoDate, vnDateString } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import type { PartyOption, PersonOption } from "../units/parties.repo.js";
import {
  type AttendeeInput,
  SESSION_KINDS,
  type SessionDetail,
  type SessionInput,
  type SessionKind,
} from "./sessions.model.js";

export type FormValues = Record<string, string>;

export const SESSION_FORM_FIELDS = [
  "kind",
  "title",
  "host",
  "visiting",
  "date",
  "time",
  "endTime",
  "place",
  "chair",
  "chairName",
  "chairTitle",
  "attendeesVisiting",
  "attendeesHost",
  "agenda",
  "evaluationPeriod",
  "documents",
  "opinions",
  "minutes",
  "documentTitle",
  "programItem",
] as const;

const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** "Đỗ Mạnh Hải - Bí thư Quận ủy" → name and title; the first " - " or " – " separates them. */
function splitNameTitle(line: string): { name: string; title: string | null } {
  const m = /^(.+?)\s+[-–—]\s+(.+)$/.exec(line);
  return m ? { name: (m[1] as string).trim(), title: (m[2] as string).trim() } : { name: line, title: null };
}

function attendees(
  text: string | undefined,
  side: AttendeeInput["side"],
  people: readonly PersonOption[],
): AttendeeInput[] {
  return lines(text).map((line) => {
    const { name, title } = splitNameTitle(line);
    const person = people.find((p) => p.name === name.replace(/^(đồng chí|đ\/c)\s+/i, ""));
    return {
      personId: person?.id ?? null,
      positionId: person?.positionId ?? null,
      name,
      title: title ?? (person?.titles || null),
      side,
    };
  });
}

/** Reads the posted form. `input` is null when a field is wrong; `errors` then says which. */
export function readSessionForm(
  values: FormValues,
  options: { parties: readonly PartyOption[]; people: readonly PersonOption[] },
): { input: SessionInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const need = (key: string, message: string) => {
    if (!values[key]?.trim()) errors[key] = message;
  };
  if (!(SESSION_KINDS as readonly string[]).includes(values.kind ?? ""))
    errors.kind = "Vui lòng chọn loại buổi làm việc.";
  need("title", "Vui lòng nhập tên buổi làm việc.");
  need("place", "Vui lòng nhập địa điểm.");
  const host = options.parties.find((p) => p.key === values.host);
  if (!host) errors.host = "Vui lòng chọn đơn vị làm việc.";
  const visiting = values.visiting ? options.parties.find((p) => p.key === values.visiting) : null;
  if (values.visiting && !visiting) errors.visiting = "Không có đơn vị này.";
  if (!isIsoDate(values.date ?? "")) errors.date = "Vui lòng chọn ngày (ví dụ 02/01/2020).";
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(values.time ?? "")) errors.time = "Giờ bắt đầu có dạng 14:00.";
  if (values.endTime && !time.test(values.endTime)) errors.endTime = "Giờ kết thúc có dạng 17:00.";
  const chair = values.chair ? options.people.find((p) => String(p.id) === values.chair) : null;
  const chairName = values.chairName?.trim() || chair?.name || "";
  if (!chairName) errors.chairName = "Vui lòng chọn hoặc nhập người chủ trì.";
  if (values.evaluationPeriod && !/^\d{4}(-\d{4})?$/.test(values.evaluationPeriod.trim())) {
    errors.evaluationPeriod = "Kỳ đánh giá là một năm (2019) hoặc một nhiệm kỳ (2015-2020).";
  }
  if (Object.keys(errors).length > 0 || !host) return { input: null, errors };
  const startsAt = new Date(`${values.date}T${values.time}:00+07:00`).toISOString();
  const endsAt = values.endTime ? new Date(`${values.date}T${values.endTime}:00+07:00`).toISOString() : null;
  const period = values.evaluationPeriod?.trim();
  const input: SessionInput = {
    kind: values.kind as SessionKind,
    title: (values.title ?? "").trim(),
    programItemId: /^[1-9]\d{0,9}$/.test(values.programItem ?? "") ? Number(values.programItem) : null,
    hostUnitId: host.unitId,
    hostOrganisationId: host.organisationId,
    visitingUnitId: visiting?.unitId ?? null,
    visitingOrganisationId: visiting?.organisationId ?? null,
    startsAt,
    endsAt,
    place: (values.place ?? "").trim(),
    chairPersonId: chair?.id ?? null,
    chairName,
    chairTitle: values.chairTitle?.trim() || chair?.titles || null,
    minutes: values.minutes?.trim() || null,
    attendees: [
      ...attendees(values.attendeesVisiting, "visiting", options.people),
      ...attendees(values.attendeesHost, "host", options.people),
    ],
    agenda: lines(values.agenda).map((l) => {
      const [title, presenter] = l.split("|").map((x) => x.trim());
      return { title: title ?? l, presenter: presenter || null };
    }),
    documents: [
      ...(period
        ? [
            {
              title: `Báo cáo kết quả thực hiện nhiệm vụ ${period.includes("-") ? "nhiệm kỳ" : "năm"} ${period}`,
              kind: "evaluation" as const,
              unitId: host.unitId,
              periodKey: period,
            },
          ]
        : []),
      ...lines(values.documents).map((title) => ({ title, kind: "other" as const })),
    ],
    opinions: lines(values.opinions).flatMap((l) => {
      const colon = l.indexOf(":");
      if (colon <= 0) return [];
      const { name, title } = splitNameTitle(l.slice(0, colon).trim());
      const person = options.people.find((p) => p.name === name);
      return [
        {
          personId: person?.id ?? null,
          speakerName: name,
          speakerTitle: title,
          summary: l.slice(colon + 1).trim(),
        },
      ];
    }),
  };
  if (endsAt && endsAt < startsAt)
    return { input: null, errors: { endTime: "Giờ kết thúc phải sau giờ bắt đầu." } };
  return { input, errors };
}

/** A saved session as form values, for editing. */
export function sessionFormValues(s: SessionDetail): FormValues {
  const side = (which: string) =>
    s.attendees
      .filter((a) => a.side === which)
      .map((a) => (a.title ? `${a.name} - ${a.title}` : a.name))
      .join("\n");
  return {
    kind: s.kind,
    title: s.title,
    host: s.hostOrganisationId ? `o${s.hostOrganisationId}` : `u${s.host.id}`,
    visiting: s.visitingOrganisationId
      ? `o${s.visitingOrganisationId}`
      : s.visiting
        ? `u${s.visiting.id}`
        : "",
    date: vnDateString(s.startsAt),
    time: formatTimeVi(s.startsAt),
    endTime: s.endsAt ? formatTimeVi(s.endsAt) : "",
    place: s.place,
    chair: s.chairPersonId ? String(s.chairPersonId) : "",
    chairName: s.chairName,
    chairTitle: s.chairTitle ?? "",
    attendeesVisiting: side("visiting"),
    attendeesHost: side("host"),
    agenda: s.agenda.map((a) => (a.presenter ? `${a.title} | ${a.presenter}` : a.title)).join("\n"),
    evaluationPeriod: s.documents.find((d) => d.kind === "evaluation")?.periodKey ?? "",
    documents: s.documents
      .filter((d) => d.kind === "other")
      .map((d) => d.title)
      .join("\n"),
    opinions: s.opinions
      .map((o) => `${o.speakerTitle ? `${o.speakerName} - ${o.speakerTitle}` : o.speakerName}: ${o.summary}`)
      .join("\n"),
    minutes: s.minutes ?? "",
    programItem: s.programItemId ? String(s.programItemId) : "",
  };
}
