/**
 * Writes of one record or of a batch, as one pipeline: name the records (one `search_read` for the
 * whole batch), validate and map (prepare-writes.ts: one `search_read` per related model), then write
 * with grouped calls (write-executor.ts). Items that fail validation never reach Odoo. Each item gets
 * its own outcome, in input order.
 */
import { EndpointDef } from '../config/types';
import { ValidationError } from '../errors/errors';
import { FieldsCatalog, modelsOf } from '../mapping/fields-catalog';
import { WriteMode } from '../mapping/input-schema';
import { refineReplaceLines } from './existing-children';
import { IdentifierLocks } from './identifier-locks';
import { PrepareOptions, PreparedWrite, WriteDeps, prepareWrites, validateWrites } from './prepare-writes';
import { findIdsByIdentifier, identifierOf } from './record-lookup';
import { abortIfAnyFailed, checkAtomic, refuseIdentifierTakeovers } from './write-checks';
import { ReadyItem, WriteExecutor } from './write-executor';
import { ItemOutcome, currentWriteContext } from './write-outcome';
import {
  PlanItem,
  WriteInput,
  WriteMethod,
  decide,
  fail,
  failDuplicates,
  fixedMode,
  initialItems,
  open,
} from './write-plan';

export type { WriteInput, WriteMethod } from './write-plan';

export interface WriteOptions {
  method: WriteMethod;
  /** All or nothing: see `checkAtomic`. */
  atomic: boolean;
}

export async function writeItems(
  deps: WriteDeps,
  endpoint: EndpointDef,
  inputs: readonly WriteInput[],
  options: WriteOptions,
): Promise<ItemOutcome[]> {
  const context = currentWriteContext();
  const catalog = await deps.fields.catalog(modelsOf(endpoint, deps.lookup));
  const items = initialItems(
    endpoint,
    inputs,
    options.method,
    catalog.get(endpoint.model) ?? {},
    context?.resume,
  );
  // Without upsert the mode is known up front, so bodies are validated before Odoo is asked anything.
  if (!endpoint.upsert) await validate(deps, endpoint, open(items), fixedMode(options.method));
  failDuplicates(endpoint, open(items));
  // From the identifier lookup to the write, no other request may write the same identifier values.
  await locks.withKeys(lockKeys(endpoint, items), () => writeNamed(deps, endpoint, items, options, catalog));
  const outcomes = items.map((item) => item.outcome as ItemOutcome);
  if (context) context.outcomes = outcomes;
  return outcomes;
}

async function writeNamed(
  deps: WriteDeps,
  endpoint: EndpointDef,
  items: PlanItem[],
  options: WriteOptions,
  catalog: FieldsCatalog,
): Promise<void> {
  await nameRecords(deps, endpoint, items, options.method);
  if (endpoint.upsert) {
    await validate(deps, endpoint, withMode(items, 'create'), 'create');
    await validate(deps, endpoint, withMode(items, 'update'), 'update');
  }
  await refuseIdentifierTakeovers(deps, endpoint, items);
  // Preparing may create related records (create_missing), so it comes once every item is named and
  // only for the items still open: a 404, 409 or aborted atomic batch must leave nothing behind.
  if (!(options.atomic && abortIfAnyFailed(items))) {
    const prepareOptions = { allOrNothing: options.atomic };
    if (endpoint.upsert) {
      // Creates and updates together: their relation values are looked up in one pass.
      await prepare(deps, endpoint, open(items), prepareOptions);
    } else await prepare(deps, endpoint, open(items), prepareOptions, fixedMode(options.method));
  }
  await refineReplaceLines({
    odoo: deps.odoo,
    endpoint,
    fields: catalog.get(endpoint.model) ?? {},
    lookup: deps.lookup,
    targets: open(items).flatMap((item) =>
      item.mode === 'update' && item.existingId !== undefined && item.vals
        ? [{ recordId: item.existingId, body: item.body as Record<string, unknown>, vals: item.vals }]
        : [],
    ),
  });
  if (options.atomic && !abortIfAnyFailed(items)) checkAtomic(open(items) as ReadyItem[]);
  await new WriteExecutor(deps.odoo, endpoint, options.atomic).run(open(items) as ReadyItem[]);
}

const locks = new IdentifierLocks();

/** One key per identifier value the items name or give (a PUT may rename), shared by every endpoint on the model. */
function lockKeys(endpoint: EndpointDef, items: readonly PlanItem[]): string[] {
  const { key, field } = identifierOf(endpoint);
  const values = open(items).flatMap((item) => [item.target, (item.body as Record<string, unknown>)[key]]);
  return values
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => `${endpoint.model}|${field}|${String(value)}`);
}

async function nameRecords(deps: WriteDeps, endpoint: EndpointDef, items: PlanItem[], method: WriteMethod) {
  const lookups = open(items).filter((item) => item.target !== undefined);
  const values = lookups.map((item) => item.target as string | number);
  const found = await findIdsByIdentifier(deps.odoo, endpoint, values);
  const resume = currentWriteContext()?.resume;
  for (const item of open(items)) {
    const ids = item.target === undefined ? [] : (found.get(String(item.target)) ?? []);
    const lost = resume?.unknown.get(item.index) ?? (resume?.everyItemLost ? fixedMode(method) : undefined);
    decide(endpoint, method, item, ids, lost);
  }
}

async function validate(deps: WriteDeps, endpoint: EndpointDef, items: PlanItem[], mode: WriteMode) {
  if (items.length === 0) return;
  const errors = await validateWrites(
    deps,
    endpoint,
    items.map((item) => item.body),
    mode,
  );
  items.forEach((item, position) => {
    const found = errors[position] ?? [];
    if (found.length > 0) fail(item, ValidationError.fromDetails(found));
  });
}

/** Maps every open item to Odoo values, each in its own mode (`fixed`, or the one naming decided). */
async function prepare(
  deps: WriteDeps,
  endpoint: EndpointDef,
  items: PlanItem[],
  options: PrepareOptions,
  fixed?: WriteMode,
) {
  if (items.length === 0) return;
  const modes = items.map((item) => fixed ?? item.mode ?? 'create');
  const prepared: PreparedWrite[] = await prepareWrites(
    deps,
    endpoint,
    items.map((item) => item.body),
    modes,
    options,
  );
  items.forEach((item, position) => {
    const result = prepared[position];
    const mode = modes[position] ?? 'create';
    if (!result || result.errors.length > 0)
      return fail(item, ValidationError.fromDetails(result?.errors ?? []));
    item.vals = mode === 'update' ? withoutSameIdentifier(endpoint, item, result.vals) : result.vals;
    item.mode = mode;
  });
}

/** Rewriting the identifier with the value that found the record changes nothing, and would keep updates apart. */
function withoutSameIdentifier(endpoint: EndpointDef, item: PlanItem, vals: Record<string, unknown>) {
  const { field } = identifierOf(endpoint);
  if (item.target === undefined || !(field in vals) || String(vals[field]) !== String(item.target))
    return vals;
  const copy = { ...vals };
  delete copy[field];
  return copy;
}

function withMode(items: readonly PlanItem[], mode: WriteMode): PlanItem[] {
  return open(items).filter((item) => item.mode === mode);
}
