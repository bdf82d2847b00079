import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { validatorCompiler } from './validation';

async function echo(body: unknown, query = '') {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.post(
    '/x',
    {
      schema: {
        querystring: Type.Object({ n: Type.Optional(Type.Integer()) }),
        body: Type.Object({
          a: Type.Union([Type.Integer(), Type.Null()]),
          c: Type.Union([Type.String(), Type.Null()]),
        }),
      },
    },
    async (req) => ({ body: req.body, query: req.query }),
  );
  return app.inject({ method: 'POST', url: `/x${query}`, payload: body as Record<string, unknown> });
}

describe('request validation', () => {
  it('keeps a null in a JSON body as null instead of coercing it to 0 or ""', async () => {
    const res = await echo({ a: null, c: null });
    expect(res.json().body).toEqual({ a: null, c: null });
  });
  it('refuses a number sent as text in a JSON body', async () => {
    expect((await echo({ a: '12', c: null })).statusCode).toBe(400);
  });
  it('still reads numbers from the query string', async () => {
    expect((await echo({ a: 1, c: 'x' }, '?n=5')).json().query).toEqual({ n: 5 });
  });
});
