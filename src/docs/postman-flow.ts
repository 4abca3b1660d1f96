/**
 * One endpoint's folder of the Postman collection as a runnable smoke test, in the order a real
 * client would go: list, start the change feed, create, the feed since its cursor (the new record is
 * in it) and with a damaged cursor (the one deliberate 400), get, filter, update (twice with one
 * Idempotency-Key: the second is a replay), batch, upsert (on `upsert: true` endpoints), delete.
 * The record under test is carried in the collection variable `{name}_id`: a fresh identifier value
 * per run (so a second run does not collide with the first), or the Odoo id a create answered.
 * Every request has `pm.test` checks on its status and the shape of its answer.
 */
import { EndpointDef } from '../config/types';
import { isReadableLine } from '../mapping/writable-lines';
import { API_PREFIX } from './endpoint-paths';
import { exampleIdentifier, exampleRecord } from './example-values';
import { filterableLines } from './list-parameters';
import { MappingSchemas, identifierKey } from './mapping-schemas';
import { FeedRequests } from './postman-feed';
import { PostmanRequestSpec } from './postman-request';
import * as scripts from './postman-scripts';

export function endpointFlow(endpoint: EndpointDef, schemas: MappingSchemas): PostmanRequestSpec[] {
  const has = (method: EndpointDef['methods'][number]) => endpoint.methods.includes(method);
  const flow = new FlowBuilder(endpoint, schemas);
  if (has('GET')) flow.list();
  if (has('GET')) flow.feedStart();
  if (has('POST')) flow.create();
  if (has('GET')) flow.feedSinceCreate(has('POST'));
  if (has('GET')) flow.getOne();
  if (has('GET')) flow.filter();
  if (has('PUT')) flow.update();
  if (has('PUT') && endpoint.upsert && endpoint.identifier) flow.upsert(has('DELETE'));
  if (has('DELETE')) flow.remove();
  return flow.requests;
}

class FlowBuilder {
  readonly requests: PostmanRequestSpec[] = [];
  private readonly key: string;
  private readonly idVariable: string;
  private readonly collectionPath: string[];
  private readonly itemPath: string[];
  private readonly feed: FeedRequests;

  constructor(
    private readonly endpoint: EndpointDef,
    private readonly schemas: MappingSchemas,
  ) {
    this.key = identifierKey(endpoint);
    this.idVariable = `${endpoint.name}_id`;
    this.collectionPath = [...API_PREFIX.split('/').filter(Boolean), endpoint.name];
    this.itemPath = [...this.collectionPath, ':id'];
    this.feed = new FeedRequests(endpoint.name, this.collectionPath);
  }

  list(): void {
    // Without a create, "get one" reads the first listed record.
    const keep = this.endpoint.methods.includes('POST') ? undefined : this.readsKey() ? this.key : undefined;
    this.add({
      name: `List ${this.endpoint.name}`,
      method: 'GET',
      path: this.collectionPath,
      query: [{ key: 'limit', value: '5' }],
      tests: scripts.listTests(this.idVariable, keep),
    });
  }

  create(): void {
    const identifier = this.endpoint.identifier;
    this.add({
      name: `Create ${this.endpoint.name}`,
      method: 'POST',
      path: this.collectionPath,
      body: this.body('create'),
      preRequest: identifier
        ? scripts.freshIdentifier(this.idVariable, exampleIdentifier(this.endpoint, this.schemas.examples))
        : undefined,
      tests: scripts.createTests(identifier ? undefined : this.idVariable),
    });
  }

  feedStart(): void {
    this.add(this.feed.start());
  }

  /** The feed again with its cursor (the created record must be in it), then with a damaged cursor. */
  feedSinceCreate(created: boolean): void {
    const lookFor = created && this.readsKey() ? { key: this.key, idVariable: this.idVariable } : undefined;
    this.add(this.feed.sinceCursor(lookFor));
    this.add(this.feed.damagedCursor());
  }

