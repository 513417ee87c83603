/** Kysely table types of the portal's editorial workflow, revisions, media library, categories, tags and links of articles; merged into `DB`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the portal module
export interface EditorialTables {}
