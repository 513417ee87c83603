import type { Generated } from "kysely";

/**
 * A request for a later deadline (xin gia hạn) on a directive, and its decision. The lead unit asks;
 * the assigning side grants or refuses, each with a reason. A granted request moves the directive's
 * deadline to the requested date (so timeliness, reminders and follow-up read it as every deadline)
 * and keeps here the deadline it replaced: the first granted request holds the original deadline.
 */
export interface DirectiveExtensionsTable {
  id: Generated<number>;
  directive_id: number;
  /** The new last day asked for, `YYYY-MM-DD`. */
  requested_date: string;
  reason: string;
  /** pending | granted | refused; at most one pending per directive (a partial unique index). */
  status: string;
  requested_by: number | null;
  requester_name: string;
  requested_at: string;
  decided_by: number | null;
  decider_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** The deadline when the request was made (kind, date, phrase): what a grant replaces. */
  previous_deadline_kind: string;
  previous_deadline_date: string | null;
  previous_deadline_phrase: string | null;
}

export interface DirectiveExtensionTables {
  directive_extensions: DirectiveExtensionsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends DirectiveExtensionTables {}
}
