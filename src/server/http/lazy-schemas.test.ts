// Schemas compiled at first use behave as the ones Fastify compiles at start: coercion of query
// strings, 400s naming the field, responses serialized by their schema; compilePending compiles
// the rest and fails on a schema that does not compile.
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { lazySchemas } from './lazy-schemas';
import { validatorCompiler } from './validation';

function appWith(
  responseSchema: object = Type.Object({ n: Type.Integer(), a: Type.Union([Type.Integer(), Type.Null()]) }),
) {
  const schemas = lazySchemas();
  const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: schemas.buildSerializer } } });
  app.setValidatorCompiler(schemas.validator(validatorCompiler));
  app.post(
    '/x',
    {
      schema: {
        querystring: Type.Object({ n: Type.Integer() }),
        body: Type.Object({ a: Type.Union([Type.Integer(), Type.Null()]) }),
        response: { 200: responseSchema },
      },
    },
    async (req) => ({ ...(req.query as object), ...(req.body as object), secret: 'not in the schema' }),
  );
  return { app, schemas };
}

describe('lazily compiled schemas', () => {
  it('validate, coerce and serialize as the eager ones', async () => {
    const { app, schemas } = appWith();
    await app.ready();
    const ok = await app.inject({ method: 'POST', url: '/x?n=5', payload: { a: null } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ n: 5, a: null });

    const bad = await app.inject({ method: 'POST', url: '/x?n=5', payload: { a: 'một' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('body/a');
    const badQuery = await app.inject({ method: 'POST', url: '/x?n=năm', payload: { a: 1 } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toContain('querystring/n');
    // Everything this route needs was compiled by its requests.
    expect(await schemas.compilePending()).toBe(0);
  });

  it('are not compiled before they are needed, and compilePending compiles them all', async () => {
    const { app, schemas } = appWith();
    await app.ready();
    // Querystring and body validators, the 200 serializer.
    expect(await schemas.compilePending()).toBe(3);
    expect(await schemas.compilePending()).toBe(0);
    const ok = await app.inject({ method: 'POST', url: '/x?n=1', payload: { a: 2 } });
    expect(ok.json()).toEqual({ n: 1, a: 2 });
  });

  it('compilePending fails on a schema that does not compile', async () => {
    const { app, schemas } = appWith({ $ref: 'Nowhere#' });
    await app.ready();
    await expect(schemas.compilePending()).rejects.toThrow();
  });
});
