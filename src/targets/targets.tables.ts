/** Kysely table types of the targets module; merged into the app-wide `DB` in src/core/db/schema.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the targets module
export interface TargetsTables {}
