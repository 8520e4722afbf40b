'use strict';
// The extension's wiring, with the `vscode` module and the language client stubbed: which command and
// arguments the client starts, for which documents, what a setting change does, and what the user is
// told when the command is not there.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

/** A fresh stub of what the extension uses of VS Code and vscode-languageclient. */
function stubs(settings) {
  const world = {
    settings: { ...settings },
    clients: [],
    errors: [],
    commands: [],
    listeners: [],
    answer: undefined,
    startError: undefined,
    constructError: undefined,
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      if (world.constructError) {
        throw world.constructError;
      }
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
      world.clients.push(this);
    }
    async start() {
      if (world.startError) {
        throw world.startError;
      }
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  const vscode = {
    window: {
      // vscode-languageclient 11 writes the server's standard error with a log channel's methods.
      createOutputChannel: (name, options) =>
        options && options.log
          ? { name, appendLine() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, dispose() {} }
          : { name, appendLine() {}, show() {}, dispose() {} },
      showErrorMessage: (text, ...items) => {
        world.errors.push({ text, items });
        return Promise.resolve(world.answer);
      },
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section) => ({
        get: (key, fallback) => {
          const value = world.settings[`${section}.${key}`];
          return value === undefined ? fallback : value;
        },
      }),
      onDidChangeConfiguration: (listener) => {
        world.listeners.push(listener);
        return { dispose() {} };
      },
    },
    commands: {
      executeCommand: (...args) => {
        world.commands.push(args);
        return Promise.resolve();
      },
    },
  };
  const client = { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } };
  return { world, vscode, client };
}

/** Loads extension.js afresh against the stubs; returns its exports and a context. */
function load(stub) {
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') {
      return stub.vscode;
    }
    if (request === 'vscode-languageclient/node') {
      return stub.client;
    }
    return original.call(this, request, ...rest);
  };
  try {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    const extension = require(file);
    return { extension, context: { subscriptions: [] } };
  } finally {
    Module._load = original;
  }
}

const made = [];
process.on('exit', () => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A directory holding an executable `clusterc` (a shell script that is never run). */
function fakeInstall() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterc-ext-'));
  made.push(dir);
  const file = path.join(dir, 'clusterc');
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return { dir, file };
}

function changeSettings(world, changes, affected) {
  Object.assign(world.settings, changes);
  for (const listener of world.listeners) {
    listener({ affectsConfiguration: (section) => affected.some((a) => a === section || a.startsWith(section + '.')) });
  }
}

test('the client starts the configured command and arguments over stdio, for cluster documents', async () => {
  const { file } = fakeInstall();
  const stub = stubs({ 'clusterc.server.command': file, 'clusterc.server.args': ['lsp', '--stdio'] });
  const { extension, context } = load(stub);
  const api = extension.activate(context);
  await api.ready();
  assert.equal(stub.world.clients.length, 1);
  const client = stub.world.clients[0];
  assert.deepEqual(client.serverOptions, { command: file, args: ['lsp', '--stdio'], transport: 0 });
  assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'cluster' }]);
  assert.equal(client.started, true);
  assert.equal(api.client, client);
  assert.equal(typeof client.clientOptions.outputChannel.error, 'function', 'the output channel is a log channel');
  assert.deepEqual(stub.world.errors, []);
  assert.ok(context.subscriptions.length >= 2, 'the output channel and the settings listener are disposed with the extension');
});

test('by default `clusterc lsp` is looked up on PATH', async (t) => {
  const { dir, file } = fakeInstall();
  const path0 = process.env.PATH;
  process.env.PATH = `/nonexistent${path.delimiter}${dir}`;
  t.after(() => {
    process.env.PATH = path0;
  });
  const stub = stubs({});
  const { extension, context } = load(stub);
  await extension.activate(context).ready();
  assert.equal(stub.world.clients.length, 1);
  assert.equal(stub.world.clients[0].serverOptions.command, file);
  assert.deepEqual(stub.world.clients[0].serverOptions.args, ['lsp']);
});

