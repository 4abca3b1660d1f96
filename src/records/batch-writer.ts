/**
 * Writes of one record or of a batch, as stages that each take the items and return new ones:
 * name the records (one `search_read` for the whole batch) → validate (once per body) → check →
 * prepare (one `search_read` per related model, then the Odoo values) → execute (grouped calls).
 * A failed item is settled with its error and passes through the later stages untouched, so it
 * never reaches Odoo. Each item gets its own outcome, in input order.
 */
import { EndpointDef } from '../config/types';
import { FieldsCatalog, modelsOf } from '../mapping/fields-catalog';
import { OdooSpecification } from '../odoo/odoo-model';
import { refineReplaceLines } from './existing-children';
import { IdentifierLocks } from './identifier-locks';
import { removeUnusedCreated } from './created-relations';
import type { IdentifierLockService } from '../store/advisory-locks';
import { WriteDeps, prepareItems } from './prepare-writes';
import { identifierOf } from './record-lookup';
import { abortedIfAnyFailed, checkAtomic, refuseIdentifierTakeovers } from './write-checks';
import { executeWrites, isReady } from './write-executor';
import { OpenItem, ReadyItem, WriteItem, openItems, outcomesOf, withReplacements } from './write-item';
import { ItemOutcome, ResumeState } from './write-outcome';
import { WriteInput, WriteMethod, failDuplicates, fixedMode, initialItems, nameRecords } from './write-plan';
import { InputSchemaCache, validateItems } from './write-validation';

export type { WriteInput, WriteMethod } from './write-plan';

export interface WriteOptions {
  method: WriteMethod;
  /** All or nothing: see `checkAtomic`. */
  atomic: boolean;
  /** What an earlier attempt under the same Idempotency-Key left (idempotency layer). */
  resume?: ResumeState;
  /**
   * A one-record write that answers with its representation (web plan, Odoo 17+): written with
   * `web_save`, which reads the record back per this specification in the same call.
   */
  readBack?: OdooSpecification;
}

/** What writes share across requests. Create one per app and pass it in WriteDeps. */
export interface WriteState {
  locks: IdentifierLockService;
  schemas: InputSchemaCache;
}

export function createWriteState(): WriteState {
  return { locks: new IdentifierLocks(), schemas: new InputSchemaCache() };
}

/** For apps that do not pass their own (WriteDeps.locks / .schemas): shared by the whole process. */
const processWide = createWriteState();

interface Stage {
  deps: WriteDeps;
  endpoint: EndpointDef;
  catalog: FieldsCatalog;
  options: WriteOptions;
}

export async function writeItems(
  deps: WriteDeps,
  endpoint: EndpointDef,
  inputs: readonly WriteInput[],
  options: WriteOptions,
): Promise<ItemOutcome[]> {
  const catalog = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const stage: Stage = { deps, endpoint, catalog, options };
  const fields = catalog.get(endpoint.model) ?? {};
  let items = initialItems(endpoint, inputs, options.method, fields, options.resume);
  // Without upsert the mode is known up front, so bodies are validated before Odoo is asked anything.
  if (!endpoint.upsert) items = await validate(stage, items);
  items = failDuplicates(endpoint, items);
  // From the identifier lookup to the write, no other request may write the same identifier values.
  const locks = deps.locks ?? processWide.locks;
  const written = await locks.withKeys(lockKeys(endpoint, items), () => writeNamed(stage, items));
  return outcomesOf(written);
}

async function writeNamed(stage: Stage, initial: readonly WriteItem[]): Promise<WriteItem[]> {
  const { deps, endpoint, catalog, options } = stage;
  const fields = catalog.get(endpoint.model) ?? {};
  let items = await nameRecords(deps.odoo, endpoint, initial, options.method, options.resume, fields);
  if (endpoint.upsert) items = await validate(stage, items);
  items = await refuseIdentifierTakeovers(deps.odoo, endpoint, items, fields);
  // Preparing may create related records (create_missing), so it comes once every item is named and
  // only for the items still open: a 404, 409 or aborted atomic batch must leave nothing behind.
  if (options.atomic) items = abortedIfAnyFailed(items);
  const prepared = await prepareItems(deps, endpoint, catalog, items, { allOrNothing: options.atomic });
  let ready: ReadyItem[];
  try {
    items = await refineUpdates(stage, prepared.items);
    if (options.atomic) items = abortedIfAnyFailed(items);
    ready = openItems(items).filter(isReady);
    if (options.atomic) checkAtomic(ready);
  } catch (error) {
    // Nothing was sent (an atomic batch refused, Odoo down while refining): keep nothing made for it.
    await removeUnusedCreated(deps.odoo, endpoint, prepared.created, []);
    throw error;
  }
  const written = await executeWrites(deps.odoo, endpoint, items, ready, options);
  await removeUnusedCreated(deps.odoo, endpoint, prepared.created, written);
  return written;
}

/** Each open item validated in its own mode: the method's, or the one naming decided (upsert). */
function validate(stage: Stage, items: readonly WriteItem[]): Promise<WriteItem[]> {
  const { deps, endpoint, catalog, options } = stage;
  const schemas = deps.schemas ?? processWide.schemas;
  const context = { endpoint, catalog, lookup: deps.lookup, schemas };
  return validateItems(context, items, (item) => item.mode ?? fixedMode(options.method));
}

/** Updates with `x2many: replace` lines: commands on the lines the records have now (existing-children.ts). */
async function refineUpdates(stage: Stage, items: readonly WriteItem[]): Promise<WriteItem[]> {
  const { deps, endpoint, catalog } = stage;
  const updates = openItems(items).filter(
    (item): item is OpenItem & { existingId: number; vals: Record<string, unknown> } =>
      item.mode === 'update' && item.existingId !== undefined && item.vals !== undefined,
  );
  const refined = await refineReplaceLines({
    odoo: deps.odoo,
    endpoint,
    fields: catalog.get(endpoint.model) ?? {},
    lookup: deps.lookup,
    targets: updates.map((item) => ({ recordId: item.existingId, body: item.body, vals: item.vals })),
  });
  return withReplacements(
    items,
    updates.map((item, position) => ({ ...item, vals: refined[position] ?? item.vals })),
  );
}

/** One key per identifier value the items name or give (a PUT may rename), shared by every endpoint on the model. */
function lockKeys(endpoint: EndpointDef, items: readonly WriteItem[]): string[] {
  const { key, field } = identifierOf(endpoint);
  const values = openItems(items).flatMap((item) => [item.target, item.body[key]]);
  return values
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => `${endpoint.model}|${field}|${String(value)}`);
}
