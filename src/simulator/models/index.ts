/** Every simulated model, in the order `ir.model` would list them. */
import type { ModelDef } from '../orm/field-types';
import { Registry } from '../orm/registry';
import { resCompany, resCountry, resCurrency, resPartnerCategory, resUsers } from './base-models';
import { irConfigParameter } from './ir-config-parameter';
import { productProduct, productTag, productTemplate, uomUom } from './product';
import { resPartner } from './res-partner';
import { saleOrder, saleOrderLine } from './sale-order';

export const MODEL_DEFS: readonly ModelDef[] = [
  resPartner,
  resPartnerCategory,
  resCountry,
  resCurrency,
  resUsers,
  resCompany,
  uomUom,
  productTag,
  productTemplate,
  productProduct,
  saleOrder,
  saleOrderLine,
  irConfigParameter,
];

export function buildRegistry(): Registry {
  return new Registry(MODEL_DEFS);
}
