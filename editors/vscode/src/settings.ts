// What the extension works out from its settings, kept free of the editor so
// that it can be tested with plain Node.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkspaceConfiguration } from 'vscode';

export const SERVER_NAME = 'marginalia';

/** Where the server was found, or why it was not. */
export type ServerLookup =
  | { kind: 'found'; path: string }
  | { kind: 'badSetting'; configured: string; resolved: string }
  | { kind: 'notOnPath'; searched: string[] };

/** The environment a lookup depends on; the real one by default. */
export interface LookupEnvironment {
  pathVariable: string | undefined;
  pathExt: string | undefined;
  platform: NodeJS.Platform;
  home: string;
  /** `CARGO_HOME`, where `cargo install` puts its `bin` folder; `~/.cargo` when unset. */
  cargoHome?: string;
}

export function currentEnvironment(): LookupEnvironment {
  return {
    pathVariable: process.env.PATH,
    pathExt: process.env.PATHEXT,
    platform: process.platform,
    home: os.homedir(),
    cargoHome: process.env.CARGO_HOME,
  };
}

/**
 * The server's executable: `configured` (the `marginalia.server.path`
 * setting) when it is set, else `marginalia` on PATH, else in cargo's `bin`
 * folder. That last one is where `cargo install` puts it, and an editor
 * started from a desktop menu often has a PATH without it.
 */
export function findServer(
  configured: string,
  workspaceFolder: string | undefined,
  env: LookupEnvironment = currentEnvironment(),
): ServerLookup {
  const setting = configured.trim();
  if (setting !== '') {
    const resolved = resolveConfiguredPath(setting, workspaceFolder, env.home);
    if (isExecutable(resolved, env.platform)) {
      return { kind: 'found', path: resolved };
    }
    return { kind: 'badSetting', configured: setting, resolved };
  }
  const dirs = (env.pathVariable ?? '').split(path.delimiter).filter((d) => d !== '');
  const cargoBin = cargoBinFolder(env);
  if (!dirs.includes(cargoBin)) {
    dirs.push(cargoBin);
  }
  const extensions =
    env.platform === 'win32' ? (env.pathExt ?? '.EXE;.CMD;.BAT;.COM').split(';').concat(['']) : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = path.join(dir, SERVER_NAME + extension);
      if (isExecutable(candidate, env.platform)) {
        return { kind: 'found', path: candidate };
      }
    }
  }
  return { kind: 'notOnPath', searched: dirs };
}

/** The folder `cargo install` writes executables to. */
export function cargoBinFolder(env: LookupEnvironment): string {
  const cargoHome = env.cargoHome !== undefined && env.cargoHome.trim() !== '' ? env.cargoHome : path.join(env.home, '.cargo');
  return path.join(cargoHome, 'bin');
}

/** Expands `~` and `${workspaceFolder}`; a relative path is taken from the workspace folder. */
export function resolveConfiguredPath(
  configured: string,
  workspaceFolder: string | undefined,
  home: string,
): string {
  let value = configured;
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    value = path.join(home, value.slice(1));
  }
  if (workspaceFolder !== undefined) {
    value = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
    if (!path.isAbsolute(value)) {
      value = path.join(workspaceFolder, value);
    }
  }
  return value;
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The part of `WorkspaceConfiguration` that settings are read through. */
export type ConfigurationReader = Pick<WorkspaceConfiguration, 'inspect'>;

/**
 * Server settings in the shape of `marginalia.toml`, from the `marginalia`
 * section. Only values the user set are included, so that the defaults of
 * the extension never override the workspace's `marginalia.toml`.
 */
export function serverSettings(config: ConfigurationReader): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const debounce = explicitValue<number>(config, 'debounceMs');
  if (debounce !== undefined) {
    settings.debounce_ms = debounce;
  }
  const maxFileSize = explicitValue<number>(config, 'maxFileSize');
  if (maxFileSize !== undefined) {
    settings.max_file_size = maxFileSize;
  }
  const rules = explicitValue<Record<string, string>>(config, 'rules');
  if (rules !== undefined && rules !== null && Object.keys(rules).length > 0) {
    settings.rules = { ...rules };
  }
  return settings;
}

function explicitValue<T>(config: ConfigurationReader, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  if (inspected === undefined) {
    return undefined;
  }
  return (
    inspected.workspaceFolderLanguageValue ??
    inspected.workspaceLanguageValue ??
    inspected.globalLanguageValue ??
    inspected.workspaceFolderValue ??
    inspected.workspaceValue ??
    inspected.globalValue
  );
}
