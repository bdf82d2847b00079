import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { validatorCompiler } from './validation';
import { registerErrorHandler } from './error-handler';
import { IsoDate } from './schemas';
import type { App } from './context';

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

async function limits(payload: Record<string, unknown>, query = '') {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandler(app as unknown as App);
  app.post(
    '/x/:id',
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          at: Type.Optional(IsoDate),
          q: Type.Optional(Type.String()),
          big: Type.Optional(Type.String({ pattern: '^\\d+$' })),
        }),
        body: Type.Object({
          n: Type.Optional(Type.Integer()),
          small: Type.Optional(Type.Integer({ minimum: 1, maximum: 32767 })),
          x: Type.Optional(Type.Number()),
          name: Type.Optional(Type.String({ maxLength: 50 })),
          items: Type.Optional(Type.Array(Type.Object({ title: Type.Union([Type.String(), Type.Null()]) }))),
          on: Type.Optional(Type.String({ format: 'date' })),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  const res = await app.inject({ method: 'POST', url: `/x/${query}`, payload });
  return { status: res.statusCode, field: (res.json() as { error?: { field?: string } }).error?.field };
}

describe('input limits on every schema (http/input-limits.ts)', () => {
  it('bounds integers without their own bounds to int4, in path, query and body', async () => {
    expect(await limits({}, '99999999999999999999')).toMatchObject({ status: 400, field: 'id' });
    expect(await limits({}, '2147483648')).toMatchObject({ status: 400, field: 'id' });
    expect(await limits({ n: 1e300 }, '1')).toMatchObject({ status: 400, field: 'n' });
    expect(await limits({ n: -2147483649 }, '1')).toMatchObject({ status: 400, field: 'n' });
    expect(await limits({ x: 1e308 }, '1')).toMatchObject({ status: 400, field: 'x' });
    expect(await limits({ n: 2147483647, small: 32767, x: 1.5 }, '2147483647')).toEqual({ status: 200 });
  });
  it('keeps a schema’s own bounds', async () => {
    expect(await limits({ small: 32768 }, '1')).toMatchObject({ status: 400, field: 'small' });
  });
  it('refuses U+0000 and lone surrogates in any string, keeps Vietnamese and emoji', async () => {
    expect(await limits({}, '1?q=%00')).toMatchObject({ status: 400, field: 'q' });
    expect(await limits({ name: 'a\u0000b' }, '1')).toMatchObject({ status: 400, field: 'name' });
    expect(await limits({ items: [{ title: 'x\uD800' }] }, '1')).toMatchObject({ status: 400, field: 'items.0.title' });
    expect(await limits({ name: '\uDC00' }, '1')).toMatchObject({ status: 400, field: 'name' });
    expect(await limits({ name: 'Hội Liên hiệp Phụ nữ 👩‍🌾', items: [{ title: null }] }, '1?q=Điện%20Biên')).toEqual({
      status: 200,
    });
  });
  it('takes only real calendar days in 1900–2100 as dates', async () => {
    for (const at of ['2022-02-30', '0000-01-01', '2023-02-29', '1899-12-31', '2101-01-01', '2022-13-01', '2022-1-01'])
      expect(await limits({}, `1?at=${at}`), at).toMatchObject({ status: 400, field: 'at' });
    expect(await limits({ on: '2022-04-31' }, '1')).toMatchObject({ status: 400, field: 'on' });
    expect(await limits({ on: '2024-02-29' }, '1?at=1900-01-01')).toEqual({ status: 200 });
    expect(await limits({}, '1?at=2100-12-31&big=99999999999999999999')).toEqual({ status: 200 });
  });
});
