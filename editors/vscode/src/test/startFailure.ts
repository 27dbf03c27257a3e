// Run in its own process by activation.test.ts: activates the extension with a
// server that exits at once, then prints the error messages shown, as JSON.
// vscode-languageclient 9 leaves rejected promises behind in that case (the
// extension host only logs them), which Node's test runner would count
// against whichever test is running; here they are only counted.

import { installVscodeMock } from './vscodeMock';

const [serverPath, folder] = process.argv.slice(2);
const recorded = installVscodeMock({
  settings: { 'marginalia.server.path': serverPath },
  workspaceFolder: folder,
  answerError: undefined,
});
const leftBehind: string[] = [];
process.on('unhandledRejection', (reason) => {
  leftBehind.push(reason instanceof Error ? reason.message : String(reason));
});

const extension = require('../extension') as typeof import('../extension');

void (async () => {
  await extension.activate({ subscriptions: [] } as never);
  const end = Date.now() + 10000;
  while (Date.now() < end && !recorded.errors.some((e) => /did not start/.test(e.message))) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await extension.deactivate();
  process.stdout.write(JSON.stringify({ errors: recorded.errors, leftBehind }) + '\n');
  process.exit(0);
})();
