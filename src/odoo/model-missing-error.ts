import { OdooUnavailableError } from '../errors/errors';

/**
 * Odoo has no model of this name. The gateway only calls models its configuration names, so this
 * is a configuration fault (a typo in a mapping, a module not installed): a 503 telling ops what to
 * fix, never a 4xx blaming the caller. Its own class so that checks (config:check) can tell it apart.
 */
export class OdooModelMissingError extends OdooUnavailableError {
  constructor(readonly model: string) {
    super(
      `The model ${model} doesn't exist in Odoo: check the gateway's mappings, or install the Odoo module that defines it`,
    );
  }
}
