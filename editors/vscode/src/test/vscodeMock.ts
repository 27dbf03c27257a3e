// A stand-in for the `vscode` module, just enough for the extension and
// vscode-languageclient to start a server in plain Node. What is not given
// here explicitly is a no-op: functions return a disposable, capitalized
// names are empty classes.

import Module = require('module');

export interface Recorded {
  diagnostics: Map<string, { message: string; code?: unknown }[]>;
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
  const recorded: Recorded = { diagnostics: new Map(), errors: [], executed: [], commands: new Map(), output: [] };
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

  class CodeActionKind {
    static readonly Empty = new CodeActionKind('');
    constructor(readonly value: string) {}
    append(part: string) {
      return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
    }
    contains(other: CodeActionKind) {
      return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
    }
    intersects(other: CodeActionKind) {
      return this.contains(other) || other.contains(this);
    }
  }

  class CancellationTokenSource {
    private readonly emitter = new EventEmitter<void>();
    readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
    cancel() {
      this.token.isCancellationRequested = true;
      this.emitter.fire();
    }
    dispose() {}
  }

  class Position {
    constructor(readonly line: number, readonly character: number) {}
  }
  class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
      this.start = typeof a === 'number' ? new Position(a, b as number) : a;
      this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
    }
  }
  class Diagnostic {
    code?: unknown;
    source?: string;
    constructor(readonly range: Range, readonly message: string, readonly severity?: number) {}
  }
  const diagnosticCollection = (name: string) => ({
    name,
    set: (uri: { toString(): string }, diagnostics: Diagnostic[] | undefined) => {
      recorded.diagnostics.set(uri.toString(), diagnostics ?? []);
    },
    delete: (uri: { toString(): string }) => recorded.diagnostics.delete(uri.toString()),
    clear: () => recorded.diagnostics.clear(),
    get: (uri: { toString(): string }) => recorded.diagnostics.get(uri.toString()),
    has: (uri: { toString(): string }) => recorded.diagnostics.has(uri.toString()),
    forEach: () => undefined,
    dispose: () => undefined,
  });

  const vscode = namespace({
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CodeActionKind,
    CancellationTokenSource,
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
    languages: namespace({
      createDiagnosticCollection: diagnosticCollection,
      getDiagnostics: () => [],
    }),
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