test('a change of the server settings stops the client and starts one with the new settings', async () => {
  const { file } = fakeInstall();
  const stub = stubs({ 'clusterc.server.command': file });
  const { extension, context } = load(stub);
  const api = extension.activate(context);
  await api.ready();
  const first = stub.world.clients[0];

  changeSettings(stub.world, { 'editor.fontSize': 20 }, ['editor.fontSize']);
  await api.ready();
  assert.equal(stub.world.clients.length, 1, 'another setting restarts nothing');

  changeSettings(stub.world, { 'clusterc.server.args': ['lsp', '--verbose'] }, ['clusterc.server.args']);
  await api.ready();
  assert.equal(first.stopped, true);
  assert.equal(stub.world.clients.length, 2);
  assert.deepEqual(stub.world.clients[1].serverOptions.args, ['lsp', '--verbose']);
  assert.equal(api.client, stub.world.clients[1]);

  await extension.deactivate();
  assert.equal(stub.world.clients[1].stopped, true);
});

test('a command that is not there is an error message naming it and the setting, with a way to the settings', async () => {
  const stub = stubs({ 'clusterc.server.command': '/nonexistent/bin/clusterc' });
  stub.world.answer = 'Open Settings';
  const { extension, context } = load(stub);
  await extension.activate(context).ready();
  assert.equal(stub.world.clients.length, 0, 'no client for a missing command');
  assert.equal(stub.world.errors.length, 1);
  const { text, items } = stub.world.errors[0];
  assert.match(text, /`\/nonexistent\/bin\/clusterc` was not found/);
  assert.match(text, /clusterc\.server\.command/);
  assert.deepEqual(items, ['Open Settings']);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(stub.world.commands, [['workbench.action.openSettings', 'clusterc.server']]);
});

test('a bare name missing from PATH is reported the same way', async (t) => {
  const path0 = process.env.PATH;
  process.env.PATH = '/nonexistent';
  t.after(() => {
    process.env.PATH = path0;
  });
  const stub = stubs({});
  const { extension, context } = load(stub);
  await extension.activate(context).ready();
  assert.equal(stub.world.clients.length, 0);
  assert.match(stub.world.errors[0].text, /`clusterc` was not found/);
});

test('a server that fails to start is reported, and the next setting change tries again', async () => {
  const { file } = fakeInstall();
  const stub = stubs({ 'clusterc.server.command': file });
  stub.world.startError = Object.assign(new Error('spawn EACCES'), { code: 'EACCES' });
  const { extension, context } = load(stub);
  const api = extension.activate(context);
  await api.ready();
  assert.match(stub.world.errors[0].text, /did not start: spawn EACCES/);
  assert.equal(api.client, undefined);

  stub.world.startError = undefined;
  changeSettings(stub.world, { 'clusterc.server.args': ['lsp'] }, ['clusterc.server']);
  await api.ready();
  assert.equal(api.client, stub.world.clients[1]);
  assert.equal(api.client.started, true);
});

test('package.json declares the language, the grammar, the settings and the activation', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.languages.map((l) => [l.id, l.extensions]), [['cluster', ['.cluster']]]);
  assert.equal(manifest.contributes.grammars[0].language, 'cluster');
  assert.ok(fs.existsSync(path.join(__dirname, '..', manifest.contributes.grammars[0].path)));
  assert.ok(fs.existsSync(path.join(__dirname, '..', manifest.contributes.languages[0].configuration)));
  const properties = manifest.contributes.configuration.properties;
  assert.equal(properties['clusterc.server.command'].default, 'clusterc');
  assert.deepEqual(properties['clusterc.server.args'].default, ['lsp']);
  assert.deepEqual(manifest.activationEvents.sort(), ['onLanguage:cluster', 'workspaceContains:**/*.cluster']);
  assert.equal(manifest.dependencies['vscode-languageclient'], '11.0.0');
});

test('a client that cannot even be made is reported, and does not stop later restarts', async () => {
  const { file } = fakeInstall();
  const stub = stubs({ 'clusterc.server.command': file });
  stub.world.constructError = new Error('bad options');
  const { extension, context } = load(stub);
  const api = extension.activate(context);
  await api.ready();
  assert.match(stub.world.errors[0].text, /could not be started: bad options/);

  stub.world.constructError = undefined;
  changeSettings(stub.world, {}, ['clusterc.server.command']);
  await api.ready();
  assert.equal(stub.world.clients.length, 1);
  assert.equal(api.client.started, true);
});

test('deactivating while the server starts stops it once started', async () => {
  const { file } = fakeInstall();
  const stub = stubs({ 'clusterc.server.command': file });
  const { extension, context } = load(stub);
  extension.activate(context);
  await extension.deactivate();
  assert.equal(stub.world.clients.length, 1);
  assert.equal(stub.world.clients[0].started, true);
  assert.equal(stub.world.clients[0].stopped, true);
});
