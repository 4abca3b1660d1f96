/**
 * The Kubernetes manifests of deploy/kubernetes/ cannot be applied here (no cluster), so this reads them
 * as kubectl would and checks what a wrong value would break: the probes, the ports, every reference to
 * a ConfigMap or Secret, that the mounted files make a valid configuration, and that no secret is written
 * into them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { resolveStoreSettings } from '../../src/store/store-settings';
import {
  Container,
  EnvVar,
  Manifest,
  PodSpec,
  containerPort,
  findManifest,
  loadManifests,
} from '../support/kubernetes-manifests';

type Deployment = Manifest & {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
};
type Service = Manifest & {
  spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] };
};
type ConfigMap = Manifest & { data: Record<string, string> };
type Secret = Manifest & { stringData?: Record<string, string>; data?: Record<string, string> };
type Hpa = Manifest & {
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
  };
};

const ROOT = path.resolve(__dirname, '../..');
const SECRET_NAME = /PASSWORD|TOKEN|SECRET|API_KEY/;

const manifests = loadManifests();
const deployment = findManifest<Deployment>(manifests, 'Deployment');
const pod = deployment.spec.template.spec;
const [container] = pod.containers as [Container];
const configMaps = manifests.filter((item): item is ConfigMap => item.kind === 'ConfigMap');
const secrets = manifests.filter((item): item is Secret => item.kind === 'Secret');

function mountedConfigMap(mountPath: string): ConfigMap {
  const mount = container.volumeMounts?.find((entry) => entry.mountPath === mountPath);
  const volume = pod.volumes?.find((entry) => entry.name === mount?.name);
  return findManifest<ConfigMap>(
    manifests,
    'ConfigMap',
    volume?.configMap?.name ?? `(nothing at ${mountPath})`,
  );
}

/** The environment the container starts with: its envFrom ConfigMaps, then env (Secret placeholders included). */
function containerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    Object.assign(env, findManifest<ConfigMap>(manifests, 'ConfigMap', source.configMapRef?.name).data);
  }
  for (const variable of container.env ?? []) env[variable.name] = variable.value ?? secretValue(variable);
  return env;
}

function secretValue(variable: EnvVar): string {
  const ref = variable.valueFrom?.secretKeyRef;
  const secret = findManifest<Secret>(manifests, 'Secret', ref?.name);
  return secret.stringData?.[ref?.key ?? ''] ?? '';
}

/** Lays the mounted ConfigMaps out as the container sees them, under a temporary root. */
function writeMounts(root: string): void {
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((entry) => entry.name === mount.name);
    if (!volume?.configMap) continue;
    const dir = path.join(root, mount.mountPath);
    fs.mkdirSync(dir, { recursive: true });
    const { data } = findManifest<ConfigMap>(manifests, 'ConfigMap', volume.configMap.name);
    for (const [file, text] of Object.entries(data)) fs.writeFileSync(path.join(dir, file), text);
  }
}

