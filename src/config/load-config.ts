/**
 * Loads gateway.yaml and every endpoint/mapping file: read + parse → interpolate `${VAR}` → validate
 * (joi) → per-file checks → cross-file checks → build a frozen GatewayConfig. Every problem found in
 * any file is collected and thrown as one ConfigError.
 */
import fs from 'node:fs';
import path from 'node:path';
import Joi from 'joi';
import { buildConfig, ValidEndpointFile } from './build-config';
import { ConfigError, ConfigProblem } from './config-error';
import { checkAcrossFiles, CheckedFile } from './cross-file-checks';
import { checkEndpointFile } from './endpoint-checks';
import { checkGateway } from './gateway-checks';
import { interpolate } from './interpolate';
import { validateWithSchema } from './joi-problems';
import { RawEndpointFile, RawGateway } from './raw-types';
import { Report, reporterFor } from './report';
import { endpointSchema } from './schemas/endpoint-schema';
import { gatewaySchema } from './schemas/gateway-schema';
import { GatewayConfig } from './types';
import { readYamlSource, relativeFile, YamlSource } from './yaml-source';

export interface LoadConfigOptions {
  /** gateway.yaml, absolute or relative to the working directory. */
  configPath: string;
  env: Record<string, string | undefined>;
}

export interface LoadConfigFilesOptions extends LoadConfigOptions {
  /** Endpoint and mapping files to load instead of listing `endpoints_dir` (tests, config check). */
  endpointPaths: readonly string[];
}

interface Stage {
  source?: YamlSource;
  value?: unknown;
  written?: Record<string, unknown>;
}

type Adjust = (written: Record<string, unknown>, report: Report) => Record<string, unknown>;

/** Read, interpolate and validate one file; problems are appended. */
function validateFile(
  absPath: string,
  schema: Joi.Schema,
  options: LoadConfigOptions,
  problems: ConfigProblem[],
  adjust: Adjust = (written) => written,
  /** What an empty file stands for: `{}` for gateway.yaml (all defaults), nothing for an endpoint file. */
  empty?: Record<string, unknown>,
): Stage {
  const read = readYamlSource(absPath, process.cwd());
  problems.push(...read.problems);
  const { source } = read;
  if (!source || read.problems.length > 0) return { source };
  const report = reporterFor(source, problems);
  const before = problems.length;
  const interpolated = interpolate(source.data, options.env, (found) =>
    report(found.keyPath, found.message, found.hint),
  );
  if (problems.length > before) return { source };
  const data = interpolated ?? empty;
  const written = isObject(data) ? adjust(data, report) : data;
  const validated = validateWithSchema(schema, written, source);
  problems.push(...validated.problems);
  const stage: Stage = { source, written: isObject(written) ? written : undefined };
  return problems.length > before ? stage : { ...stage, value: validated.value };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `PORT` wins over server.port (platforms such as Heroku or Cloud Run set it). */
function portOverride(env: Record<string, string | undefined>): Adjust {
  return (written, report) => {
    const port = env.PORT;
    if (port === undefined || port === '') return written;
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      report(
        ['server', 'port'],
        `is overridden by the environment variable PORT="${port}", which is not a port number (0-65535)`,
      );
      return written;
    }
    const server = isObject(written.server) ? written.server : {};
    return { ...written, server: { ...server, port: Number(port) } };
  };
}

interface LoadedGateway {
  gateway?: RawGateway;
  source?: YamlSource;
}

function loadGateway(options: LoadConfigOptions, problems: ConfigProblem[]): LoadedGateway {
  const absPath = path.resolve(options.configPath);
  const stage = validateFile(absPath, gatewaySchema, options, problems, portOverride(options.env), {});
  if (!stage.source || stage.value === undefined) return { source: stage.source };
  const before = problems.length;
  const gateway = stage.value as RawGateway;
  checkGateway(gateway, options.env, reporterFor(stage.source, problems));
  return problems.length > before ? { source: stage.source } : { gateway, source: stage.source };
}

