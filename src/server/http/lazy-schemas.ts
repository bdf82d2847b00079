// Route schemas compiled when first used instead of all at start. Fastify compiles every route's
// response serializer (fast-json-stringify) and request validator (Ajv) before it listens: with
// this API's schemas that was most of a restart (issue 13, bench/start.ts). Here each compiled
// function is made at its route's first request, or earlier by compilePendingSchemas, which main.ts
// runs in the background once the server listens; route-schemas.routes.test.ts compiles them all,
// so a schema that does not compile still fails the tests as it did at start.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler } from 'fastify';

type Compile = () => void;

const SLICE_MS = 20;

export interface LazySchemas {
  /** For Fastify's `schemaController.compilersFactory.buildSerializer`. */
  buildSerializer: ReturnType<typeof SerializerSelector>;
  /** Wraps a validator compiler so that each validator is compiled at first use. */
  validator(compiler: FastifySchemaCompiler<object>): FastifySchemaCompiler<object>;
  /** Compiles what no request has needed yet, yielding to requests every few milliseconds. Returns how many. */
  compilePending(): Promise<number>;
}

export function lazySchemas(): LazySchemas {
  const pending = new Set<Compile>();

  function lazy<F>(compile: () => F): { get(): F } {
    let compiled: F | undefined;
    const run: Compile = () => {
      pending.delete(run);
      compiled ??= compile();
    };
    pending.add(run);
    return {
      get() {
        if (compiled === undefined) run();
        return compiled!;
      },
    };
  }

  const eager = SerializerSelector();
  const buildSerializer: LazySchemas['buildSerializer'] = (externalSchemas, options) => {
    const compile = eager(externalSchemas, options);
    return (route) => {
      const serializer = lazy(() => compile(route));
      return (data: unknown) => serializer.get()(data);
    };
  };

  return {
    buildSerializer,
    validator(compiler) {
      return (route) => {
        const validator = lazy(() => compiler(route) as ((data: unknown, ctx?: unknown) => unknown) & object);
        const wrapper = (data: unknown, ctx?: unknown) => {
          const inner = validator.get();
          const result = inner(data, ctx);
          (wrapper as { errors?: unknown }).errors = (inner as { errors?: unknown }).errors;
          return result;
        };
        // Fastify passes the parent object (so Ajv can coerce a whole request part) only to
        // functions that carry Ajv's schemaEnv.
        Object.defineProperty(wrapper, 'schemaEnv', {
          get: () => (validator.get() as { schemaEnv?: unknown }).schemaEnv,
        });
        return wrapper as ReturnType<FastifySchemaCompiler<object>>;
      };
    },
    async compilePending() {
      let count = 0;
      let slice = performance.now();
      for (const compile of [...pending]) {
        compile();
        count++;
        // Requests answered meanwhile wait at most one slice.
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      return count;
    },
  };
}
