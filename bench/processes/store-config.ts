/**
 * The gateway.yaml of each gateway of the store row: the configured file with only its `store:` block
 * changed, so the gateways differ in nothing else. The copy lives in a temp folder, so `endpoints_dir`
 * (relative to the file it is written in) is made absolute.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { StoreType } from '../../src/store/store-settings';
import { REPO_ROOT } from './gateway-child';

export interface StoreChoice {
  type: StoreType;
  /** embedded: the folder of the SQLite file. */
  path?: string;
}

/** The config text with `store.type` (and `store.path`) set and `endpoints_dir` absolute. */
export function storeConfigText(text: string, sourceDir: string, store: StoreChoice): string {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the gateway config does not parse: ${doc.errors[0]?.message}`);
  doc.setIn(['store', 'type'], store.type);
  if (store.path !== undefined) doc.setIn(['store', 'path'], store.path);
  const endpoints = doc.get('endpoints_dir');
  doc.set('endpoints_dir', path.resolve(sourceDir, typeof endpoints === 'string' ? endpoints : 'endpoints'));
  return doc.toString();
}

/** Writes the copy for `store` into `dir` and returns its path. */
export function writeStoreConfig(configPath: string, store: StoreChoice, dir: string): string {
  const source = path.resolve(REPO_ROOT, configPath);
  const file = path.join(dir, `gateway-${store.type}-store.yaml`);
  fs.writeFileSync(file, storeConfigText(fs.readFileSync(source, 'utf8'), path.dirname(source), store));
  return file;
}
