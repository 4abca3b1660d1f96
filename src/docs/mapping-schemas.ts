/**
 * Component schemas for mappings: `{name}` is a record as read, `{name}.create` a POST body,
 * `{name}.update` a partial PUT body and `{name}.update-keyed` a PUT body naming its record. Nested
 * mappings are pulled in on demand through `$ref`, so cycles between mappings cost nothing.
 */
import { EndpointDef, MappingDef } from '../config/types';
import { ModelFields } from '../mapping/odoo-field-meta';
import { isReadableLine, isWritableLine } from '../mapping/writable-lines';
import { ExampleContext } from './example-values';
import { FieldSchemaContext, SchemaSide, lineValueSchema } from './field-schema';
import { JsonSchema, schemaRef } from './json-schema';

export function componentName(mapping: string, side: SchemaSide): string {
  return side === 'read' ? mapping : `${mapping}.${side}`;
}

const SIDE_DESCRIPTIONS: Record<SchemaSide, string> = {
  read: 'A record as GET returns it',
  create: 'A record to create (POST body)',
  update: 'The keys to change (PUT body)',
};

/**
 * `sale-orders` + create → `SaleOrdersCreate`: titles are what code generators name classes after, so
 * each component gets its own, in PascalCase.
 */
export function schemaTitle(mapping: string, side: SchemaSide): string {
  return pascalCase(side === 'read' ? mapping : `${mapping}-${side}`);
}

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}

export function keyedComponentName(endpoint: string): string {
  return `${endpoint}.update-keyed`;
}

/** The external key that names a record: the identifier line's key, else `id` (the Odoo id). */
export function identifierKey(mapping: MappingDef): string {
  return mapping.identifier?.key ?? 'id';
}

export class MappingSchemas {
  private readonly schemas: Record<string, JsonSchema> = {};
  private readonly pending: Array<{ mapping: MappingDef; side: SchemaSide }> = [];
  /** For schemas outside components (parameters): nested writes follow the same rule. */
  readonly context: FieldSchemaContext;
  /** For example values: the same context, and the nested mappings by name. */
  readonly examples: ExampleContext;

  constructor(
    private readonly mappings: ReadonlyMap<string, MappingDef>,
    private readonly modelFields?: ReadonlyMap<string, ModelFields>,
  ) {
    // Nested objects are validated as creates whatever the outer request is.
    this.context = {
      modelFields,
      nestedRef: (name, side) => this.ref(name, side === 'read' ? 'read' : 'create'),
    };
    this.examples = { schema: this.context, lookup: (name) => mappings.get(name) };
  }

  /** A `$ref` to the mapping's schema for `side`, generating it (and what it nests) later. */
  ref(name: string, side: SchemaSide): JsonSchema | undefined {
    const mapping = this.mappings.get(name);
    if (!mapping) return undefined;
    const component = componentName(name, side);
    if (!(component in this.schemas)) {
      this.schemas[component] = {};
      this.pending.push({ mapping, side });
    }
    return schemaRef(component);
  }

  /** `{endpoint}.update-keyed`: the update body plus the identifier key, which it must carry. */
  keyedUpdateRef(endpoint: EndpointDef): JsonSchema {
    const name = keyedComponentName(endpoint.name);
    if (!(name in this.schemas)) {
      const key = identifierKey(endpoint);
      const schema = this.objectSchema(endpoint, 'update', endpoint.unknownKeys === 'reject');
      const properties = schema.properties as Record<string, JsonSchema>;
      properties[key] ??= { type: 'integer', minimum: 1, description: 'Odoo database id of the record' };
      const title = `${schemaTitle(endpoint.name, 'update')}Keyed`;
      const description = `A PUT body naming its record by \`${key}\` (Odoo model ${endpoint.model})`;
      this.schemas[name] = { ...schema, title, description, required: [key] };
    }
    return schemaRef(name);
  }

  /** Every schema asked for so far, with their nested mappings resolved. */
  components(): Record<string, JsonSchema> {
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      const { mapping, side } = next;
      const isEndpoint = 'unknownKeys' in mapping;
      const closed = side !== 'read' && (!isEndpoint || (mapping as EndpointDef).unknownKeys === 'reject');
      this.schemas[componentName(mapping.name, side)] = this.objectSchema(mapping, side, closed);
    }
    return this.schemas;
  }

  private objectSchema(mapping: MappingDef, side: SchemaSide, closed: boolean): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const line of mapping.fields) {
      if (side === 'read' ? !isReadableLine(line) : !isWritableLine(line)) continue;
      properties[line.key] = lineValueSchema(line, mapping.model, side, this.context);
      if (side === 'create' && line.required && line.default === undefined) required.push(line.key);
    }
    const schema: JsonSchema = {
      type: 'object',
      title: schemaTitle(mapping.name, side),
      description: `${SIDE_DESCRIPTIONS[side]} (Odoo model ${mapping.model})`,
      properties,
    };
    if (required.length > 0) schema.required = required;
    if (closed) schema.additionalProperties = false;
    return schema;
  }
}
