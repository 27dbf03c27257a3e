// Activates the extension against a stand-in `vscode` module: the error path
// when there is no server, and a real start of tests/nvim/fake_server.py
// through vscode-languageclient, checking what the server is sent.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { after, test } from 'node:test';
import { installVscodeMock } from './vscodeMock';

const fakeServer = path.resolve(__dirname, '..', '..', '..', '..', 'tests', 'nvim', 'fake_server.py');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-vscode-activate-'));
const logFile = path.join(folder, 'server-log.jsonl');
const settings: Record<string, unknown> = {
  'marginalia.server.path': path.join(folder, 'missing', 'marginalia'),
  'marginalia.debounceMs': 0,
  'marginalia.rules': { 'figure-drift': 'off' },
};
const recorded = installVscodeMock({ settings, workspaceFolder: folder, answerError: 'Open Settings' });
// Loaded after the stand-in is in place.
const extension = require('../extension') as typeof import('../extension');
const context = { subscriptions: [] as { dispose(): unknown }[] };

// Whatever happened, stop the server so that the test process can end.
after(async () => {
  await extension.deactivate();
});

async function until(condition: () => boolean, ms = 10000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

function serverLog(): { method: string; params: unknown }[] {
  if (!fs.existsSync(logFile)) {
    return [];
  }
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

test('a missing server is reported with an Open Settings action', { timeout: 30000 }, async () => {
  await extension.activate(context as never);
  assert.ok(await until(() => recorded.errors.length > 0), 'an error message is shown');
  const [error] = recorded.errors;
  assert.match(error.message, /marginalia\.server\.path/);
  assert.ok(error.items.includes('Open Settings'));
  assert.ok(await until(() => recorded.executed.length > 0), 'choosing the action opens the settings');
  assert.deepStrictEqual(recorded.executed[0], {
    command: 'workbench.action.openSettings',
    args: ['marginalia.server.path'],
  });
  assert.ok(recorded.commands.has('marginalia.restartServer'));
});

test('restarting starts the server with the settings as initializationOptions', { skip: !fs.existsSync(fakeServer) && 'no fake server', timeout: 30000 }, async () => {
  settings['marginalia.server.path'] = fakeServer;
  process.env.MARGINALIA_FAKE_LOG = logFile;
  await recorded.commands.get('marginalia.restartServer')!();
  assert.ok(
    await until(() => serverLog().some((m) => m.method === 'initialized')),
    'the server is initialized; log:\n' + recorded.output.join('\n'),
  );
  const initialize = serverLog().find((m) => m.method === 'initialize')!.params as {
    initializationOptions: unknown;
  };
  assert.deepStrictEqual(initialize.initializationOptions, {
    debounce_ms: 0,
    rules: { 'figure-drift': 'off' },
  });
  assert.ok(
    await until(() => serverLog().some((m) => m.method === 'workspace/didChangeConfiguration')),
    'the settings are sent as workspace/didChangeConfiguration too',
  );
  const change = serverLog().find((m) => m.method === 'workspace/didChangeConfiguration')!.params;
  assert.deepStrictEqual(change, {
    settings: { marginalia: { debounce_ms: 0, rules: { 'figure-drift': 'off' } } },
  });
  await extension.deactivate();
  assert.ok(
    await until(() => serverLog().some((m) => m.method === 'exit')),
    'the server is shut down on deactivate',
  );
});

test('a server that exits at once is reported with an Open Settings action', { skip: !fs.existsSync(fakeServer) && 'no fake server', timeout: 30000 }, () => {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'startFailure.js'), fakeServer, folder], {
    env: { ...process.env, MARGINALIA_FAKE_MODE: 'exit' },
    encoding: 'utf8',
    timeout: 25000,
  });
  assert.strictEqual(run.status, 0, run.stderr);
  const { errors, leftBehind } = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    errors: { message: string; items: string[] }[];
    leftBehind: string[];
  };
  // vscode-languageclient shows its own message too; ours says what to do.
  const ours = errors.filter((e) => /did not start/.test(e.message));
  assert.strictEqual(ours.length, 1, JSON.stringify(errors));
  assert.ok(ours[0].items.includes('Open Settings'));
  // Only the rejections vscode-languageclient is known to leave behind.
  for (const message of leftBehind) {
    assert.match(message, /Pending response rejected since connection got disposed|Client is not running and can't be stopped/);
  }
});
