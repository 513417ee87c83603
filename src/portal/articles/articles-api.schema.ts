import { AppError } from "../../core/http/errors.js";

/** Pieces shared by the articles API's route files. */

/** Service field errors name input fields (`title`); API clients get request paths (`body.title`). */
export async function withBodyPaths<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const fields = Object.fromEntries(
        Object.entries(error.fields).map(([key, message]) => [
          key.startsWith("body.") ? key : `body.${key}`,
          message,
        ]),
      );
      throw new AppError(error.status, error.code, error.message, fields);
    }
    throw error;
  }
}
