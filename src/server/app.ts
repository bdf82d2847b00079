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
import { frameworkErrors, registerErrorHandler } from './http/error-handler';
import { validatorCompiler } from './http/validation';
import { lazySchemas, type LazySchemas } from './http/lazy-schemas';
import { componentName, registerNamedSchemas, shareErrorResponse } from './http/named-schemas';
import { registerSecurityHooks, CSRF_HEADER } from './http/security';
import { AdmissionQueue, admissionLimits, registerAdmission } from './http/admission';
import { registerModules } from './modules/index';

export interface BuildOptions {
  logger?: boolean;
}

const schemaCompilation = new WeakMap<object, LazySchemas>();

/**
 * Compiles the route schemas no request has needed yet (http/lazy-schemas.ts): main.ts once the
 * server listens, route-schemas.routes.test.ts for all of them. Throws on a schema that does not compile.
 */
export function compilePendingSchemas(app: App): Promise<number> {
  return schemaCompilation.get(app)?.compilePending() ?? Promise.resolve(0);
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const schemas = lazySchemas();
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: schemas.buildSerializer } },
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        }
      : false,
    // X-Forwarded-For only from the configured proxies: otherwise a client would choose the address
    // that login throttling counts and the audit log records.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    frameworkErrors,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemas.validator(validatorCompiler));
  schemaCompilation.set(app, schemas);
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
  await app.register(
    async (api) => {
      // Compressed on the fly: what the API answers (and its docs page). The web app's files are
      // compressed once at build and sent as files (serveWeb), never compressed twice.
      await api.register(compress, { global: true, threshold: 1024 });
      await api.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
      await api.register(registerModules);
    },
    { prefix: '/api' },
  );
  serveWeb(app, deps.config.webDir);
  return app;
}

/** Vite's output folder of content-hashed files: a new build gives them new names. */
const HASHED_DIR = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidated at every use (ETag / Last-Modified, a 304 when unchanged): the entry point of a deploy. */
export const REVALIDATE = 'no-cache';

/**
 * The built web app: hashed assets cached for a year, everything else (index.html, the app shell of
 * client routes, any unhashed file) revalidated at every use so a deploy is seen at once. Files are
 * sent as their brotli or gzip copy made at build (scripts/precompress.ts) when the browser accepts
 * it, with Vary: Accept-Encoding.
 */
function serveWeb(app: App, webDir: string): void {
  const indexFile = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Giao diện web chưa được xây dựng: chạy "npm run build".'),
    );
    return;
  }
  const hashedPrefix = path.join(webDir, HASHED_DIR) + path.sep;
  void app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The .br and .gz copies are chosen by Accept-Encoding, not addressed on their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.startsWith(hashedPrefix) ? IMMUTABLE : REVALIDATE);
    },
  });
  // Client-side routes all get the app shell.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api')) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ API này' } });
    }
    // A missing script or style (an old page after a new deploy) must fail as such, not as the app shell.
    if (request.url.startsWith(`/${HASHED_DIR}/`)) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy tệp' } });
    }
    return reply.sendFile('index.html');
  });
}