describe('deploy/kubernetes/', () => {
  const configDir = '/app/config'; // WORKDIR /app + the default GATEWAY_CONFIG, config/gateway.yaml
  const gatewayYaml = mountedConfigMap(configDir).data['gateway.yaml'];
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-k8s-'));
    writeMounts(root);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const loadMounted = () =>
    loadConfig({
      configPath: path.join(root, configDir, 'gateway.yaml'),
      env: { ...containerEnv(), NODE_ENV: 'production' },
    });

  test('when the image runs, then it reads gateway.yaml where the config ConfigMap is mounted', () => {
    expect(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^WORKDIR \/app$/m);
    expect(containerEnv().GATEWAY_CONFIG).toBeUndefined();
    expect(gatewayYaml).toBeDefined();
  });

  test('when the mounted files are loaded with the container environment, then they make a valid configuration', () => {
    const config = loadMounted();
    const endpointNames = Object.values(mountedConfigMap('/app/endpoints').data)
      .map((text) => /^endpoint: (\S+)/m.exec(text)?.[1])
      .filter((name): name is string => name !== undefined);
    expect([...config.endpoints.keys()].sort()).toEqual(endpointNames.sort());
    expect(config.settings.odoo.url).toBe(containerEnv().ODOO_URL);
    expect(config.settings.admin).toBeDefined(); // /metrics and test-connection are not public
  });

  test('when the endpoints ConfigMap is read, then it holds exactly the example files of config/endpoints', () => {
    const dir = path.join(ROOT, 'config/endpoints');
    const files = Object.fromEntries(
      fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
    );
    expect(mountedConfigMap('/app/endpoints').data).toEqual(files);
  });

  test('when the probes run, then readiness and liveness ask /health on the port the gateway listens on', () => {
    const port = loadMounted().settings.server.port;
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe?.httpGet?.path).toBe('/health');
      expect(containerPort(container, probe?.httpGet?.port ?? '')).toBe(port);
    }
  });

  test('when the Service routes, then it selects the pods and targets their container port', () => {
    const service = findManifest<Service>(manifests, 'Service');
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(containerPort(container, service.spec.ports[0]?.targetPort ?? '')).toBe(
      loadMounted().settings.server.port,
    );
  });

  test('when a ConfigMap or Secret is referenced, then the folder defines it (and the Secret has the key)', () => {
    const configMapNames = [
      ...(container.envFrom ?? []).map((source) => source.configMapRef?.name),
      ...(pod.volumes ?? []).map((volume) => volume.configMap?.name),
    ].filter((name): name is string => name !== undefined);
    for (const name of configMapNames) expect(configMaps.map((item) => item.metadata.name)).toContain(name);
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (!ref) continue;
      expect(Object.keys(findManifest<Secret>(manifests, 'Secret', ref.name).stringData ?? {})).toContain(
        ref.key,
      );
    }
  });

  test('when the HorizontalPodAutoscaler scales, then it owns the Deployment replica count and CPU requests are set', () => {
    const hpa = findManifest<Hpa>(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
    expect(deployment.spec.replicas).toBeUndefined(); // a fixed count would reset the HPA's on every apply
    expect(container.resources?.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources?.limits).toMatchObject({ memory: expect.any(String) });
  });

  test('when a pod is stopped, then Kubernetes waits for the preStop sleep and the drain before SIGKILL', () => {
    const preStopSeconds = Number(container.lifecycle?.preStop?.exec?.command[1]);
    const drainSeconds = loadMounted().settings.shutdownTimeoutMs / 1000;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + drainSeconds);
  });

  test('when replicas start, then every one of them uses the shared PostgreSQL store, its password from the Secret', () => {
    const env = containerEnv();
    const store = resolveStoreSettings(undefined, env);
    expect(store.type).toBe('postgres');
    expect(new URL(store.url ?? '').password).toBe('');
    expect(
      container.env?.find((variable) => variable.name === 'PGPASSWORD')?.valueFrom?.secretKeyRef,
    ).toBeDefined();
  });

  test('when the manifests are read, then no secret is written in them: every credential comes from the Secret', () => {
    for (const secret of secrets) {
      expect(secret.data).toBeUndefined();
      for (const value of Object.values(secret.stringData ?? {})) expect(value).toBe('REPLACE_ME');
    }
    for (const variable of container.env ?? []) {
      if (SECRET_NAME.test(variable.name)) expect(variable.valueFrom?.secretKeyRef).toBeDefined();
    }
    for (const map of configMaps) {
      for (const key of Object.keys(map.data)) expect(key).not.toMatch(SECRET_NAME);
    }
    // Every credential a config file reads from the environment is set from the Secret, so the example
    // files' demo defaults (`${SHOP_TOKEN:-shop-secret-token}`) never serve in a cluster.
    const referenced = configMaps.flatMap((map) =>
      Object.values(map.data).flatMap((text) =>
        [...text.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1] ?? ''),
      ),
    );
    const fromSecret = (container.env ?? [])
      .filter((variable) => variable.valueFrom?.secretKeyRef)
      .map((variable) => variable.name);
    for (const name of referenced.filter((variable) => SECRET_NAME.test(variable)))
      expect(fromSecret).toContain(name);
  });
});
