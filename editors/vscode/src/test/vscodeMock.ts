// A stand-in for the `vscode` module, just enough for the extension and
// vscode-languageclient to start a server in plain Node. What is not given
// here explicitly is a no-op: functions return a disposable, capitalized
// names are empty classes.

import Module = require('module');

export interface Recorded {
  errors: { message: string; items: string[] }[];
  executed: { command: string; args: unknown[] }[];
  commands: Map<string, (...args: unknown[]) => unknown>;
  output: string[];
}

export interface MockOptions {
  settings: Record<string, unknown>;
  workspaceFolder: string;
  answerError?: string;
}

const disposable = { dispose() {} };
const noop = () => disposable;

function namespace(explicit: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(explicit, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop in target) {
        return (target as Record<string | symbol, unknown>)[prop];
      }
      if (prop === 'then') {
        return undefined;
      }
      return /^[A-Z]/.test(prop) ? class {} : noop;
    },
  });
}

export function installVscodeMock(options: MockOptions): Recorded {
  const recorded: Recorded = { errors: [], executed: [], commands: new Map(), output: [] };
  const folderUri = {
    scheme: 'file',
    fsPath: options.workspaceFolder,
    path: options.workspaceFolder,
    toString: () => `file://${options.workspaceFolder}`,
  };
  const lookup = (key: string) => options.settings[key];
  const configuration = (section?: string) => ({
    get: (key: string, fallback?: unknown) => {
      const value = lookup(section ? `${section}.${key}` : key);
      return value === undefined ? fallback : value;
    },
    has: (key: string) => lookup(section ? `${section}.${key}` : key) !== undefined,
    inspect: (key: string) => ({ key, globalValue: lookup(section ? `${section}.${key}` : key) }),
    update: async () => undefined,
  });
  const outputChannel = {
    name: 'Marginalia',
    append: (text: string) => recorded.output.push(text),
    appendLine: (text: string) => recorded.output.push(text),
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  };

  class EventEmitter<T> {
    private listeners: ((value: T) => void)[] = [];
    event = (listener: (value: T) => void) => {
      this.listeners.push(listener);
      return disposable;
    };
    fire(value: T) {
      this.listeners.forEach((l) => l(value));
    }
    dispose() {}
  }
  class Disposable {
    constructor(private readonly callOnDispose?: () => void) {}
    static from(...items: { dispose(): unknown }[]) {
      return new Disposable(() => items.forEach((i) => i.dispose()));
    }
    dispose() {
      this.callOnDispose?.();
    }
  }

  const vscode = namespace({
    version: '1.82.0',
    env: namespace({ appName: 'Test', language: 'en', machineId: 'test', sessionId: 'test' }),
    EventEmitter,
    Disposable,
    Uri: {
      parse: (value: string) => ({ toString: () => value, fsPath: value.replace(/^file:\/\//, '') }),
      file: (fsPath: string) => ({ toString: () => `file://${fsPath}`, fsPath, scheme: 'file' }),
    },
    workspace: namespace({
      workspaceFolders: [{ uri: folderUri, name: 'articles', index: 0 }],
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration: configuration,
      getWorkspaceFolder: () => ({ uri: folderUri, name: 'articles', index: 0 }),
      createFileSystemWatcher: () => ({
        onDidCreate: noop,
        onDidChange: noop,
        onDidDelete: noop,
        dispose: () => undefined,
      }),
    }),
    window: namespace({
      visibleTextEditors: [],
      createOutputChannel: () => outputChannel,
      showErrorMessage: async (message: string, ...items: string[]) => {
        recorded.errors.push({ message, items });
        return options.answerError;
      },
    }),
    commands: namespace({
      registerCommand: (command: string, callback: (...args: unknown[]) => unknown) => {
        recorded.commands.set(command, callback);
        return disposable;
      },
      executeCommand: async (command: string, ...args: unknown[]) => {
        recorded.executed.push({ command, args });
        return undefined;
      },
    }),
    languages: namespace({ diagnostics: [] }),
  });

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') {
      return vscode;
    }
    return original.call(this, request, ...rest);
  };
  return recorded;
}
