/**
 * In-app notifications of workflow steps, written in the same transaction as the step: the lead
 * unit's officers learn of a new, returned, confirmed or reassigned directive; the assigner learns of
 * a submission waiting for confirmation, or of a deadline extension waiting for a decision, and the
 * lead unit of that decision. Nobody is told about their own action.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { DB } from "../../core/db/schema.js";
import { insertNotifications, listRecipients, unitOfficers } from "./reminders.repo.js";

type Step =
  | "assigned"
  | "submit"
  | "confirm"
  | "return"
  | "reassign"
  | "extension_requested"
  | "extension_granted"
  | "extension_refused";

const TITLES: Record<Step, string> = {
  assigned: "Nhiệm vụ mới được giao",
  reassign: "Nhiệm vụ mới được giao",
  submit: "Đơn vị báo cáo hoàn thành, chờ xác nhận",
  confirm: "Nhiệm vụ đã được xác nhận hoàn thành",
  return: "Nhiệm vụ bị trả lại",
  extension_requested: "Đề nghị gia hạn chờ duyệt",
  extension_granted: "Đề nghị gia hạn được đồng ý",
  extension_refused: "Đề nghị gia hạn không được đồng ý",
};

export async function notifyStep(
  trx: Kysely<DB>,
  step: Step,
  d: {
    id: number;
    title: string;
    leadUnitId: number;
    leadOrganisationId: number | null;
    assigningUnitId: number;
    createdBy: number | null;
  },
  ctx: ActorContext,
): Promise<void> {
  let userIds: number[];
  if (step === "submit" || step === "extension_requested") {
    const need = step === "submit" ? "directive.confirm" : "directive.decide_extension";
    const officers = await unitOfficers(trx, d.assigningUnitId, need, ctx.today);
    userIds = [...officers.map((o) => o.userId), ...(d.createdBy !== null ? [d.createdBy] : [])];
  } else {
    userIds = (
      await listRecipients(
        trx,
        { leadUnitId: d.leadUnitId, leadOrganisationId: d.leadOrganisationId, createdBy: d.createdBy },
        "assigned",
        ctx.today,
      )
    ).map((r) => r.userId);
  }
  const recipients = [...new Set(userIds)].filter((id) => id !== ctx.actor.userId);
  const short = d.title.length > 120 ? `${d.title.slice(0, 119)}…` : d.title;
  await insertNotifications(trx, recipients, {
    kind: `directive_${step}`,
    title: `${TITLES[step]}: ${short}`,
    body: null,
    link: `/quan-tri/nhiem-vu/${d.id}`,
    directiveId: d.id,
    now: ctx.now,
  });
}
