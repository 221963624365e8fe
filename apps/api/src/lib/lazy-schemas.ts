import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify compiles every route's validators (ajv) and response serializers (fast-json-stringify) when the
 * app gets ready: that was ~40% of building the app, for routes the first request does not call. These
 * are Fastify's own compilers, wrapped so each schema compiles on its route's first use instead; after
 * `listen` the rest compile in the background, one per turn of the event loop (`warmUp`), and a test
 * compiles them all (`compileAll`) so a broken schema still fails the suite.
 */
export interface LazySchemas {
  options: NonNullable<FastifyServerOptions['schemaController']>;
  /** Schemas wrapped and not compiled yet (HEAD routes' aside). */
  pending(): number;
  /** Compiles what is left now (throws the first compile error). */
  compileAll(): void;
  /** Compiles what is left one at a time, yielding to requests between each; `onError` gets failures. */
  warmUp(onError: (error: unknown) => void): void;
  /** Ends the warm-up (the app closes). */
  stop(): void;
}

type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;

export function lazySchemas(): LazySchemas {
  const waiting = new Set<() => void>();
  let stopped = false;
  const validators = AjvCompiler();
  const serializers = SerializerSelector();

  // HEAD routes (Fastify adds one per GET, with its schemas) are left out of the warm-up: rarely called.
  function lazy<F>(compile: () => F, method: string | undefined): { get: () => F } {
    let compiled: F | undefined;
    const force = () => {
      waiting.delete(force);
      compiled ??= compile();
    };
    if (method !== 'HEAD') waiting.add(force);
    return {
      get: () => {
        if (compiled === undefined) force();
        return compiled as F;
      },
    };
  }

  return {
    options: {
      compilersFactory: {
        buildValidator(externalSchemas, ajvOptions) {
          const compileNow = validators(externalSchemas as never, ajvOptions as never);
          return (definition) => {
            if (definition.httpPart === 'headers') assertLowercaseNames(definition.schema, definition.url);
            const target = lazy(
              () => compileNow(definition as never) as unknown as Validate,
              definition.method,
            );
            const validate: Validate = (data, context) => {
              const compiled = target.get();
              const result = compiled(data, context);
              validate.errors = compiled.errors;
              return result;
            };
            // Fastify hands an ajv function (which has `schemaEnv`) the parent object, so that coercion
            // and defaults can replace a whole request part; every function built here is ajv's.
            validate.schemaEnv = true;
            return validate as never;
          };
        },
        buildSerializer(externalSchemas, serializerOptions) {
          const compileNow = serializers(externalSchemas as never, serializerOptions as never);
          return (definition) => {
            const target = lazy(() => compileNow(definition as never) as Serialize, definition.method);
            return ((data: unknown) => target.get()(data)) as never;
          };
        },
      },
    },
    pending: () => waiting.size,
    compileAll() {
      for (const force of [...waiting]) force();
    },
    warmUp(onError) {
      const step = () => {
        const next = waiting.values().next();
        if (next.done || stopped) return;
        try {
          next.value();
        } catch (error) {
          waiting.delete(next.value);
          onError(error);
        }
        // A referenced immediate: an unreferenced one waits for the next I/O event to run.
        setImmediate(step);
      };
      setImmediate(step);
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * With a compiler of its own, Fastify no longer lowercases a headers schema's property names (Node gives
 * every header name in lowercase): such a schema must name them in lowercase itself.
 */
function assertLowercaseNames(schema: unknown, url: string | undefined) {
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { properties, required } = node as { properties?: Record<string, unknown>; required?: unknown };
    const names = [...Object.keys(properties ?? {}), ...(Array.isArray(required) ? required : [])];
    const upper = names.find((name) => typeof name === 'string' && name !== name.toLowerCase());
    if (upper !== undefined)
      throw new Error(`the headers schema of ${url} names "${upper}": header names must be lowercase`);
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
}
