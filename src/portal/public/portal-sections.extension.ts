import type { Child } from "hono/jsx";
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/**
 * The extension points of the public portal. Rooms the portal may not import (conclusions) add what
 * readers should find beside an article or on a unit's introduction page; the composition root hands
 * their parts to `registerPortalRoutes` (src/app/create-app.tsx). A part renders nothing when it has
 * nothing public to say.
 */

/** A link shown with a working session an article reports on ("Theo dõi thực hiện kết luận …"). */
export interface SessionLink {
  sessionId: number;
  href: string;
  text: string;
}

/** A part of a unit's introduction page (`/don-vi/{id}/gioi-thieu`), after the portal's own sections. */
export type UnitPortalPart = (db: Kysely<DB>, unitId: number, now: Date) => Child | Promise<Child>;

export interface PortalExtensions {
  /** Links for the sessions an article reports on. Article pages are cached: any accepted change drops them. */
  sessionLinks: (db: Kysely<DB>, sessionIds: readonly number[]) => Promise<SessionLink[]>;
  unitParts: readonly UnitPortalPart[];
}

export const NO_PORTAL_EXTENSIONS: PortalExtensions = {
  sessionLinks: async () => [],
  unitParts: [],
};
