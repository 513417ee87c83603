import type { Child } from "hono/jsx";
import type { AppCtx } from "../core/http/request.js";

/**
 * The extension point of the public unit page (`/don-vi/{id}`). The rooms above units add what they
 * hold about a unit — its news, its assessments, its open work — without units importing them: the
 * composition root hands their sections to `registerUnitRoutes` (src/app/create-app.ts). A section
 * decides itself what a visitor may see and renders nothing otherwise.
 */
export type UnitPageSection = (c: AppCtx, unit: { id: number; name: string }) => Child | Promise<Child>;

export interface UnitExtensions {
  /** In page order, after the unit's own record. */
  pageSections: readonly UnitPageSection[];
}