function nameOf(written: Record<string, unknown> | undefined): CheckedFile['name'] {
  for (const kind of ['endpoint', 'mapping'] as const) {
    const name = written?.[kind];
    if (typeof name === 'string') return { kind, name };
  }
  return undefined;
}

function loadEndpointFile(
  absPath: string,
  options: LoadConfigOptions,
  problems: ConfigProblem[],
): CheckedFile | undefined {
  const stage = validateFile(absPath, endpointSchema, options, problems);
  if (!stage.source) return undefined;
  const checked: CheckedFile = { source: stage.source, name: nameOf(stage.written) };
  if (!stage.value || !stage.written) return checked;
  const value = stage.value as RawEndpointFile;
  const before = problems.length;
  const report = reporterFor(stage.source, problems);
  checkEndpointFile(value, stage.written, stage.source.lineOf, report, stage.source.data);
  return problems.length > before ? checked : { ...checked, value };
}

/** gateway.yaml's path: `GATEWAY_CONFIG`, else `config/gateway.yaml` (relative to the working directory). */
export function configPathFromEnv(env: Record<string, string | undefined>): string {
  return env.GATEWAY_CONFIG !== undefined && env.GATEWAY_CONFIG !== ''
    ? env.GATEWAY_CONFIG
    : 'config/gateway.yaml';
}

/** `*.yaml` and `*.yml` files of the endpoints folder, sorted by name. */
export function listEndpointFiles(endpointsDir: string): string[] {
  return fs
    .readdirSync(endpointsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.join(endpointsDir, entry.name))
    .sort();
}

function endpointsDirOf(gateway: RawGateway | undefined, source: YamlSource): string {
  const written = (source.data as Record<string, unknown> | null)?.endpoints_dir;
  const dir = gateway?.endpoints_dir ?? (typeof written === 'string' ? written : 'endpoints');
  return path.resolve(path.dirname(source.absPath), dir);
}

function finish(
  options: LoadConfigOptions,
  problems: ConfigProblem[],
  { gateway, source }: LoadedGateway,
  endpointPaths: readonly string[],
): GatewayConfig {
  const files = endpointPaths
    .map((file) => loadEndpointFile(path.resolve(file), options, problems))
    .filter((file): file is CheckedFile => file !== undefined);
  problems.push(...checkAcrossFiles(files));
  if (problems.length > 0 || !gateway || !source) throw new ConfigError(problems);
  const valid = files.filter((file): file is ValidEndpointFile => file.value !== undefined);
  return buildConfig(gateway, source.absPath, valid, options.env.NODE_ENV === 'production');
}

/** Loads gateway.yaml with the given endpoint files instead of listing `endpoints_dir`. */
export function loadConfigFiles(options: LoadConfigFilesOptions): GatewayConfig {
  const problems: ConfigProblem[] = [];
  return finish(options, problems, loadGateway(options, problems), options.endpointPaths);
}

/** Loads gateway.yaml and every `*.yaml`/`*.yml` of its endpoints folder. Throws ConfigError. */
export function loadConfig(options: LoadConfigOptions): GatewayConfig {
  const problems: ConfigProblem[] = [];
  const loaded = loadGateway(options, problems);
  if (!loaded.source) throw new ConfigError(problems);
  const endpointsDir = endpointsDirOf(loaded.gateway, loaded.source);
  let endpointPaths: string[] = [];
  try {
    endpointPaths = listEndpointFiles(endpointsDir);
  } catch {
    problems.push({
      file: loaded.source.file,
      line: loaded.source.lineOf(['endpoints_dir']),
      key: 'endpoints_dir',
      message: `folder not found: ${relativeFile(endpointsDir, process.cwd())}`,
    });
  }
  return finish(options, problems, loaded, endpointPaths);
}
