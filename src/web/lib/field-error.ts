import { ApiError } from '../api/client';

/** The server's message for this form field ("provinces.0" belongs to "provinces"). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? error.message : undefined;
}

/** True when the error names one of the fields shown, so it is displayed there and not on top. */
export function isFieldError(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => fieldError(error, field) !== undefined);
}
