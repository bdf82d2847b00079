import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { SESSION_COOKIE } from '../../http/security';
import { ErrorResponse } from '../../http/schemas';
import { LoginBody, MeView } from './auth.schemas';
import { login, logout, actorFromToken } from './auth.service';
import { describeActor } from './me.service';

export async function authRoutes(app: App): Promise<void> {
  const deps = () => ({ db: app.deps.database.db, config: app.deps.config, clock: app.deps.clock });

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        security: [],
        body: LoginBody,
        response: {
          200: Type.Object({ user: MeView, csrfToken: Type.String(), expiresAt: Type.String() }),
          401: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const session = await login(deps(), { ...request.body, ip: request.ip });
      const actor = await actorFromToken(deps(), session.token);
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.deps.config.session.secureCookie,
        expires: session.expiresAt,
      });
      return {
        user: await describeActor(app.deps.database.db, actor!, app.deps.clock.now()),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const ctx = serviceContext(request);
      await logout(deps(), request.actor!, ctx.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeView, 401: ErrorResponse } } },
    async (request) => describeActor(app.deps.database.db, request.actor!, app.deps.clock.now()),
  );
}
