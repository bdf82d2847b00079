// buildApp: the whole HTTP application, without listening. Tests use app.inject().
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { App, AppDeps } from './http/context';
import { registerErrorHandler } from './http/error-handler';
import { validatorCompiler } from './http/validation';
import { componentName, registerNamedSchemas, shareErrorResponse } from './http/named-schemas';
import { registerSecurityHooks, CSRF_HEADER } from './http/security';
import { AdmissionQueue, admissionLimits, registerAdmission } from './http/admission';
import { registerModules } from './modules/index';

export interface BuildOptions {
  logger?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        }
      : false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('deps', deps);

  // Served over plain HTTP on a LAN address by default: asking the browser to upgrade every asset
  // to https (or to remember HSTS) would leave a blank page. Both only behind HTTPS.
  const https = deps.config.session.secureCookie;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  await app.register(cookie);
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    // Named schemas appear in components.schemas under their $id, the error answer once in
    // components.responses (http/named-schemas.ts).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => componentName(json, i) },
    transformObject: (document) =>
      'openapiObject' in document ? shareErrorResponse(document.openapiObject) : document.swaggerObject,
    openapi: {
      info: {
        title: 'Phối hợp API',
        version: '0.1.0',
        description: 'API của hệ thống Phối hợp. Ghi cần phiên đăng nhập (cookie) và tiêu đề X-CSRF-Token.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'phoihop_session' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  // Show each route's permission in the OpenAPI document.
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    // Fastify adds a HEAD route sharing each GET's schema object: describe it once.
    if (route.method === 'HEAD') return;
    if (permission && route.schema) {
      const schema = route.schema as { description?: string };
      schema.description = `${schema.description ? `${schema.description}\n\n` : ''}Quyền cần có: \`${permission}\``;
    }
  });

  registerErrorHandler(app);
  // Before the session hook: looking the session up already uses the database.
  registerAdmission(app, new AdmissionQueue(admissionLimits(deps.config.admission, deps.database)));
  registerSecurityHooks(app);
  registerNamedSchemas(app);
  await app.register(registerModules, { prefix: '/api' });
  serveWeb(app, deps.config.webDir);
  return app;
}

function serveWeb(app: App, webDir: string): void {
  const indexFile = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Giao diện web chưa được xây dựng: chạy "npm run build:web".'),
    );
    return;
  }
  void app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'], maxAge: '1h' });
  // Client-side routes all get the app shell.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api')) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ API này' } });
    }
    // A missing script or style (an old page after a new deploy) must fail as such, not as the app shell.
    if (request.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy tệp' } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
