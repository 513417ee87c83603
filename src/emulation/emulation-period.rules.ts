/**
 * Period keys of emulation: a year ("2019") or a term ("2015-2020"). Pure.
 */

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/;

/** True for "2019" and "2015-2020" (a term whose end is after its start). */
export function isPeriodKey(value: string): boolean {
  const match = PERIOD.exec(value);
  if (!match) return false;
  return match[2] === undefined || Number(match[2]) > Number(match[1]);
}

/** The last day of the period: the date at which the competing units and their parent are read. */
export function periodEndDate(periodKey: string): string {
  const match = PERIOD.exec(periodKey);
  if (!match) throw new RangeError(`not a period key: ${periodKey}`);
  return `${match[2] ?? match[1]}-12-31`;
}

/** "năm 2019", "nhiệm kỳ 2015 - 2020". */
export function periodLabel(periodKey: string): string {
  const match = PERIOD.exec(periodKey);
  if (!match) return periodKey;
  return match[2] ? `nhiệm kỳ ${match[1]} - ${match[2]}` : `năm ${match[1]}`;
}

export const PERIOD_MESSAGE = "Kỳ là một năm (2019) hoặc một nhiệm kỳ (2015-2020).";
