/**
 * Hot reload: watches gateway.yaml and the endpoints folder, and after a quiet period re-runs
 * loadConfig. A valid result goes to onReload (the caller swaps its reference); an invalid one goes to
 * onError and the caller keeps serving the old configuration.
 *
 * Folders are watched rather than files: editors (vim, VS Code "safe write") and Kubernetes ConfigMaps
 * replace a file by renaming a new one over it, which silently ends a watch on the old file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './load-config';
import { GatewayConfig } from './types';

export interface WatchConfigOptions {
  configPath: string;
  env: Record<string, string | undefined>;
  onReload(config: GatewayConfig): void;
  onError(error: unknown): void;
  /** Quiet time after the last change before reloading; default 250 ms. */
  debounceMs?: number;
}

export interface ConfigWatcher {
  close(): void;
  /** Reloads at once (SIGHUP); resolves true when the new configuration was valid and handed over. */
  reloadNow(): Promise<boolean>;
}

/** Kubernetes swaps a ConfigMap through a `..data` symlink; a null name means the platform did not say. */
function isRelevant(filename: string | null, wanted: (name: string) => boolean): boolean {
  return filename === null || filename.startsWith('..') || wanted(filename);
}

export function watchConfig(options: WatchConfigOptions): ConfigWatcher {
  const debounceMs = options.debounceMs ?? 250;
  const gatewayPath = path.resolve(options.configPath);
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const watchDir = (dir: string, wanted: (name: string) => boolean): void => {
    if (watchers.has(dir)) return;
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, filename) => {
        if (isRelevant(filename === null ? null : String(filename), wanted)) schedule();
      });
      // The folder itself was removed or renamed: drop the watch; the next reload re-creates it.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
        schedule();
      });
      watchers.set(dir, watcher);
    } catch (error) {
      options.onError(error);
    }
  };

  const watchAll = (endpointsDir: string | undefined): void => {
    const gatewayName = path.basename(gatewayPath);
    watchDir(path.dirname(gatewayPath), (name) => name === gatewayName);
    if (endpointsDir !== undefined) watchDir(endpointsDir, (name) => /\.ya?ml$/i.test(name));
    // endpoints_dir may have changed: stop watching folders that are no longer used.
    for (const [dir, watcher] of watchers) {
      if (dir !== path.dirname(gatewayPath) && dir !== endpointsDir) {
        watcher.close();
        watchers.delete(dir);
      }
    }
  };

  const reload = (): boolean => {
    if (closed) return false;
    try {
      const config = loadConfig({ configPath: gatewayPath, env: options.env });
      watchAll(config.settings.endpointsDir);
      options.onReload(config);
      return true;
    } catch (error) {
      options.onError(error);
      return false;
    }
  };

  function schedule(): void {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      reload();
    }, debounceMs);
  }

  try {
    watchAll(loadConfig({ configPath: gatewayPath, env: options.env }).settings.endpointsDir);
  } catch {
    // The caller loaded the config before watching; if it is broken now, watch what we can.
    watchAll(path.resolve(path.dirname(gatewayPath), 'endpoints'));
  }

  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
    reloadNow(): Promise<boolean> {
      if (timer) clearTimeout(timer);
      timer = undefined;
      return Promise.resolve(reload());
    },
  };
}
