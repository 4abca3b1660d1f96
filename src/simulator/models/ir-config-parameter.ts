/** `ir.config_parameter`: system parameters, readable and writable by administrators only. */
import type { ModelDef } from '../orm/field-types';

export const irConfigParameter: ModelDef = {
  name: 'ir.config_parameter',
  description: 'System Parameter',
  order: 'key',
  recName: 'key',
  fields: {
    key: { type: 'char', string: 'Key', required: true },
    value: { type: 'text', string: 'Value', required: true },
  },
};
