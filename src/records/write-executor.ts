/**
 * Sends the planned writes with as few Odoo calls as possible: every create of the request in one
 * `create(vals_list)`, and one `write(ids, vals)` per set of records receiving identical values.
 * When Odoo refuses a combined call, it is split in halves until the items at fault are isolated
 * (about 2·log2(n) extra calls per bad item); the good items are saved. A call that fails for another
 * reason (timeout, connection) is never split or repeated, and nothing more is sent after it.
 */
import { EndpointDef } from '../config/types';
import { GatewayError } from '../errors/gateway-error';
import { WriteMode } from '../mapping/input-schema';
import { OdooClient } from '../odoo/odoo-client';
import { canonicalJson } from './canonical-json';
import { PlanItem, fail } from './write-plan';
import { isItemError, notSentError, outcomeUnknown, toGatewayError, withLineId } from './write-errors';

export interface ReadyItem extends PlanItem {
  mode: WriteMode;
  vals: Record<string, unknown>;
}

export interface UpdateGroup {
  ids: number[];
  vals: Record<string, unknown>;
  items: ReadyItem[];
}

/** Updates that write the same values share one call; an update with nothing to write needs none. */
export function groupUpdates(items: readonly ReadyItem[]): UpdateGroup[] {
  const groups = new Map<string, UpdateGroup>();
  for (const item of items) {
    if (item.mode !== 'update' || Object.keys(item.vals).length === 0) continue;
    const key = canonicalJson(item.vals);
    const group = groups.get(key) ?? { ids: [], vals: item.vals, items: [] };
    group.ids.push(item.existingId as number);
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export class WriteExecutor {
  /** The failure that stopped this request's writes, if any. */
  private stopped: GatewayError | undefined;

  constructor(
    private readonly odoo: OdooClient,
    private readonly endpoint: EndpointDef,
    /** All-or-nothing: a refused call is reported for all its items, never split. */
    private readonly atomic: boolean,
  ) {}

  async run(items: readonly ReadyItem[]): Promise<void> {
    const creates = items.filter((item) => item.mode === 'create');
    if (creates.length > 0) await this.attempt(creates, 'create', (part) => this.create(part));
    for (const item of items) {
      if (item.mode === 'update' && Object.keys(item.vals).length === 0)
        this.succeed(item, item.existingId as number);
    }
    for (const group of groupUpdates(items)) {
      await this.attempt(group.items, 'update', (part) => this.write(part, group.vals));
    }
  }

  private async create(items: readonly ReadyItem[]): Promise<void> {
    const ids = await this.odoo.executeKw<number[]>(
      this.endpoint.model,
      'create',
      [items.map((item) => item.vals)],
      {
        context: { ...this.endpoint.context },
      },
    );
    items.forEach((item, position) => this.succeed(item, ids[position] as number));
  }

  private async write(items: readonly ReadyItem[], vals: Record<string, unknown>): Promise<void> {
    const ids = items.map((item) => item.existingId as number);
    await this.odoo.executeKw<boolean>(this.endpoint.model, 'write', [ids, vals], {
      context: { ...this.endpoint.context },
    });
    items.forEach((item) => this.succeed(item, item.existingId as number));
  }

  /**
   * One call for `items`; on refusal, each half again. `culprit` is the error of a parent call whose
   * other half went through: a single item left is then known to be at fault without asking again.
   */
  private async attempt(
    items: readonly ReadyItem[],
    mode: WriteMode,
    send: (items: readonly ReadyItem[]) => Promise<void>,
    culprit?: GatewayError,
  ): Promise<void> {
    if (this.stopped) return items.forEach((item) => fail(item, notSentError(this.stopped as GatewayError)));
    if (culprit && items.length === 1) return items.forEach((item) => fail(item, culprit));
    try {
      await send(items);
    } catch (raw) {
      const error = withLineId(this.endpoint, toGatewayError(raw));
      if (!isItemError(error)) {
        this.stopped = error;
        const unknown = outcomeUnknown(error) ? mode : undefined;
        return items.forEach((item) => fail(item, error, unknown));
      }
      if (this.atomic || items.length === 1) return items.forEach((item) => fail(item, error));
      const middle = Math.ceil(items.length / 2);
      const [head, tail] = [items.slice(0, middle), items.slice(middle)];
      await this.attempt(head, mode, send);
      const headSaved = head.every((item) => item.outcome?.ok === true);
      await this.attempt(tail, mode, send, headSaved ? error : undefined);
    }
  }

  private succeed(item: PlanItem, id: number): void {
    item.outcome = { index: item.index, ok: true, id, created: item.mode === 'create' };
  }
}
