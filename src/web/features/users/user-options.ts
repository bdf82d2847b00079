// The choices a user form offers: roles, agencies (as named today), provinces (from 1/7/2025).
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/permissions';
import { api, unwrap, type ResponseOf } from '../../api/client';
import type { Lang } from '../../i18n/I18nProvider';
import { useAsync } from '../../lib/use-async';

export type UserView = ResponseOf<'/api/users/{id}', 'get'>;
export type Agency = ResponseOf<'/api/agencies', 'get'>['items'][number];

export function roleOptions(lang: Lang): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][lang] }));
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

let agencies: Promise<Agency[]> | null = null;

function loadAgencies(): Promise<Agency[]> {
  if (!agencies) {
    agencies = unwrap(api.GET('/api/agencies', { params: { query: { limit: 500 } } })).then((result) => result.items);
    agencies.catch(() => {
      agencies = null;
    });
  }
  return agencies;
}

export function useAgencies() {
  return useAsync(() => loadAgencies(), []);
}
