import { ConfigError } from "./config.js";

/**
 * Runs a command's body; a configuration problem (bad setting, unreachable database) ends the
 * process with one readable line instead of a stack trace.
 */
export async function runOrExit(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`giaoban: ${error.message}`);
      process.exit(1);
    }
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      console.error(`giaoban: port already in use (${(error as Error).message}); set PORT to another port`);
      process.exit(1);
    }
    throw error;
  }
}
