/**
 * The Odoo questions asked after fields_get, each at most once: `check_access_rights` per
 * (model, operation) and `default_get` per model. A fault means "Odoo could not say" (null); Odoo
 * being down or slow is thrown, since then nothing can be checked.
 */
import { GatewayError } from '../errors/gateway-error';
import type { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import type { AccessOperation } from './consistency-types';

function isFault(error: unknown): error is GatewayError {
  return error instanceof GatewayError && (error.status < 500 || error.status === 502);
}

export class AccessRights {
  private readonly answers = new Map<string, Promise<boolean | null>>();

  constructor(private readonly odoo: OdooClient) {}

  /** Granted, refused, or null when Odoo faulted (e.g. the model does not exist). */
  check(model: string, operation: AccessOperation): Promise<boolean | null> {
    const key = `${model}\u0000${operation}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = odooModel(this.odoo, model)
        .checkAccessRights(operation)
        .then(
          (granted) => granted,
          (error: unknown) => {
            if (isFault(error)) return null;
            throw error;
          },
        );
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** What `default_get` is asked: the fields of a model, in the context its records are created in. */
export interface DefaultsQuestion {
  model: string;
  /** The endpoint's `context`: its `default_<field>` keys are defaults too. */
  context: Readonly<Record<string, unknown>>;
  fields: ReadonlySet<string>;
}

/** One key per (model, context), for the answers of fetchOdooDefaults. */
export function defaultsKey(model: string, context: Readonly<Record<string, unknown>>): string {
  return `${model}\u0000${JSON.stringify(context)}`;
}

/** `default_get` per question: field → default value, or null when Odoo faulted; by defaultsKey. */
export async function fetchOdooDefaults(
  odoo: OdooClient,
  wanted: ReadonlyMap<string, DefaultsQuestion>,
): Promise<Map<string, Readonly<Record<string, unknown>> | null>> {
  const entries = await Promise.all(
    [...wanted].map(async ([key, { model, context, fields }]) => {
      if (fields.size === 0) return [key, {}] as const;
      try {
        const values = await odooModel(odoo, model, context).defaultGet([...fields].sort());
        return [key, values ?? {}] as const;
      } catch (error) {
        if (isFault(error)) return [key, null] as const;
        throw error;
      }
    }),
  );
  return new Map(entries);
}
