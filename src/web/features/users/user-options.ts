// The choices a user form offers: roles. (Agencies and provinces are reference data: lib/reference.ts.)
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/permissions';
import type * as ApiTypes from '../../api/types';
import type { Lang } from '../../i18n/I18nProvider';

export type UserView = ApiTypes.UserView;

export function roleOptions(lang: Lang): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][lang] }));
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}
