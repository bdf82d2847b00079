// Who is asking, and what they may see. Built from the session at the start of each request.
import type { Permission, Role } from '../../shared/permissions';
import { roleHas } from '../../shared/permissions';
import type { Config } from '../config';
import type { Queryable } from '../db/database';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number;
  /** The actor's agency and the agencies under it (central agency → its provincial branches). */
  agencyIds: number[];
  /** National scope sees every province; otherwise only `provinces` (2025 generation codes). */
  nationalScope: boolean;
  provinces: string[];
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every service function receives. Pass a transaction as `db` to run inside it. */
export interface ServiceContext {
  db: Queryable;
  actor: Actor;
  clock: Clock;
  config: Config;
  ip?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleHas(actor.role, permission);
}

/** True when a record in this province is inside the actor's scope. */
export function inProvinceScope(actor: Actor, provinceCode: string | null | undefined): boolean {
  if (actor.nationalScope) return true;
  return provinceCode != null && actor.provinces.includes(provinceCode);
}
