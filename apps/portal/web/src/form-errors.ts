import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api';

export interface PlacedErrors {
  /** At least one server message landed on a field of the form. */
  placed: boolean;
  /** Messages for fields the form does not have (shown with the form's alert). */
  unplaced: string[];
}

/**
 * Puts the server's `fields` messages (already in the user's language) on the form's own fields. `aliases`
 * maps server field names to form field names where they differ (e.g. phone → mobilePhone).
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  formFields: readonly Path<T>[],
  aliases: Partial<Record<string, Path<T>>> = {},
): PlacedErrors {
  const result: PlacedErrors = { placed: false, unplaced: [] };
  if (!(error instanceof ApiError) || !error.fields) return result;
  for (const [serverName, message] of Object.entries(error.fields)) {
    const target = aliases[serverName] ?? (formFields as readonly string[]).find((f) => f === serverName);
    if (target) {
      setError(target as Path<T>, { type: 'server', message }, { shouldFocus: !result.placed });
      result.placed = true;
    } else result.unplaced.push(message);
  }
  return result;
}
