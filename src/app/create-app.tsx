import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { registerAccountRoutes } from "../accounts/accounts.routes.js";
import { authenticate, sessionCookieName, verifyCsrf } from "../accounts/auth.middleware.js";
import { registerConclusionRoutes } from "../conclusions/conclusions.routes.js";
import { publicNoticeLinksOfSessions } from "../conclusions/public/public-notices.service.js";
import { UnitCommitmentsSection } from "../conclusions/public/unit-commitments.section.js";
import { sessionNoticesSection } from "../conclusions/session-notices.section.js";
import type { AppContext } from "../core/app-context.js";
import { registerApiDocs } from "../core/http/api-docs.js";
import { handleError, handleNotFound } from "../core/http/error-handler.js";
import { createRouter } from "../core/http/openapi.js";
import { todayOf } from "../core/http/request.js";
import { compressedWhenAsked, requestPipeline, staticFileHeaders } from "../core/http/request-pipeline.js";
import { useVietnameseZodMessages } from "../core/validation/zod-messages.js";
import {
  dueSoonDirectivesCard,
  extensionRequestsCard,
  overdueDirectivesCard,
  proposalsToAnswerCard,
  unreadNotificationsCard,
} from "../directives/dashboard.section.js";
import { registerDirectiveRoutes } from "../directives/directives.routes.js";
import { UnitOpenWork } from "../directives/follow-up/follow-up.routes.js";
import { directivesDataset } from "../directives/follow-up/open-data.section.js";
import {
  hostStillOpenSection,
  sessionProposalsSection,
  sessionStillOpenSection,
} from "../directives/session-work.section.js";
import { registerDocumentRoutes } from "../documents/documents.routes.js";
import { documentsDataset } from "../documents/open-data.section.js";
import { UnitAssessmentsSection } from "../emulation/assessments/unit-assessments.section.js";
import { registerEmulationRoutes } from "../emulation/emulation.routes.js";
import { feedbackOverdueCard, feedbackWaitingCard } from "../feedback/dashboard.section.js";
import { registerFeedbackRoutes } from "../feedback/feedback.routes.js";
import { UnitFeedbackSection } from "../feedback/unit-feedback.section.js";
import { handoversWaitingCard } from "../handovers/dashboard.section.js";
import { registerHandoverRoutes } from "../handovers/handovers.routes.js";
import { registerNewsroomRoutes } from "../newsroom/newsroom.routes.js";
import { sessionDraftSection } from "../newsroom/session-draft.section.js";
import {
  articlesInReviewCard,
  articlesScheduledCard,
} from "../portal/editorial/editorial-dashboard.section.js";
import { resultsDataset } from "../portal/open-data/results-dataset.section.js";
import { registerPortalRoutes } from "../portal/portal.routes.js";
import { UnitPortalSection } from "../portal/public/unit-portal.section.js";
import { registerSessionRoutes } from "../sessions/sessions.routes.js";
import { approvalsCard } from "../targets/approval/approvals.section.js";
import { registerTargetRoutes } from "../targets/targets.routes.js";
import { registerUnitRoutes } from "../units/units.routes.js";

/** `public/` sits at the package root: two levels above this file in `src/` and in `dist/`. */
import { AUDIT_VALUE_LABELS } from "./audit-value-labels.js";

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public");

/** Builds the whole HTTP application around one context. Tests call this with their own database. */
export function createApp(ctx: AppContext) {
  useVietnameseZodMessages();
  const app = createRouter();
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use("*", compressedWhenAsked());
  app.use("/static/*", staticFileHeaders(ctx), serveStatic({ root: PUBLIC_DIR }));
  app.use("*", requestPipeline(ctx, { authenticate, verifyCsrf }));

  registerAccountRoutes(app, {
    // menuHref: the admin menu entry that shows the card's count (core/views/admin-nav.ts).
    dashboardCards: [
      { ...approvalsCard, menuHref: "/quan-tri/phe-duyet" },
      { ...overdueDirectivesCard, menuHref: "/quan-tri/nhiem-vu" },
      dueSoonDirectivesCard,
      { ...extensionRequestsCard, menuHref: "/quan-tri/nhiem-vu?gia_han=cho_duyet" },
      { ...proposalsToAnswerCard, menuHref: "/quan-tri/kien-nghi" },
      { ...articlesInReviewCard, menuHref: "/quan-tri/bai-viet" },
      articlesScheduledCard,
      { ...unreadNotificationsCard, menuHref: "/quan-tri/thong-bao" },
      { ...handoversWaitingCard, menuHref: "/quan-tri/ban-giao" },
      { ...feedbackWaitingCard, menuHref: "/quan-tri/phan-anh" },
      feedbackOverdueCard,
    ],
    auditValueLabels: AUDIT_VALUE_LABELS,
  });
  registerUnitRoutes(app, {
    pageSections: [
      (c, unit) => <UnitPortalSection db={c.var.ctx.database.db} unitId={unit.id} now={c.var.ctx.now()} />,
      (c, unit) => <UnitAssessmentsSection db={c.var.ctx.database.db} unitId={unit.id} />,
      (c, unit) => <UnitFeedbackSection db={c.var.ctx.database.db} unitId={unit.id} today={todayOf(c)} />,
      (c, unit) => (
        <UnitCommitmentsSection db={c.var.ctx.database.db} unitId={unit.id} now={c.var.ctx.now()} />
      ),
      // Only for signed-in users who may read the unit's records; visitors see nothing here.
      (c, unit) => <UnitOpenWork c={c} unitId={unit.id} unitName={unit.name} />,
    ],
  });
  registerPortalRoutes(app, {
    // The conclusions' public follow-up, beside the article on a session and on the unit's page.
    sessionLinks: publicNoticeLinksOfSessions,
    unitParts: [(db, unitId, now) => <UnitCommitmentsSection db={db} unitId={unitId} now={now} />],
    // The open-data catalogue (/du-lieu-mo): each room's public dataset, in page order.
    datasets: [resultsDataset, directivesDataset, documentsDataset],
  });
  registerTargetRoutes(app);
  registerEmulationRoutes(app);
  registerSessionRoutes(app, {
    sections: [sessionDraftSection, sessionNoticesSection, sessionProposalsSection, sessionStillOpenSection],
    hostSections: [hostStillOpenSection],
  });
  registerDocumentRoutes(app);
  registerConclusionRoutes(app);
  registerDirectiveRoutes(app);
  registerHandoverRoutes(app);
  registerFeedbackRoutes(app);
  registerNewsroomRoutes(app);
  registerApiDocs(app, { sessionCookie: sessionCookieName(ctx.config.secureCookies) });
  return app;
}

export type App = ReturnType<typeof createApp>;
