/**
 * The reader's tree in the two levels the review form shows (conclusion-form.rules.ts: an item and its
 * sub-items): headings and statements are not directives, so their items move up in their place and take
 * the heading's area when they name none; under a task, every task below it becomes one of its sub-items.
 * The JSON API returns the whole tree; the paste page reviews this shape.
 */
import type { ParsedItem } from "./reader.service.js";

function isWork(item: ParsedItem): boolean {
  return item.kind === "task" || item.kind === "request";
}

/** Every task or request below these items, flattened, without sub-items of their own. */
function tasksBelow(items: readonly ParsedItem[]): ParsedItem[] {
  return items.flatMap((item) => [
    ...(isWork(item) ? [{ ...item, subItems: [] }] : []),
    ...tasksBelow(item.subItems),
  ]);
}

/** The items to review, two levels deep (see the file comment). */
export function reviewShape(items: readonly ParsedItem[]): ParsedItem[] {
  return items.flatMap((item): ParsedItem[] => {
    if (isWork(item)) return [{ ...item, subItems: tasksBelow(item.subItems) }];
    return reviewShape(item.subItems).map((child) =>
      child.area === "other" && item.area !== "other"
        ? { ...child, area: item.area, areaLabel: item.areaLabel, heading: child.heading ?? item.heading }
        : child,
    );
  });
}
