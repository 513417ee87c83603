/** Kysely table types of the portal's the search index of articles, satisfaction ratings and view statistics; merged into `DB`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the portal module
export interface SearchTables {}