  getOne(): void {
    this.add({
      name: `Get one ${this.endpoint.name}`,
      method: 'GET',
      path: this.itemPath,
      pathVariables: [{ key: 'id', value: `{{${this.idVariable}}}` }],
      tests: scripts.getTests(this.readsKey() ? this.key : undefined, this.idVariable),
    });
  }

  filter(): void {
    const line = this.endpoint.identifier;
    if (!line || !filterableLines(this.endpoint).includes(line)) return;
    this.add({
      name: `Filter ${this.endpoint.name} by ${line.key}`,
      method: 'GET',
      path: this.collectionPath,
      query: [{ key: line.key, value: `{{${this.idVariable}}}` }],
      tests: scripts.filterTests(),
    });
  }

  update(): void {
    const idempotency = `${this.endpoint.name}_idempotency_key`;
    const update = {
      method: 'PUT' as const,
      path: this.itemPath,
      pathVariables: [{ key: 'id', value: `{{${this.idVariable}}}` }],
      body: this.body('update'),
      headers: [{ key: 'Idempotency-Key', value: `{{${idempotency}}}` }],
    };
    this.add({
      ...update,
      name: `Update ${this.endpoint.name} (Idempotency-Key)`,
      preRequest: scripts.freshIdempotencyKey(idempotency),
      tests: scripts.writeTests(200, false),
    });
    this.add({ ...update, name: `Retry the update (replayed)`, tests: scripts.writeTests(200, true) });
    this.add({
      name: `Batch update ${this.endpoint.name}`,
      method: 'PUT',
      path: this.collectionPath,
      body: [this.body('update', true)],
      tests: scripts.batchTests(),
    });
  }

  /**
   * The same PUT twice for a fresh identifier: it creates the record (201), then updates that one
   * (200, same Odoo id). The record is its own (`{name}_upsert_id`), removed again when DELETE is on.
   */
  upsert(removeAfter: boolean): void {
    const upsertId = `${this.endpoint.name}_upsert_id`;
    const put = {
      method: 'PUT' as const,
      path: this.itemPath,
      pathVariables: [{ key: 'id', value: `{{${upsertId}}}` }],
      body: this.body('create', false, upsertId),
    };
    this.add({
      ...put,
      name: `Upsert ${this.endpoint.name} (creates)`,
      preRequest: scripts.freshIdentifier(upsertId, exampleIdentifier(this.endpoint, this.schemas.examples)),
      tests: scripts.upsertTests(true, `${upsertId}_odoo`),
    });
    this.add({
      ...put,
      name: `Upsert ${this.endpoint.name} again (updates)`,
      tests: scripts.upsertTests(false, `${upsertId}_odoo`),
    });
    if (removeAfter) this.remove(upsertId, 'the upserted ');
  }

  remove(idVariable = this.idVariable, what = ''): void {
    const verb = this.endpoint.delete === 'archive' ? 'Archive' : 'Delete';
    this.add({
      name: `${verb} ${what}${this.endpoint.name}`,
      method: 'DELETE',
      path: this.itemPath,
      pathVariables: [{ key: 'id', value: `{{${idVariable}}}` }],
      tests: scripts.writeTests(200, false),
    });
  }

  /** Example values, with the identifier replaced by the record under test (or left out). */
  private body(side: 'create' | 'update', keyed = false, idVariable = this.idVariable): unknown {
    const record: Record<string, unknown> = exampleRecord(this.endpoint, side, this.schemas.examples);
    delete record[this.key];
    if (this.endpoint.identifier || keyed) {
      const quoted = typeof exampleIdentifier(this.endpoint, this.schemas.examples) !== 'number';
      record[this.key] = scripts.variableValue(idVariable, quoted);
    }
    return record;
  }

  private readsKey(): boolean {
    const line = this.endpoint.identifier;
    return line !== undefined && isReadableLine(line);
  }

  private add(spec: PostmanRequestSpec): void {
    const description = this.endpoint.description;
    this.requests.push(description ? { ...spec, description } : spec);
  }
}
