/**
 * Every list component of directives and sessions renders 0, 1 and many rows through the real JSX
 * runtime. hono/jsx hands a component a one-element `children` prop as the element itself, so a list
 * passed under that name broke only with exactly one row (defect 7: a directive with one sub-task
 * answered 500); rendering each list at 1 catches any prop that meets the same fate.
 */
import type { Child } from "hono/jsx";
import { describe, expect, it } from "vitest";
import type { PageMeta } from "../core/views/layout.js";
import { SessionListPage } from "../sessions/sessions.views.js";
import type { ReportRow } from "./directive-reports.repo.js";
import { DirectiveTable, ProposalTable } from "./directive-tables.views.js";
import { DirectiveListPage, DirectivePage } from "./directives.views.js";
import type { DirectiveOut, ProposalOut } from "./directives-present.js";
import { UnitFollowUpSection } from "./follow-up/follow-up.views.js";
import { ProposalListPage } from "./proposals/proposals.views.js";
import { StillOpenSection } from "./session-work.section.js";

const meta: PageMeta = {
  title: "Thử",
  siteName: "Thử nghiệm",
  today: "2020-01-02",
  auth: { actor: null, via: null, sessionId: null, csrfToken: "t" },
};

const directive = (i: number): DirectiveOut => ({
  id: i,
  title: `Nhiệm vụ số ${i}`,
  noticeId: null,
  noticeNumber: null,
  itemId: null,
  parentId: null,
  proposalId: null,
  lead: { unitId: 1, organisationId: null, name: `Chủ trì ${i}` },
  coordinators: [],
  assigningUnitId: 1,
  assignerName: null,
  deadline: { kind: "date", date: "2020-02-01", phrase: null },
  state: "assigned",
  timeliness: "in_time",
  daysOverdue: 0,
  progressPercent: 0,
  submittedAt: null,
  confirmedAt: null,
});

const proposal = (i: number): ProposalOut => ({
  id: i,
  sessionId: null,
  from: { unitId: 1, organisationId: null, name: "Phường" },
  topic: `Kiến nghị số ${i}`,
  text: null,
  answerDue: null,
  status: "unanswered",
  answer: null,
  answeredAt: null,
  directiveId: null,
  addressees: [{ unitId: 2, organisationId: null, name: "Quận" }],
});

const report = (i: number): ReportRow => ({
  id: i,
  action: "report_progress",
  percent: 10 * i,
  text: `Báo cáo số ${i}`,
  isPublic: false,
  fromState: "in_progress",
  toState: "in_progress",
  reporterName: "Cán bộ",
  at: "2020-01-02T03:00:00.000Z",
  files: [],
});

const session = (i: number) => ({
  id: i,
  kind: "working_visit",
  title: `Buổi làm việc số ${i}`,
  startsAt: "2020-01-02T07:00:00.000Z",
  endsAt: null,
  place: "Phòng họp",
  chairName: "Chủ trì",
  ownerUnitId: 1,
  host: { id: 1, name: "Thượng Thanh", level: "ward" },
  visiting: null,
});

const times = <T,>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i + 1));

/** Each list component, given `n` rows; what each row shows. */
const LISTS: [string, (n: number) => Child, (i: number) => string][] = [
  [
    "DirectiveTable",
    (n) => <DirectiveTable rows={times(n, directive)} caption="Nhiệm vụ" />,
    (i) => `Nhiệm vụ số ${i}`,
  ],
  [
    "ProposalTable",
    (n) => <ProposalTable rows={times(n, proposal)} caption="Kiến nghị" />,
    (i) => `Kiến nghị số ${i}`,
  ],
  [
    "DirectiveListPage",
    (n) => (
      <DirectiveListPage
        meta={meta}
        rows={times(n, directive)}
        total={n}
        pageSize={100}
        filters={{ unit: "", state: "", timeliness: "", mine: false, extensionsToDecide: false, page: 1 }}
        units={[]}
      />
    ),
    (i) => `Nhiệm vụ số ${i}`,
  ],
  [
    "DirectivePage (sub-tasks)",
    (n) => (
      <DirectivePage
        meta={meta}
        d={directive(99)}
        reports={[]}
        subtasks={times(n, directive)}
        allowed={[]}
        canAddChild={false}
        canEdit={false}
        parties={[]}
      />
    ),
    (i) => `Nhiệm vụ số ${i}`,
  ],
  [
    "DirectivePage (reports)",
    (n) => (
      <DirectivePage
        meta={meta}
        d={directive(99)}
        reports={times(n, report)}
        subtasks={[]}
        allowed={[]}
        canAddChild={false}
        canEdit={false}
        parties={[]}
      />
    ),
    (i) => `Báo cáo số ${i}`,
  ],
  [
    "StillOpenSection",
    (n) => (
      <StillOpenSection directives={times(n, directive)} proposals={times(n, proposal)} unitName="Phường" />
    ),
    (i) => `Kiến nghị số ${i}`,
  ],
  [
    "UnitFollowUpSection",
    (n) => (
      <UnitFollowUpSection
        directives={times(n, directive)}
        proposals={times(n, proposal)}
        unitName="Phường"
      />
    ),
    (i) => `Nhiệm vụ số ${i}`,
  ],
  [
    "ProposalListPage",
    (n) => <ProposalListPage meta={meta} rows={times(n, proposal)} status="" />,
    (i) => `Kiến nghị số ${i}`,
  ],
  [
    "SessionListPage",
    (n) => <SessionListPage meta={meta} sessions={times(n, session)} canCreate={false} />,
    (i) => `Buổi làm việc số ${i}`,
  ],
];

describe.each(LISTS)("%s", (_name, render, rowText) => {
  it.each([0, 1, 3])("renders %i rows", async (n) => {
    const html = String(await (render(n) as unknown as { toString(): string | Promise<string> }).toString());
    for (const i of times(n, (x) => x)) expect(html).toContain(rowText(i));
    expect(html).not.toContain(rowText(n + 1));
  });
});
