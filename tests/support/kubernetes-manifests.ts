/** Reads deploy/kubernetes/ as kubectl would see it, for tests that check the manifests without a cluster. */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const MANIFESTS_DIR = path.resolve(__dirname, '../../deploy/kubernetes');

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // Each kind has its own shape; the tests read what they check.
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
}

export interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  terminationGracePeriodSeconds?: number;
  containers: Container[];
  volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
}

/**
 * Every object of the folder: the `*.yaml` files `kubectl apply -f` reads, and the Secret template
 * (`secret.yaml.example`), which is applied once by hand but defines what the Deployment refers to.
 */
export function loadManifests(): Manifest[] {
  const files = fs.readdirSync(MANIFESTS_DIR).filter((name) => /\.ya?ml(\.example)?$/.test(name));
  return files.flatMap((name) =>
    parseAllDocuments(fs.readFileSync(path.join(MANIFESTS_DIR, name), 'utf8')).map((document) => {
      const [error] = document.errors;
      if (error) throw new Error(`${name}: ${error.message}`);
      return document.toJS() as Manifest;
    }),
  );
}

export function findManifest<T extends Manifest>(manifests: Manifest[], kind: string, name?: string): T {
  const found = manifests.find(
    (item) => item.kind === kind && (name === undefined || item.metadata.name === name),
  );
  if (!found) throw new Error(`deploy/kubernetes/ defines no ${kind}${name ? ` named ${name}` : ''}`);
  return found as T;
}

/** The container port a probe or a Service's targetPort names (by name or by number). */
export function containerPort(container: Container, port: string | number): number | undefined {
  return container.ports?.find((entry) => entry.name === port || entry.containerPort === port)?.containerPort;
}
