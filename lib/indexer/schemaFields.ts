import type { z } from 'zod';

/** One row of a docs table: a field's path in the answer (`samples[].tranches[].id`) and its type in words. */
export interface FieldRow {
  field: string;
  type: string;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  innerType?: z.ZodType;
  entries?: Record<string, string>;
};

const defOf = (schema: z.ZodType): Def => schema.def as unknown as Def;

function isObject(schema: z.ZodType): boolean {
  return defOf(schema).type === 'object';
}

/** A value's type as docs/interfaces.md writes it: wire names (`integer string`, `address`…), `or null`, tuples. */
export function typeName(schema: z.ZodType): string {
  const wire = (schema.meta() as { wire?: unknown } | undefined)?.wire;
  if (typeof wire === 'string') return wire;
  const def = defOf(schema);
  switch (def.type) {
    case 'nullable':
      return `${typeName(def.innerType!)} or null`;
    case 'optional':
      return `${typeName(def.innerType!)}, optional`;
    case 'array':
      return `${typeName(def.element!)}[]`;
    case 'tuple':
      return `[${def.items!.map(typeName).join(', ')}]`;
    case 'enum':
      return Object.values(def.entries!)
        .map((v) => JSON.stringify(v))
        .join(' or ');
    default:
      return def.type;
  }
}

/**
 * Every field of an object schema, depth first in declaration order: an object or an array of objects is a row of
 * its own followed by its fields (`name.field`, `name[].field`).
 */
export function schemaFields(schema: z.ZodType, prefix = ''): FieldRow[] {
  const shape = defOf(schema).shape;
  if (!shape) throw new Error(`schemaFields expects an object schema, got ${defOf(schema).type}`);
  return Object.entries(shape).flatMap(([name, field]) => {
    const path = prefix + name;
    const element = defOf(field).element;
    if (isObject(field)) return [{ field: path, type: 'object' }, ...schemaFields(field, `${path}.`)];
    if (element && isObject(element))
      return [{ field: path, type: 'object[]' }, ...schemaFields(element, `${path}[].`)];
    return [{ field: path, type: typeName(field) }];
  });
}
