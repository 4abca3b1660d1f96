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

/** `default_get` of the given fields of each model: field → default value, or null when Odoo faulted. */
export async function fetchOdooDefaults(
  odoo: OdooClient,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Readonly<Record<string, unknown>> | null>> {
  const entries = await Promise.all(
    [...wanted].map(async ([model, names]) => {
      if (names.size === 0) return [model, {}] as const;
      try {
        const values = await odooModel(odoo, model).defaultGet([...names].sort());
        return [model, values ?? {}] as const;
      } catch (error) {
        if (isFault(error)) return [model, null] as const;
        throw error;
      }
    }),
  );
  return new Map(entries);
}
