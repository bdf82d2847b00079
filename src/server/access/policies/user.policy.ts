// Who may do what to a user account. Pure: (actor, record) → allowed actions.
import type { Actor } from '../actor';
import { can } from '../actor';

export type UserAction = 'edit' | 'disable' | 'enable' | 'set_password';

export function userActions(actor: Actor, target: { id: number; disabled: boolean }): UserAction[] {
  if (!can(actor, 'user:manage')) return [];
  const actions: UserAction[] = ['edit', 'set_password'];
  // Nobody locks themselves out; an administrator is disabled by another administrator.
  if (target.id !== actor.userId) actions.push(target.disabled ? 'enable' : 'disable');
  return actions;
}
