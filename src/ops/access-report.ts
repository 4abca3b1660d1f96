/**
 * Access rights of one endpoint: its own model per enabled method (the report's `access`), and the
 * related models its lines read or create; a refusal is an error on the line or on `methods`.
 */
import type { EndpointDef, MappingDef } from '../config/types';
import { ACCESS_OPERATIONS, endpointOperations, relatedNeeds } from './access-needs';
import type { AccessOperation, ConsistencyProblem, EndpointReport } from './consistency-types';
import { accessDeniedMessage } from './mapping-report';
import type { ModelCatalog } from './model-catalog';
import type { AccessRights } from './odoo-answers';
import { lineProblem, mappingProblem } from './problem';

export interface AccessOutcome {
  report: Omit<EndpointReport, 'problems'>;
  problems: ConsistencyProblem[];
}

export async function accessReport(
  endpoint: EndpointDef,
  lookup: (name: string) => MappingDef | undefined,
  catalog: ModelCatalog,
  rights: AccessRights,
): Promise<AccessOutcome> {
  const exists = catalog.get(endpoint.model)?.state !== 'missing';
  const access: Record<AccessOperation, boolean | null> = {
    read: null,
    create: null,
    write: null,
    unlink: null,
  };
  const problems: ConsistencyProblem[] = [];
  const report = { endpoint: endpoint.name, model: endpoint.model, model_exists: exists, access };
  if (!exists) return { report, problems };
  const own = endpointOperations(endpoint);
  const ownAnswers = await Promise.all(
    ACCESS_OPERATIONS.filter((op) => own.has(op)).map(
      async (op) => [op, await rights.check(endpoint.model, op)] as const,
    ),
  );
  for (const [op, granted] of ownAnswers) {
    access[op] = granted;
    if (granted === false) {
      const methods = endpoint.methods.join(', ');
      problems.push(
        mappingProblem(
          endpoint,
          'methods',
          'error',
          accessDeniedMessage(endpoint.model, op, `this endpoint (${methods})`),
          'grant the access in Odoo (Settings > Users > the gateway user), or disable the methods that need it',
        ),
      );
    }
  }
  const related = relatedNeeds(endpoint, lookup, catalog).filter(
    (need) => catalog.get(need.model)?.state === 'ok',
  );
  const relatedAnswers = await Promise.all(related.map((need) => rights.check(need.model, need.operation)));
  related.forEach((need, index) => {
    if (relatedAnswers[index] !== false) return;
    problems.push(
      lineProblem(
        need.line,
        need.index,
        '',
        'error',
        accessDeniedMessage(need.model, need.operation, `"${need.line.key}"`),
        "grant the access in Odoo to the gateway's user",
      ),
    );
  });
  return { report, problems };
}
