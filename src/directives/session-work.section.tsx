import { z } from "@hono/zod-openapi";
import type { HostSection, SessionSection } from "../sessions/session.extension.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { DirectiveTable, ProposalTable } from "./directive-tables.views.js";
import {
  type DirectiveOut,
  type ProposalOut,
  presentDirective,
  presentProposal,
} from "./directives-present.js";
import { DirectiveOutSchema, ProposalOutSchema } from "./directives-responses.schema.js";
import { searchProposals } from "./proposals/proposals.service.js";
import { stillOpenWith } from "./still-open.service.js";

/** Directives and proposals still open from earlier sessions with the same unit. */
export function StillOpenSection({
  directives,
  proposals,
  unitName,
}: {
  directives: DirectiveOut[];
  proposals: ProposalOut[];
  unitName: string;
}) {
  return (
    <section class="card" aria-labelledby="still-open">
      <h2 id="still-open">Việc còn mở từ các buổi làm việc trước với {unitName}</h2>
      {directives.length === 0 && proposals.length === 0 ? (
        <p class="muted">Không còn nhiệm vụ hay kiến nghị nào chưa xong.</p>
      ) : (
        <>
          <p>
            {directives.length} nhiệm vụ chưa hoàn thành, {proposals.length} kiến nghị chưa giải quyết xong.
          </p>
          <DirectiveTable rows={directives} caption="Nhiệm vụ còn mở" showNotice />
          <ProposalTable rows={proposals} caption="Kiến nghị còn mở" />
        </>
      )}
    </section>
  );
}

/** The proposals the unit raised at a session, on its page and in its JSON (`proposals`). */
export const sessionProposalsSection: SessionSection = {
  key: "proposals",
  schema: z.array(ProposalOutSchema),
  async load(db, session, ctx) {
    const proposals = (await searchProposals(db, { sessionId: session.id }, ctx)).map(presentProposal);
    return {
      json: proposals,
      view: (
        <>
          <h2>Kiến nghị, đề xuất</h2>
          <ProposalTable rows={proposals} caption="Kiến nghị tại buổi làm việc" />
          <p>
            <a href={`/quan-tri/kien-nghi/moi?buoi=${session.id}`}>Ghi kiến nghị của đơn vị</a>
          </p>
        </>
      ),
    };
  },
};

/** What was still open with the host unit when the session began (`stillOpen`). */
export const sessionStillOpenSection: SessionSection = {
  key: "stillOpen",
  schema: z
    .object({ directives: z.array(DirectiveOutSchema), proposals: z.array(ProposalOutSchema) })
    .openapi({ description: "What is still open from earlier sessions with the same unit." }),
  async load(db, session, ctx) {
    const open = await stillOpenWith(db, session.host.id, session.startsAt, ctx);
    const directives = open.directives.map((d) => presentDirective(d, ctx.now));
    const proposals = open.proposals.map(presentProposal);
    return {
      json: { directives, proposals },
      view: (
        <StillOpenSection
          directives={directives}
          proposals={proposals}
          unitName={unitDisplayName(session.host)}
        />
      ),
    };
  },
};

/** On the new-session form: what is still open with the chosen host unit today. */
export const hostStillOpenSection: HostSection = {
  async load(db, host, ctx) {
    const open = await stillOpenWith(db, host.unitId, ctx.now.toISOString(), ctx);
    return (
      <StillOpenSection
        directives={open.directives.map((d) => presentDirective(d, ctx.now))}
        proposals={open.proposals.map(presentProposal)}
        unitName={host.name}
      />
    );
  },
};
