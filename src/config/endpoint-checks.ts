/** Checks of one endpoint or mapping file beyond its structure (which joi has already accepted). */
import { checkAuth } from './auth-checks';
import { checkDomain } from './domain-check';
import { checkFieldLines } from './line-checks';
import { checkOutbound, writtenOutboundAuth } from './outbound-checks';
import { RawEndpointFile } from './raw-types';
import { Report } from './report';
import { ENDPOINT_ONLY_KEYS } from './schemas/endpoint-schema';
import { FIELD_PATH_PATTERN } from './schemas/common-schema';
import { KeyPath } from './yaml-source';

function checkMappingFile(written: Record<string, unknown>, report: Report): void {
  for (const key of ENDPOINT_ONLY_KEYS) {
    if (key in written) {
      report(
        [key],
        'is only for endpoint files; a mapping file has no HTTP route',
        'write `endpoint:` instead of `mapping:` to serve it',
      );
    }
  }
}

function checkEndpoint(file: RawEndpointFile, rawFile: unknown, report: Report): void {
  if (file.auth === undefined) {
    report(
      ['auth'],
      'is required: every endpoint says who may call it',
      'add `auth: { type: none }` to make it public',
    );
  } else {
    checkAuth(file.auth, ['auth'], report);
  }
  if (file.page_size > file.max_page_size) {
    report(['page_size'], `is larger than max_page_size (${file.max_page_size})`);
  }
  checkDomain(file.domain, ['domain'], report);
  for (const name of Object.keys(file.defaults)) {
    if (!FIELD_PATH_PATTERN.test(name) || name.includes('.')) {
      report(['defaults', name], 'must be an Odoo field name');
    }
  }
  if (file.outbound) checkOutbound(file.outbound, writtenOutboundAuth(rawFile), report);
}

/**
 * `written` is the file as written (after interpolation, before joi defaults), to tell keys the
 * author wrote from defaults joi filled in; `rawFile` is the file before `${VAR}` interpolation.
 */
export function checkEndpointFile(
  file: RawEndpointFile,
  written: Record<string, unknown>,
  lineOf: (at: KeyPath) => number,
  report: Report,
  rawFile?: unknown,
): void {
  if (file.mapping !== undefined) checkMappingFile(written, report);
  else checkEndpoint(file, rawFile, report);
  checkFieldLines(file.fields, lineOf, report);
}
