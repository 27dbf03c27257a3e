// The Marginalia extension: starts `marginalia lsp` for Markdown and plain-text
// files and keeps its settings in step with the editor's.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

const SECTION = 'marginalia';
const SERVER_NAME = 'marginalia';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('Marginalia');
  context.subscriptions.push(outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('marginalia.restartServer', async () => {
      outputChannel.appendLine('Restarting the Marginalia server.');
      await stopClient();
      await startClient(context);
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
        await startClient(context);
        return;
      }
      if (client?.isRunning()) {
        await client.sendNotification('workspace/didChangeConfiguration', {
          settings: { [SECTION]: serverSettings() },
        });
      }
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const command = findServer();
  if (command === undefined) {
    return;
  }
  outputChannel.appendLine(`Starting ${command} lsp`);

  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: serverSettings(),
    outputChannel,
    synchronize: {
      // Other articles and the config file change on disk too; the server
      // reads them, so it is told when they do.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{marginalia.toml,*.md,*.markdown,*.txt}',
      ),
    },
    middleware: {
      workspace: {
        // Answer `workspace/configuration` for our section with the same
        // shape as initializationOptions, not VS Code's own setting names.
        configuration: (params, token, next) => {
          const items = params.items;
          if (items.every((item) => item.section === SECTION)) {
            return items.map(() => serverSettings());
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
    client = newClient;
  } catch (error) {
    outputChannel.appendLine(`The server did not start: ${String(error)}`);
    await offerSettings(
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

// The server's executable: the setting when it is set, else `marginalia` on
// PATH. Shows an error and returns undefined when there is neither.
function findServer(): string | undefined {
  const configured = vscode.workspace
    .getConfiguration(SECTION)
    .get<string>('server.path', '')
    .trim();
  if (configured !== '') {
    const resolved = resolveConfiguredPath(configured);
    if (isExecutable(resolved)) {
      return resolved;
    }
    void offerSettings(
      `Marginalia: the server path "${configured}" from the "marginalia.server.path" setting ` +
        `is not an executable file${resolved !== configured ? ` (looked at ${resolved})` : ''}.`,
    );
    outputChannel.appendLine(`Not an executable file: ${resolved}`);
    return undefined;
  }
  const onPath = searchPath(SERVER_NAME);
  if (onPath !== undefined) {
    return onPath;
  }
  void offerSettings(
    'Marginalia: could not find the "marginalia" executable on PATH. ' +
      'Install it (for example with "cargo install --path ." in the Marginalia source) ' +
      'or set "marginalia.server.path" to its location.',
  );
  outputChannel.appendLine(`"${SERVER_NAME}" is not on PATH: ${process.env.PATH ?? ''}`);
  return undefined;
}

function resolveConfiguredPath(configured: string): string {
  let value = configured;
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    value = path.join(os.homedir(), value.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder !== undefined) {
    value = value.replace(/\$\{workspaceFolder\}/g, folder);
  }
  if (!path.isAbsolute(value) && folder !== undefined) {
    value = path.join(folder, value);
  }
  return value;
}

function searchPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const extensions =
    process.platform === 'win32'
      ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').concat([''])
      : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
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

// Server settings in the shape of `marginalia.toml`. Only values the user set
// are sent, so that defaults here never override the workspace's file.
export function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
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
  if (rules !== undefined && Object.keys(rules).length > 0) {
    settings.rules = { ...rules };
  }
  return settings;
}

function explicitValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
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
