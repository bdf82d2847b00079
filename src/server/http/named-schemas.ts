// Named API schemas: a shared view is written once in the OpenAPI document (components.schemas)
// and every route points at it with a $ref, so the spec and the web's generated types stay small
// and the web imports each view by name (src/web/api/types.ts).
//
// To add a named view, in its *.schemas.ts:
//   export const PlanView = named('PlanView', Type.Object({ ... }));
//   export type PlanView = Static<typeof PlanView>;
// then use PlanView in route schemas as before and run `npm run gen:api`. `named` returns a
// `{ $ref: 'PlanView' }` schema typed as the view, so handlers keep their inferred types; the full
// schema is registered on the app (app.addSchema, by registerNamedSchemas in app.ts), where
// serialization (fast-json-stringify), validation (http/validation.ts) and @fastify/swagger find it.
// A name is unique across the API: name a view for what it is (`PolicyReviewView`, not `ReviewView`
// in two modules). Spread a view's `.properties` from the unnamed object it was built from, never
// from the reference `named` returns.
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import type { App } from './context';

const registry = new Map<string, TSchema & { $id: string }>();

/** Registers `schema` under `id` and returns a reference to it, typed as the schema. */
export function named<T extends TSchema>(id: string, schema: T): TUnsafe<Static<T>> {
  if (registry.has(id)) throw new Error(`Two API schemas are named ${id}: give one another name`);
  registry.set(id, { ...schema, $id: id });
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/** Every named schema, in the order they were declared. */
export function namedSchemas(): ReadonlyArray<TSchema & { $id: string }> {
  return [...registry.values()];
}

/** Makes the named schemas known to the app; call before registering routes. */
export function registerNamedSchemas(app: App): void {
  for (const schema of registry.values()) app.addSchema(schema);
}

/** The name @fastify/swagger gives a schema in components.schemas: its $id for a named one. */
export function componentName(json: { $id?: unknown }, index: number): string {
  return typeof json.$id === 'string' ? json.$id : `def-${index}`;
}

const ERROR_SCHEMA_REF = '#/components/schemas/ErrorResponse';
const ERROR_RESPONSE = {
  description: 'Lỗi: `{ error: { code, message, field? } }`',
  content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
};

function isPlainErrorResponse(response: unknown): boolean {
  const { description, content, ...rest } = (response ?? {}) as Record<string, unknown>;
  const media = content as Record<string, { schema?: { $ref?: unknown } } | undefined> | undefined;
  return (
    description === 'Default Response' &&
    Object.keys(rest).length === 0 &&
    media !== undefined &&
    Object.keys(media).length === 1 &&
    media['application/json']?.schema?.$ref === ERROR_SCHEMA_REF &&
    Object.keys(media['application/json'].schema).length === 1
  );
}

/**
 * Every error answer of every operation is the same response: write it once, in
 * components.responses, and refer to it (about 800 error entries in the document).
 */
export function shareErrorResponse<T extends { paths?: object; components?: object }>(document: T): T {
  let shared = false;
  for (const pathItem of Object.values(document.paths ?? {}) as Array<Record<string, unknown>>) {
    for (const operation of Object.values(pathItem) as Array<{ responses?: Record<string, unknown> }>) {
      const responses = operation?.responses;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (!isPlainErrorResponse(response)) continue;
        responses[status] = { $ref: '#/components/responses/ErrorResponse' };
        shared = true;
      }
    }
  }
  if (!shared) return document;
  return { ...document, components: { ...document.components, responses: { ErrorResponse: ERROR_RESPONSE } } };
}
