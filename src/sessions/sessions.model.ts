/** Working sessions as the app passes them around, and the Vietnamese words for their codes. */

export const SESSION_KINDS = ["working_visit", "conference", "briefing", "council_meeting"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  working_visit: "Buổi làm việc",
  conference: "Hội nghị",
  briefing: "Họp giao ban",
  council_meeting: "Kỳ họp",
};

export function sessionKindLabel(kind: string): string {
  return SESSION_KIND_LABELS[kind as SessionKind] ?? kind;
}

export const ATTENDEE_SIDES = ["visiting", "host", "other"] as const;
export type AttendeeSide = (typeof ATTENDEE_SIDES)[number];

export const ATTENDEE_SIDE_LABELS: Record<AttendeeSide, string> = {
  visiting: "Đoàn công tác",
  host: "Đại biểu đơn vị",
  other: "Khách mời",
};

export interface AttendeeInput {
  personId?: number | null;
  /** The position held on the day; its title is copied into `title`. */
  positionId?: number | null;
  name: string;
  title?: string | null;
  unitId?: number | null;
  organisationId?: number | null;
  side: AttendeeSide;
}

export interface AgendaInput {
  title: string;
  presenter?: string | null;
}

export interface DocumentInput {
  title: string;
  /** evaluation: the targets module's evaluation of `unitId` for `periodKey`; file: an uploaded file. */
  kind: "evaluation" | "file" | "other";
  unitId?: number | null;
  periodKey?: string | null;
  fileId?: number | null;
}

export interface OpinionInput {
  personId?: number | null;
  speakerName: string;
  speakerTitle?: string | null;
  organisationId?: number | null;
  summary: string;
}

/** Everything a session form or API call sets. Instants are ISO-8601 UTC. */
export interface SessionInput {
  kind: SessionKind;
  title: string;
  programItemId?: number | null;
  hostUnitId: number;
  hostOrganisationId?: number | null;
  visitingUnitId?: number | null;
  visitingOrganisationId?: number | null;
  startsAt: string;
  endsAt?: string | null;
  place: string;
  chairPersonId?: number | null;
  chairName: string;
  chairTitle?: string | null;
  minutes?: string | null;
  attendees: AttendeeInput[];
  agenda: AgendaInput[];
  documents: DocumentInput[];
  opinions: OpinionInput[];
}

export interface UnitLabel {
  id: number;
  name: string;
  level: string;
}

export interface SessionSummary {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  chairName: string;
  ownerUnitId: number;
  host: UnitLabel;
  visiting: (UnitLabel & { organisation: string | null }) | null;
}

export interface SessionDetail extends SessionSummary {
  programItemId: number | null;
  /** The programme entry the session was planned under: its wording and year. */
  programItem: { id: number; title: string; year: number; plannedMonth: number | null } | null;
  hostOrganisationId: number | null;
  visitingOrganisationId: number | null;
  chairPersonId: number | null;
  chairTitle: string | null;
  minutes: string | null;
  attendees: Required<AttendeeInput>[];
  agenda: Required<AgendaInput>[];
  documents: (Required<DocumentInput> & { fileName: string | null })[];
  opinions: Required<OpinionInput>[];
}

/** The targets module's evaluation page of a unit for a period (JSON: /api/v1/units/{id}/evaluation?period=). */
export function evaluationLink(unitId: number, periodKey: string): string {
  return `/don-vi/${unitId}/danh-gia?ky=${encodeURIComponent(periodKey)}`;
}
