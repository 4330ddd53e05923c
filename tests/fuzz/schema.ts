import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.0 flavour) that fastify-type-provider-zod emits. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
}

/**
 * Real values for a field, by its name (`questionId`, `email`, `version`…), so that generated
 * requests reach the handlers instead of stopping at "not found". Undefined: no hint.
 */
export type Hints = (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/**
 * A marker for "a value nested `depth` levels deep", expanded only when the request is serialised:
 * fast-check then prints and shrinks a tiny object instead of a 5,000-level one.
 */
export interface Deep {
  $deep: number;
  kind: 'array' | 'object';
}
export const isDeep = (v: unknown): v is Deep =>
  typeof v === 'object' && v !== null && typeof (v as Deep).$deep === 'number' && Object.keys(v).length === 2;

/** The JSON text of a generated value, with every {@link Deep} marker expanded. */
export function toJson(value: unknown): string {
  if (isDeep(value)) {
    const [open, close] = value.kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
    return open.repeat(value.$deep) + '1' + close.repeat(value.$deep);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
    return `{${parts.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  // -0 is kept as written: JSON.stringify would print "0".
  if (Object.is(value, -0)) return '-0';
  return JSON.stringify(value) ?? 'null';
}

const LONG = 10_000;
/** Strings that have broken servers before: NUL, lone surrogates, encodings, traversal, sizes. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'before\u0000after',
  '\ud800',
  'lone \udfff surrogate',
  '\udfff\ud800',
  '%',
  '%zz',
  '%00',
  '%E0%A4%A',
  '../../../etc/passwd',
  '..%2F..%2Fetc',
  '\u202eRTL override\u202c',
  'مرحبا بالعالم',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'a\r\nSet-Cookie: x=1',
  '',
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'true',
  '__proto__',
  'constructor',
  '\\',
  '"',
  '\ufeff',
  '\u200b\u200d',
  'x'.repeat(LONG),
  'a_'.repeat(LONG / 2),
  'é'.repeat(LONG),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  -0,
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
];

/** Any hostile value: a string, number, wrong type, or something nested thousands of levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { '': '' }), weight: 2 },
  {
    arbitrary: fc.record({
      $deep: fc.constantFrom(5000, 64),
      kind: fc.constantFrom('array' as const, 'object' as const),
    }),
    weight: 1,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** Ordinary words with one invisible troublemaker pasted in: NUL, a lone surrogate, a BOM, RTL. */
export const pastedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.lorem({ maxCount: 6 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufeff', '\u202e', '\u0007', '\uffff'),
    fc.nat(40),
  )
  .map(([words, c, at]) => words.slice(0, at) + c + words.slice(at));

const isUuidSchema = (s: JsonSchema) => s.format === 'uuid';
const DATE_MIN = new Date('1970-01-01T00:00:00Z');
const DATE_MAX = new Date('2100-01-01T00:00:00Z');

/** Ordinary text of the given bounds: words, any graphemes, and the exact bounds. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, 120);
  const options: fc.WeightedArbitrary<string>[] = [
    {
      arbitrary: fc
        .lorem({ maxCount: 12, mode: 'words' })
        .map((s) => s.slice(0, max))
        .filter((s) => s.length >= min),
      weight: 5,
    },
    { arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, cap) }), weight: 3 },
    {
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(cap, 30)) })
        .filter((s) => s.length <= max),
      weight: 2,
    },
    { arbitrary: fc.constant('a'.repeat(Math.max(min, 1)).slice(0, Math.max(max, min))), weight: 1 },
    { arbitrary: pastedText.filter((t) => t.length >= min && t.length <= max), weight: 1 },
  ];
  if (Number.isFinite(max) && max <= 100_000) options.push({ arbitrary: fc.constant('m'.repeat(max)), weight: 1 });
  return fc.oneof(...options);
}

function patterned(pattern: string, min: number, max: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length >= min && s.length <= max);
  } catch {
    return text(min, max);
  }
}

export function resolveRef(schema: JsonSchema, root: { components?: { schemas?: Record<string, JsonSchema> } }) {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.split('/').pop() ?? '';
    s = root.components?.schemas?.[name] ?? {};
  }
  return s;
}

/** Values the schema accepts (as far as JSON Schema can say), with real values mixed in by name. */
export function validValue(
  schema: JsonSchema,
  name: string,
  hints: Hints,
  depth = 0,
  /** Real values only, where there are hints: requests that pass the domain checks too. */
  strict = false,
): fc.Arbitrary<unknown> {
  // An array's name hints at its items (`tags`, `ids`), never at the array itself.
  const hint = schema.type === 'array' ? undefined : hints(name, schema);
  const generic = genericValid(schema, name, hints, depth, strict);
  const base = hint
    ? strict
      ? hint
      : fc.oneof({ arbitrary: hint, weight: 4 }, { arbitrary: generic, weight: 1 })
    : generic;
  return schema.nullable ? fc.option(base, { nil: null, freq: 6 }) : base;
}

function genericValid(schema: JsonSchema, name: string, hints: Hints, depth: number, strict: boolean) {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, name, hints, depth, strict)));
  if (schema.allOf?.length)
    return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, name, hints, depth, strict);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 20_000;
      if (isUuidSchema(schema)) return fc.uuid({ version: 4 });
      if (schema.format === 'date-time') {
        return fc.date({ min: DATE_MIN, max: DATE_MAX, noInvalidDate: true }).map((d) => d.toISOString());
      }
      if (schema.format === 'email') return fc.stringMatching(/^[a-z]{1,12}\.[a-z]{1,8}@example\.(org|com)$/);
      if (schema.format === 'binary') return fc.constant('');
      if (schema.pattern) return patterned(schema.pattern, min, max);
      return text(min, max);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const lo = Math.max(min, -(2 ** 31));
      const hi = Math.min(max, 2 ** 31 - 1);
      const ints = fc.oneof(
        { arbitrary: fc.integer({ min: lo, max: Math.max(lo, Math.min(hi, lo + 1000)) }), weight: 4 },
        { arbitrary: fc.integer({ min: lo, max: hi }), weight: 1 },
        { arbitrary: fc.constantFrom(min, max), weight: 1 },
      );
      return type === 'integer' ? ints : fc.oneof(ints, fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const maxItems = Math.min(schema.maxItems ?? 4, 4);
      const minItems = Math.min(schema.minItems ?? 0, maxItems);
      const arr = fc.array(validValue(items, name, hints, depth + 1, strict), {
        minLength: minItems,
        maxLength: maxItems,
      });
      return items.enum ? arr.map((a) => [...new Set(a)]).filter((a) => a.length >= minItems) : arr;
    }
    case 'object':
      return objectValue(schema, hints, depth, strict);
    case 'null':
      return fc.constant(null);
    default:
      if (schema.properties) return objectValue(schema, hints, depth, strict);
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValue(schema: JsonSchema, hints: Hints, depth: number, strict: boolean): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, s] of Object.entries(props)) model[key] = validValue(s, key, hints, depth + 1, strict);
  return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
}

/** A value of the wrong type (or out of bounds) for this schema. */
export function wrongValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const out: fc.Arbitrary<unknown>[] = [hostileValue];
  if (type === 'string') {
    const max = schema.maxLength;
    const min = schema.minLength ?? 0;
    if (max !== undefined && max < 200_000) out.push(fc.constant('y'.repeat(max + 1)));
    if (min > 0) out.push(fc.constant('y'.repeat(min - 1)));
    out.push(fc.integer(), fc.constant(['a']));
  } else if (type === 'integer' || type === 'number') {
    if (schema.maximum !== undefined) out.push(fc.constant(schema.maximum + 1));
    if (schema.minimum !== undefined) out.push(fc.constant(schema.minimum - 1));
    out.push(fc.constantFrom('1', '1e3', 'NaN', '-0', 1.5, 1e308));
  } else if (type === 'array') {
    if (schema.maxItems !== undefined && schema.maxItems <= 1000) {
      out.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, (_, i) => `item-${i}`)));
    }
    out.push(fc.constant('not an array'), fc.constant([[[]]]));
  } else if (type === 'boolean') {
    out.push(fc.constantFrom('true', 0, 1, 'yes'));
  }
  return fc.oneof(...out);
}

/** One edit that makes a valid value near-valid. */
export type Mutation =
  | { kind: 'drop'; key: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'at'; index: number; value: unknown }
  | { kind: 'replace'; value: unknown };

export function mutationArb(schema: JsonSchema): fc.Arbitrary<Mutation> {
  const props = Object.entries(schema.properties ?? {});
  const options: fc.WeightedArbitrary<Mutation>[] = [
    {
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', '', '\u0000', 'id', 'role'), fc.string()),
        value: hostileValue,
      }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant('at' as const), index: fc.nat(50), value: hostileValue }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), value: hostileValue }), weight: 1 },
  ];
  if (schema.required?.length) {
    options.push({
      arbitrary: fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...schema.required) }),
      weight: 1,
    });
  }
  const strings = props.filter(([, s]) => s.type === 'string' && !s.enum && !s.format);
  if (strings.length) {
    // Text fields get hostile text often: it is where a NUL or a lone surrogate reaches the database.
    options.push({
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        key: fc.constantFrom(...strings.map(([k]) => k)),
        value: fc.oneof(
          { arbitrary: fc.constantFrom('\u0000', 'before\u0000after', '\ud800', 'lone \udfff surrogate'), weight: 2 },
          { arbitrary: pastedText, weight: 2 },
          { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 1 },
        ),
      }),
      weight: 4,
    });
  }
  if (props.length) {
    options.push({
      arbitrary: fc
        .constantFrom(...props)
        .chain(([key, s]) =>
          fc.record({ kind: fc.constant('set' as const), key: fc.constant(key), value: wrongValue(s) }),
        ),
      weight: 2,
    });
  }
  return fc.oneof(...options);
}

/** Replaces the `index`-th node (depth first, wrapping round) of a JSON value. */
function replaceAt(value: unknown, index: number, replacement: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        nodes.push({ parent: v, key: i });
        walk(c);
      });
    } else if (v && typeof v === 'object' && !isDeep(v)) {
      for (const [k, c] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(c);
      }
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (!nodes.length) return replacement;
  const n = nodes[index % nodes.length];
  if (n) (n.parent as Record<string | number, unknown>)[n.key] = replacement;
  return copy;
}

export function applyMutation(value: unknown, m: Mutation): unknown {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  switch (m.kind) {
    case 'drop':
      delete (obj as Record<string, unknown>)[m.key];
      return obj;
    case 'extra':
      // defineProperty: a "__proto__" key must become an own key, as JSON.parse would make it.
      Object.defineProperty(obj, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return obj;
    case 'set':
      return { ...obj, [m.key]: m.value };
    case 'at':
      return replaceAt(value, m.index, m.value);
    case 'replace':
      return m.value;
  }
}
