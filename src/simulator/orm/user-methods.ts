/** `res.users` model methods a client calls: `context_get` (JSON-2's way to learn one's own uid). */
import { attributeError } from './faults';
import type { MethodSpec } from './method-spec';

export const USER_METHODS: Readonly<Record<string, MethodSpec>> = {
  context_get: {
    records: false,
    params: [],
    run: (orm, model) => {
      if (model.name !== 'res.users') {
        throw attributeError(`The method 'context_get' does not exist on the model '${model.name}'`);
      }
      return { lang: 'en_US', tz: 'Europe/Brussels', uid: orm.uid };
    },
  },
};
