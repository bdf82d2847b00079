// Request-level glue: the actor on each request, the generic permission check, the service context.
import type {
  FastifyInstance,
  FastifyRequest,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Permission } from '../../shared/permissions';
import type { Clock, ServiceContext } from '../access/actor';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { SessionActor } from '../modules/auth/auth.service';
import { unauthorized } from './errors';
import type { AdmissionQueue } from './admission';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
  interface FastifyContextConfig {
    /** Required permission; checked by one hook for every route. */
    permission?: Permission;
    /** No session needed (login, health, docs). */
    public?: boolean;
    /** false: answers without waiting for a database slot (health); see http/admission.ts. */
    admission?: false;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** The database slots and their queue (http/admission.ts); `stats()` for tests. */
    admission: AdmissionQueue;
  }
}

export function serviceContext(request: FastifyRequest): ServiceContext {
  const actor = request.actor;
  if (!actor) throw unauthorized();
  const { config, database, clock } = request.server.deps;
  return { db: database.db, actor, clock, config, ip: request.ip };
}
