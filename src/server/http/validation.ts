// Request validation. Query strings and path parameters arrive as text, so they are coerced to
// the schema's types; JSON bodies are not: coercion would turn a `null` sent for "no agency" into 0
// and a null text into "" (Ajv coerces inside each anyOf branch), silently changing what was sent.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { namedSchemas } from './named-schemas';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

const added = new Map<Ajv, Set<string>>([
  [bodyAjv, new Set()],
  [textAjv, new Set()],
]);

/** Adds the named schemas (http/named-schemas.ts) this Ajv does not know yet, so their $refs resolve. */
function withNamedSchemas(ajv: Ajv): Ajv {
  const ids = added.get(ajv) ?? new Set();
  for (const schema of namedSchemas()) {
    if (ids.has(schema.$id)) continue;
    ajv.addSchema(schema);
    ids.add(schema.$id);
  }
  return ajv;
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  withNamedSchemas(httpPart === 'body' ? bodyAjv : textAjv).compile(schema) as ReturnType<
    FastifySchemaCompiler<object>
  >;
