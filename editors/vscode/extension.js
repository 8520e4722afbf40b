'use strict';
// The clusterc extension: starts `clusterc lsp` (the settings `clusterc.server.command` and
// `clusterc.server.args`) as a language client over standard input and output for `.cluster` files,
// starts it again when either setting changes, and says plainly when the command cannot be found.

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const SECTION = 'clusterc.server';

let client;
let output;
let starting = Promise.resolve();

/** Called by VS Code when a `.cluster` file is opened or the workspace holds one. */
function activate(context) {
  // A log channel: the client writes the server's standard error there with its `error` and `info`.
  output = vscode.window.createOutputChannel('clusterc', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) {
        output.appendLine('clusterc: the server settings changed; starting the language server again');
        restart();
      }
    })
  );
  restart();
  // What the extension offers others (its own end-to-end test reads the client's capabilities).
  return {
    get client() {
      return client;
    },
    ready() {
      return starting;
    },
  };
}

/** Called by VS Code on shutdown: stops the server (after a start under way) so no process is left behind. */
function deactivate() {
  starting = starting.then(stop);
  return starting;
}

/** Stops the client, if any, and starts a new one; one after the other, however often settings change. */
function restart() {
  starting = starting
    .then(stop)
    .then(start)
    .catch((error) => {
      const text = `clusterc: the language server could not be started: ${message(error)}`;
      output.appendLine(text);
      vscode.window.showErrorMessage(text);
    });
  return starting;
}

async function stop() {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (error) {
      output.appendLine(`clusterc: stopping the language server failed: ${message(error)}`);
    }
  }
}

async function start() {
  const settings = vscode.workspace.getConfiguration(SECTION);
  const command = settings.get('command', 'clusterc') || 'clusterc';
  const args = settings.get('args', ['lsp']) || [];
  const executable = resolveCommand(command, process.env);
  if (!executable) {
    showNotFound(command);
    return;
  }
  const serverOptions = { command: executable, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ language: 'cluster' }],
    outputChannel: output,
  };
  output.appendLine(`clusterc: starting ${[executable, ...args].join(' ')}`);
  const next = new LanguageClient('clusterc', 'clusterc language server', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (error) {
    if (client === next) {
      client = undefined;
    }
    if (error && error.code === 'ENOENT') {
      showNotFound(command);
    } else {
      const text = `clusterc: the language server \`${command}\` did not start: ${message(error)}`;
      output.appendLine(text);
      vscode.window.showErrorMessage(text);
    }
  }
}

/**
 * The file the command names, or undefined when there is none: a command with a slash is a path
 * (relative ones are taken from the first workspace folder), a bare name is looked up on PATH.
 */
function resolveCommand(command, env) {
  if (command.includes('/') || command.includes(path.sep)) {
    const folders = vscode.workspace.workspaceFolders;
    const base = folders && folders.length > 0 ? folders[0].uri.fsPath : process.cwd();
    const file = path.resolve(base, command.replace(/^~(?=\/)/, require('os').homedir()));
    return isExecutable(file) ? file : undefined;
  }
  const extensions = process.platform === 'win32' ? (env.PATHEXT || '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const extension of extensions) {
      const file = path.join(dir, command + extension);
      if (isExecutable(file)) {
        return file;
      }
    }
  }
  return undefined;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function showNotFound(command) {
  const text =
    `clusterc: the language server command \`${command}\` was not found. ` +
    'Install clusterc (put `clusterc` on PATH) or set `clusterc.server.command` to its path.';
  output.appendLine(text);
  const openSettings = 'Open Settings';
  Promise.resolve(vscode.window.showErrorMessage(text, openSettings)).then((choice) => {
    if (choice === openSettings) {
      vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
    }
  });
}

function message(error) {
  return error && error.message ? error.message : String(error);
}

module.exports = { activate, deactivate, resolveCommand };
