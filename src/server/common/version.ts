// Optimistic concurrency: a change carries the version the caller read; a row that has moved on
// since is a 409 on the `version` field, with a message that says to reload.
import { conflict } from '../http/errors';

/** Refuses (409) when `current` is not the version the caller read; no check when none was sent. */
export function assertVersion(current: number, expected: number | null | undefined, message: string): void {
  if (expected !== undefined && expected !== null && current !== expected) throw conflict(message, 'version');
}
