// Drafts of forms being typed, saved on the device as the user types (per user and form), so a
// reload, a closed tab or a restarted phone gives the form back. Removed when the form is saved
// or queued.
import { useEffect, useRef } from 'react';
import { offlineDb, type DraftRow } from './outbox-db';

const draftKey = (userId: number, form: string) => `${userId}:${form}`;

export async function saveDraft(userId: number, form: string, state: unknown): Promise<void> {
  await (
    await offlineDb()
  ).put('drafts', {
    key: draftKey(userId, form),
    userId,
    savedAt: new Date().toISOString(),
    state,
  });
}

export async function loadDraft(userId: number, form: string): Promise<DraftRow | undefined> {
  return (await offlineDb()).get('drafts', draftKey(userId, form));
}

export async function clearDraft(userId: number, form: string): Promise<void> {
  await (await offlineDb()).delete('drafts', draftKey(userId, form));
}

/** Saves `state` as the draft of `form` a moment after each change (not the first, untouched state). */
export function useDraftSaver(userId: number, form: string, state: unknown, delayMs = 400): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void saveDraft(userId, form, state).catch(() => undefined), delayMs);
    return () => clearTimeout(timer);
  }, [userId, form, state, delayMs]);
}
