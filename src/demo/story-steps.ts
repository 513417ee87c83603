/**
 * The pieces both demo stories tell their follow-up with: dated steps replayed in time order up to the
 * demo's `now`, each run through the use cases as the demo account who did it.
 */
import type { Kysely } from "kysely";
import { loadActor } from "../accounts/auth.service.js";
import { findUserByUsername } from "../accounts/users.repo.js";
import type { ActorContext } from "../core/access/actor-context.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import type { PartyInput } from "../directives/directives.repo.js";
import { actOnDirective, createDirective } from "../directives/directives.service.js";
import type { WorkflowAction } from "../directives/workflow.rules.js";

/** Something that happened at an instant (ISO-8601). */
export interface StoryStep {
  at: string;
  run: () => Promise<unknown>;
}

/** Runs the steps dated at or before `now`, in time order: what lies after `now` has not happened yet. */
export async function runStoryUpTo(steps: StoryStep[], now: Date): Promise<void> {
  const ordered = [...steps].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  for (const step of ordered) {
    if (new Date(step.at).getTime() > now.getTime()) break;
    await step.run();
  }
}

/** The actor of a demo account; `fail` says what is missing when the account is not there. */
export async function demoActor(
  db: Kysely<DB>,
  username: string,
  fail: (what: string) => never,
): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  const actor = user ? await loadActor(db, user.id) : null;
  return actor ?? fail(`account ${username}`);
}

/** A workflow step on a directive of the story, named by its key in the story's data. */
export interface DirectiveEvent<Who extends string> {
  at: string;
  target: string;
  who: Who;
  action: WorkflowAction;
  percent?: number;
  text?: string;
  /** The report's text is shown on the published notice's public page. */
  public?: boolean;
}

/** The events as steps, each acting on the directive its key names as the account who did it. */
export function directiveEventSteps<Who extends string>(
  db: Kysely<DB>,
  events: DirectiveEvent<Who>[],
  ids: Map<string, number>,
  at: (who: Who, iso: string) => ActorContext,
): StoryStep[] {
  return events.map((e) => ({
    at: e.at,
    run: () => {
      const id = ids.get(e.target);
      if (id === undefined) throw new Error(`demo data: directive ${e.target} not found`);
      return actOnDirective(
        db,
        id,
        { action: e.action, percent: e.percent ?? null, text: e.text ?? null, public: e.public ?? false },
        at(e.who, e.at),
      );
    },
  }));
}

/** A task a unit gives under a directive it leads (a child task), named by its key in the story's data. */
export interface ChildTask {
  key: string;
  /** Key of the directive it is given under. */
  parent: string;
  title: string;
  lead: PartyInput;
  /** Its deadline (YYYY-MM-DD) and when it was given (ISO-8601). */
  date: string;
  at: string;
}

/** The child tasks as steps; each new id is added to `ids` under the task's key. */
export function childTaskSteps(
  db: Kysely<DB>,
  tasks: ChildTask[],
  refs: {
    assigningUnitId: number;
    /** The notice the parent came from, known once its step ran. */
    noticeId: () => number | null;
    assigner: { personId: number | null; name: string };
    ids: Map<string, number>;
    at: (iso: string) => ActorContext;
  },
): StoryStep[] {
  return tasks.map((task) => ({
    at: task.at,
    run: async () => {
      const parentId = refs.ids.get(task.parent);
      if (parentId === undefined) throw new Error(`demo data: directive ${task.parent} not found`);
      const id = await createDirective(
        db,
        {
          title: task.title,
          lead: task.lead,
          coordinators: [],
          deadline: { kind: "date", date: task.date, phrase: null },
          assigningUnitId: refs.assigningUnitId,
          assignerPersonId: refs.assigner.personId,
          assignerName: refs.assigner.name,
          noticeId: refs.noticeId(),
          parentId,
        },
        refs.at(task.at),
      );
      refs.ids.set(task.key, id);
    },
  }));
}
