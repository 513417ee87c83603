/** Kysely table types of working sessions, conclusions, directives and proposals; merged into `DB`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the sessions module
export interface SessionsTables {}
