import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import type { DB } from "../core/db/schema.js";
import type { AuditValueLabels } from "./audit-changes.rules.js";

/**
 * The extension point of the personal dashboard (`/quan-tri`, `GET /api/v1/dashboard`). The rooms above
 * accounts add a card each — results waiting for my approval, my directives running late, proposals I
 * must answer, articles waiting for review, my unread notifications — without accounts importing them:
 * the composition root hands their cards to `registerAccountRoutes` (src/app/create-app.tsx).
 *
 * A card's count is exactly the number of rows of the list its `href` opens, for the same person. A
 * card whose count is 0 still shows; a card the person's roles can never apply to is left out.
 */
export interface DashboardCard {
  /** Stable key in the API (`targets.approvals`…). */
  key: string;
  /** Vietnamese label, shown beside the count. */
  label: string;
  /** The filtered list whose rows the count counts. */
  href: string;
  /**
   * The admin menu entry (its `href` in core/views/admin-nav.ts) beside which this card's count shows
   * when it is above 0, so the menu and the dashboard never disagree. Most cards have none.
   */
  menuHref?: string;
  /** Can the person's roles ever make this card apply? Left out when not. */
  applies(ctx: ActorContext): boolean;
  count(ctx: ActorContext, db: Kysely<DB>): Promise<number>;
}

export interface AccountExtensions {
  /** In page order. */
  dashboardCards: readonly DashboardCard[];
  /** The words for the codes the rooms store (a directive's state, a result's status), for the change log. */
  auditValueLabels?: AuditValueLabels;
}

export interface DashboardCardValue {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** The cards that apply to the person, with their counts, in page order. */
export async function loadDashboard(
  extensions: AccountExtensions,
  ctx: ActorContext,
  db: Kysely<DB>,
): Promise<DashboardCardValue[]> {
  const cards = extensions.dashboardCards.filter((card) => card.applies(ctx));
  const counts = await Promise.all(cards.map((card) => card.count(ctx, db)));
  return cards.map((card, i) => ({
    key: card.key,
    label: card.label,
    count: counts[i] ?? 0,
    href: card.href,
  }));
}

/** The counts to show in the admin menu, by entry href: the cards with a `menuHref` and work waiting. */
export function menuCountsOf(
  extensions: AccountExtensions,
  values: readonly DashboardCardValue[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const card of extensions.dashboardCards) {
    const count = values.find((v) => v.key === card.key)?.count ?? 0;
    if (card.menuHref && count > 0) counts.set(card.menuHref, count);
  }
  return counts;
}
