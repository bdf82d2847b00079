// Request validation. Query strings and path parameters arrive as text, so they are coerced to
// the schema's types; JSON bodies are not: coercion would turn a `null` sent for "no agency" into 0
// and a null text into "" (Ajv coerces inside each anyOf branch), silently changing what was sent.
// Every schema compiled here gets the input limits of http/input-limits.ts (integers within int4,
// text without U+0000 or lone surrogates, real dates in 1900–2100) unless it sets its own bounds.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { namedSchemas } from './named-schemas';
import { isRealDate, textKeyword, withInputLimits } from './input-limits';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  // ajv-formats' `date` takes year 0000 and checks the day only against the month's length.
  ajv.addFormat('date', { type: 'string', validate: isRealDate });
  ajv.addKeyword(textKeyword);
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
    ajv.addSchema(withInputLimits(schema));
    ids.add(schema.$id);
  }
  return ajv;
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  withNamedSchemas(httpPart === 'body' ? bodyAjv : textAjv).compile(withInputLimits(schema)) as ReturnType<
    FastifySchemaCompiler<object>
  >;
