/** The `web` module's methods (Odoo 17+) in the method table: web_read, web_search_read, web_save. */
import { pagination, REQUIRED, type MethodSpec } from './method-spec';
import { webRead, webSave, webSearchRead } from './web-read';

export const WEB_METHODS: Readonly<Record<string, MethodSpec>> = {
  web_read: {
    records: true,
    params: [['specification', REQUIRED]],
    run: (orm, model, ids, a) => webRead(orm, model, ids, a.specification),
  },
  web_search_read: {
    records: false,
    params: [
      ['domain', REQUIRED],
      ['specification', REQUIRED],
      ['offset', 0],
      ['limit', null],
      ['order', null],
      ['count_limit', null],
    ],
    run: (orm, model, _ids, a) =>
      webSearchRead(orm, model, {
        ...pagination(a),
        domain: a.domain,
        specification: a.specification,
        count_limit: typeof a.count_limit === 'number' ? a.count_limit : null,
      }),
  },
  web_save: {
    records: true,
    params: [
      ['vals', REQUIRED],
      ['specification', REQUIRED],
      ['next_id', null],
    ],
    run: (orm, model, ids, a) => webSave(orm, model, ids, a.vals, a.specification),
  },
};
