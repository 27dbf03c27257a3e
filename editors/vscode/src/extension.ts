// The Marginalia extension: starts `marginalia lsp` for Markdown and plain-text
// files and keeps its settings in step with the editor's.

import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NAME, findServer, serverSettings } from './settings';

const SECTION = 'marginalia';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
// Other articles and the config file change on disk too; the server reads
// them, so it is told when they do. One watcher serves every restart.
let watcher: vscode.FileSystemWatcher;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('Marginalia');
  watcher = vscode.workspace.createFileSystemWatcher('**/{marginalia.toml,*.md,*.markdown,*.txt}');
  context.subscriptions.push(outputChannel, watcher);

  context.subscriptions.push(
    vscode.commands.registerCommand('marginalia.restartServer', async () => {
      outputChannel.appendLine('Restarting the Marginalia server.');
      await stopClient();
      await startClient();
    }),
    vscode.commands.registerCommand('marginalia.showOutput', () => {
      outputChannel.show(true);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.server.path`)) {
        // A different executable means a different process.
        await stopClient();
        await startClient();
        return;
      }
      // Other changes reach the server through the client's configuration
      // synchronization, shaped by the middleware in startClient.
    }),
  );

  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(): Promise<void> {
  const command = locateServer();
  if (command === undefined) {
    return;
  }
  outputChannel.appendLine(`Starting ${command} lsp`);

  // No `transport`: TransportKind.stdio would add a `--stdio` argument, which
  // `marginalia lsp` does not take. Without it the client still talks over
  // the process's stdin and stdout.
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };

  // Until the server has answered `initialize`, a failure is reported once,
  // by us, with the way to fix it; after that a crashed server is restarted a
  // few times, as VS Code's clients usually do.
  let ready = false;
  const crashes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    initializationFailedHandler: () => false,
    errorHandler: {
      error: (_error, _message, count): ErrorHandlerResult => ({
        action: ready && (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: (): CloseHandlerResult => {
        if (!ready) {
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && now - crashes[0] > 3 * 60 * 1000) {
          crashes.shift();
        }
        if (crashes.length <= 4) {
          outputChannel.appendLine('The Marginalia server stopped; starting it again.');
          return { action: CloseAction.Restart, handled: true };
        }
        return {
          action: CloseAction.DoNotRestart,
          message:
            'The Marginalia server stopped 5 times in 3 minutes and will not be started again. ' +
            'See the Marginalia output channel, then run "Marginalia: Restart server".',
        };
      },
    },
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: currentSettings(),
    outputChannel,
    synchronize: {
      // Changes to these settings are sent as workspace/didChangeConfiguration.
      configurationSection: SECTION,
      fileEvents: watcher,
    },
    middleware: {
      workspace: {
        // Send the settings in the shape of marginalia.toml under the
        // `marginalia` section, not VS Code's own setting names.
        didChangeConfiguration: async () => {
          await newClient.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: currentSettings() },
          });
        },
        // Answer `workspace/configuration` for our section with the same
        // shape as initializationOptions, not VS Code's own setting names.
        configuration: (params, token, next) => {
          const items = params.items;
          if (items.every((item) => item.section === SECTION)) {
            return items.map(() => currentSettings());
          }
          return next(params, token);
        },
      },
    },
  };

  // The id 'marginalia' makes the client read `marginalia.trace.server`.
  const newClient = new LanguageClient(SECTION, 'Marginalia', serverOptions, clientOptions);
  try {
    await newClient.start();
    // start() can resolve without a running server when the process dies
    // during initialization.
    if (!newClient.isRunning()) {
      throw new Error('the server stopped during initialization');
    }
    ready = true;
    client = newClient;
  } catch (error) {
    outputChannel.appendLine(`The server did not start: ${String(error)}`);
    // Not awaited: the message stays until the user answers it.
    void offerSettings(
      `Marginalia: the server at "${command}" did not start (${errorMessage(error)}). ` +
        'Check the path in the "marginalia.server.path" setting, or the log in the Marginalia output channel.',
    );
    try {
      await newClient.dispose();
    } catch {
      // It never ran; nothing to clean up.
    }
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  try {
    await running.stop();
  } catch (error) {
    outputChannel.appendLine(`Stopping the server failed: ${String(error)}`);
  }
}

// The server's executable, or undefined after telling the user why not.
function locateServer(): string | undefined {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const lookup = findServer(configured, folder);
  switch (lookup.kind) {
    case 'found':
      return lookup.path;
    case 'badSetting':
      outputChannel.appendLine(`Not an executable file: ${lookup.resolved}`);
      void offerSettings(
        `Marginalia: the server path "${lookup.configured}" from the "marginalia.server.path" setting ` +
          'is not an executable file' +
          (lookup.resolved !== lookup.configured ? ` (looked at ${lookup.resolved}).` : '.'),
      );
      return undefined;
    case 'notOnPath':
      outputChannel.appendLine(`"${SERVER_NAME}" is in none of these folders: ${lookup.searched.join(', ')}`);
      void offerSettings(
        `Marginalia: could not find the "${SERVER_NAME}" executable on PATH or in ${lookup.searched[lookup.searched.length - 1]}. ` +
          'Install it (for example with "cargo install --path ." in the Marginalia source) ' +
          'or set "marginalia.server.path" to its location.',
      );
      return undefined;
  }
}

async function offerSettings(message: string): Promise<void> {
  const openSettings = 'Open Settings';
  const showLog = 'Show Log';
  const choice = await vscode.window.showErrorMessage(message, openSettings, showLog);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'marginalia.server.path');
  } else if (choice === showLog) {
    outputChannel.show(true);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function currentSettings(): Record<string, unknown> {
  return serverSettings(vscode.workspace.getConfiguration(SECTION));
}
