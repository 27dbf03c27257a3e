// The extension as it ships (the bundle dist/extension.js, with
// vscode-languageclient inside it) against the real server, on the articles
// of tests/nvim/fixture: the settings go out, and figure-conflict diagnostics
// come back. Runs only when MARGINALIA_BIN names the server, after
// `npm run bundle` (which `npm test` runs):
//
//   MARGINALIA_BIN=../../target/debug/marginalia node --test out/test/realServer.test.js

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, test } from 'node:test';
import { installVscodeMock } from './vscodeMock';

const bin = process.env.MARGINALIA_BIN ? path.resolve(process.env.MARGINALIA_BIN) : undefined;
const fixture = path.resolve(__dirname, '..', '..', '..', '..', 'tests', 'nvim', 'fixture');
const bundle = path.resolve(__dirname, '..', '..', 'dist', 'extension.js');

test('the real server reports figure-conflict through the client', { skip: bin === undefined && 'MARGINALIA_BIN is not set', timeout: 60000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-vscode-server-'));
  fs.cpSync(fixture, folder, { recursive: true });
  const recorded = installVscodeMock({
    settings: { 'marginalia.server.path': bin, 'marginalia.debounceMs': 0 },
    workspaceFolder: folder,
  });
  assert.ok(fs.existsSync(bundle), `no bundle at ${bundle}; run "npm run bundle" first`);
  const extension = require(bundle) as typeof import('../extension');
  after(async () => {
    await extension.deactivate();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  await extension.activate({ subscriptions: [] } as never);
  assert.deepStrictEqual(recorded.errors, [], 'no error message');

  const early = `file://${path.join(folder, 'early.md')}`;
  const end = Date.now() + 20000;
  const codes = () => (recorded.diagnostics.get(early) ?? []).map((d) => String(d.code));
  while (Date.now() < end && !codes().includes('figure-conflict')) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(
    codes().includes('figure-conflict'),
    `figure-conflict on early.md; diagnostics: ${JSON.stringify([...recorded.diagnostics])}\n` +
      `log:\n${recorded.output.join('')}`,
  );
});
