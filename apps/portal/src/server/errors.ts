/**
 * An error the API reports as `{ error: { code, message, fields } }`. The message is translated at reply time
 * into the request's language from the code and params; `fields` maps a field path to its own message code.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
