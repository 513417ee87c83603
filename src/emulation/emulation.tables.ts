/** Kysely table types of the emulation module; merged into the app-wide `DB` in src/core/db/schema.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the emulation module
export interface EmulationTables {}
