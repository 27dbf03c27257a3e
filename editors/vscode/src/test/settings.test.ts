// Unit tests for what the extension works out from its settings. They run in
// plain Node (`npm test`); nothing here loads VS Code.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { test } from 'node:test';
import type { WorkspaceConfiguration } from 'vscode';
import { LookupEnvironment, findServer, serverSettings } from '../settings';

const posix = process.platform !== 'win32';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-vscode-'));
}

function executable(dir: string, name: string, mode = 0o755): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

function env(pathVariable: string, home = '/nonexistent-home'): LookupEnvironment {
  return { pathVariable, pathExt: undefined, platform: process.platform, home };
}

test('an executable named in the setting is used', () => {
  const dir = tempDir();
  const server = executable(dir, 'my-marginalia');
  assert.deepStrictEqual(findServer(server, undefined, env('')), { kind: 'found', path: server });
});

test('a relative setting is taken from the workspace folder', () => {
  const dir = tempDir();
  const server = executable(path.join(dir, 'target', 'debug'), 'marginalia');
  assert.deepStrictEqual(findServer('target/debug/marginalia', dir, env('')), {
    kind: 'found',
    path: server,
  });
  assert.deepStrictEqual(findServer('${workspaceFolder}/target/debug/marginalia', dir, env('')), {
    kind: 'found',
    path: server,
  });
});

test('~ in the setting is the home folder', () => {
  const home = tempDir();
  const server = executable(path.join(home, 'bin'), 'marginalia');
  assert.deepStrictEqual(findServer('~/bin/marginalia', undefined, env('', home)), {
    kind: 'found',
    path: server,
  });
});

test('a setting that names no executable is reported, not replaced by PATH', () => {
  const dir = tempDir();
  const onPath = tempDir();
  executable(onPath, 'marginalia');
  const missing = path.join(dir, 'nope');
  assert.deepStrictEqual(findServer(missing, undefined, env(onPath)), {
    kind: 'badSetting',
    configured: missing,
    resolved: missing,
  });
});

test('a file without execute permission is not a server', { skip: !posix }, () => {
  const dir = tempDir();
  const plain = executable(dir, 'marginalia', 0o644);
  assert.strictEqual(findServer(plain, undefined, env('')).kind, 'badSetting');
  assert.strictEqual(findServer('', undefined, env(dir)).kind, 'notOnPath');
});

test('with no setting, marginalia is looked up on PATH in order', () => {
  const first = tempDir();
  const second = tempDir();
  const server = executable(second, 'marginalia');
  const pathVariable = [first, second].join(path.delimiter);
  assert.deepStrictEqual(findServer('  ', undefined, env(pathVariable)), { kind: 'found', path: server });
  const earlier = executable(first, 'marginalia');
  assert.deepStrictEqual(findServer('', undefined, env(pathVariable)), { kind: 'found', path: earlier });
});

test('no setting and nothing on PATH or in ~/.cargo/bin says where it looked', () => {
  const empty = tempDir();
  const home = tempDir();
  assert.deepStrictEqual(findServer('', undefined, env(empty, home)), {
    kind: 'notOnPath',
    searched: [empty, path.join(home, '.cargo', 'bin')],
  });
});

test('with no setting and nothing on PATH, ~/.cargo/bin is the last resort', () => {
  const home = tempDir();
  const emptyPath = tempDir();
  const installed = executable(path.join(home, '.cargo', 'bin'), 'marginalia');
  assert.deepStrictEqual(findServer('', undefined, env(emptyPath, home)), { kind: 'found', path: installed });
  assert.deepStrictEqual(findServer('', undefined, env('', home)), { kind: 'found', path: installed });
});

test('a marginalia on PATH comes before the one in ~/.cargo/bin', () => {
  const home = tempDir();
  executable(path.join(home, '.cargo', 'bin'), 'marginalia');
  const onPath = tempDir();
  const first = executable(onPath, 'marginalia');
  assert.deepStrictEqual(findServer('', undefined, env(onPath, home)), { kind: 'found', path: first });
});

test('CARGO_HOME moves the last resort, and ~/.cargo/bin is then not looked at', () => {
  const home = tempDir();
  executable(path.join(home, '.cargo', 'bin'), 'marginalia');
  const cargoHome = tempDir();
  const lookup = { ...env('', home), cargoHome };
  assert.deepStrictEqual(findServer('', undefined, lookup), {
    kind: 'notOnPath',
    searched: [path.join(cargoHome, 'bin')],
  });
  const installed = executable(path.join(cargoHome, 'bin'), 'marginalia');
  assert.deepStrictEqual(findServer('', undefined, lookup), { kind: 'found', path: installed });
});

type Inspected = NonNullable<ReturnType<WorkspaceConfiguration['inspect']>>;

function configuration(values: Record<string, Partial<Inspected>>) {
  const defaults: Record<string, unknown> = { debounceMs: 200, maxFileSize: 10485760, rules: {} };
  return {
    inspect<T>(key: string) {
      return { key, defaultValue: defaults[key], ...(values[key] ?? {}) } as {
        key: string;
        defaultValue?: T;
      };
    },
  } as Pick<WorkspaceConfiguration, 'inspect'>;
}

test('defaults are not sent, so that marginalia.toml decides', () => {
  assert.deepStrictEqual(serverSettings(configuration({})), {});
});

test('settings are sent with the keys of marginalia.toml', () => {
  const settings = serverSettings(
    configuration({
      debounceMs: { globalValue: 0 },
      maxFileSize: { workspaceValue: 1024 },
      rules: { globalValue: { 'figure-drift': 'off', arithmetic: 'error' } },
    }),
  );
  assert.deepStrictEqual(settings, {
    debounce_ms: 0,
    max_file_size: 1024,
    rules: { 'figure-drift': 'off', arithmetic: 'error' },
  });
});

test('the most specific scope wins', () => {
  const settings = serverSettings(
    configuration({
      debounceMs: { globalValue: 500, workspaceValue: 300, workspaceFolderValue: 100 },
      rules: { globalValue: {} },
    }),
  );
  assert.deepStrictEqual(settings, { debounce_ms: 100 });
});

test('package.json declares the settings, rules and languages the code relies on', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  for (const key of ['server.path', 'debounceMs', 'maxFileSize', 'rules', 'trace.server']) {
    assert.ok(properties[`marginalia.${key}`], `marginalia.${key} is declared`);
  }
  assert.deepStrictEqual(Object.keys(properties['marginalia.rules'].properties).sort(), [
    'arithmetic',
    'figure-conflict',
    'figure-drift',
    'spelling-variant',
  ]);
  for (const rule of Object.values(properties['marginalia.rules'].properties) as { enum: string[] }[]) {
    assert.deepStrictEqual(rule.enum, ['off', 'error', 'warning', 'information', 'hint']);
  }
  assert.deepStrictEqual(manifest.activationEvents.sort(), ['onLanguage:markdown', 'onLanguage:plaintext']);
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.ok(commands.includes('marginalia.restartServer'));
});
