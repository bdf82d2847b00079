// Session cookie → actor, the permission check, and the CSRF check for cookie-authenticated writes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleHas } from '../../shared/permissions';
import { actorFromToken } from '../modules/auth/auth.service';
import { AppError, forbidden, unauthorized } from './errors';
import type { App } from './context';

export const SESSION_COOKIE = 'phoihop_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerSecurityHooks(app: App): void {
  app.decorateRequest('actor', null);
  // onRequest: who you are and what you may do is settled before the body is even read or validated.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // The web app's files and the API documentation are public; everything else under /api needs a session.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token
      ? await actorFromToken({ db: app.deps.database.db, config: app.deps.config, clock: app.deps.clock }, token)
      : null;
    const routeConfig = request.routeOptions.config;
    if (routeConfig.public) return;
    if (!request.actor) throw unauthorized();
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.actor.csrfToken) {
      throw new AppError(403, 'csrf', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)');
    }
    if (routeConfig.permission && !roleHas(request.actor.role, routeConfig.permission)) throw forbidden();
  });
}
