/** Where the period's report is downloaded: the API route, which pages link to as well. */
export function reportPath(unitId: number, periodKey: string): string {
  return `/api/v1/units/${unitId}/report?period=${encodeURIComponent(periodKey)}`;
}
