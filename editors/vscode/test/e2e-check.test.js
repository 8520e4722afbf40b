'use strict';
// The end-to-end test's assertions (test/e2e/check-result.js) on results the probe could write: a good
// one passes, and each way VS Code or the server could fall short fails it.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const script = path.join(__dirname, 'e2e', 'check-result.js');

function good() {
  return {
    languageId: 'cluster',
    clientRunning: true,
    capabilities: { hoverProvider: true },
    diagnostics: [
      { code: 'undefined-reference', severity: 'Error', message: 'no volume is named `sonarr-confg`', line: 103, character: 12 },
      { code: 'cross-namespace-database', severity: 'Warning', message: 'app sonarr runs in namespace media, …', line: 104, character: 3 },
    ],
    fixed: { from: 'sonarr-confg', to: 'sonarr-config', cleared: true, restored: true },
    hover: { word: 'postgres', line: 104, character: 13, texts: ['database postgres\n\n3 instances'] },
  };
}

function check(result) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterc-e2e-check-'));
  try {
    const file = path.join(dir, 'result.json');
    fs.writeFileSync(file, JSON.stringify(result));
    const run = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a result with the planted error and a hover naming the word passes', () => {
  const { status, output } = check(good());
  assert.equal(status, 0, output);
  assert.match(output, /vscode-e2e: 14 passed, 0 failed/);
});

test('a server without hover fails the check', () => {
  const result = good();
  result.capabilities = { documentFormattingProvider: true };
  result.hover.texts = [];
  const { status, output } = check(result);
  assert.notEqual(status, 0, output);
  assert.match(output, /the server offers hover/);
});

const failures = {
  'the probe reported an error': (r) => Object.assign(r, { error: 'boom' }),
  'the file is not language cluster': (r) => Object.assign(r, { languageId: 'plaintext' }),
  'the client is not running': (r) => Object.assign(r, { clientRunning: false }),
  'no diagnostics': (r) => Object.assign(r, { diagnostics: [] }),
  'the planted error without its code': (r) => {
    r.diagnostics[0].code = null;
  },
  'the planted error at another place': (r) => {
    r.diagnostics[0].line = 1;
  },
  'the planted error as a warning': (r) => {
    r.diagnostics[0].severity = 'Warning';
  },
  'the fix did not clear the error': (r) => {
    r.fixed.cleared = false;
  },
  'the error did not come back': (r) => {
    r.fixed.restored = false;
  },
  'no edit was made': (r) => {
    delete r.fixed;
  },
  'an empty hover': (r) => {
    r.hover.texts = ['  '];
  },
  'a hover about something else': (r) => {
    r.hover.texts = ['app sonarr'];
  },
};

for (const [name, spoil] of Object.entries(failures)) {
  test(`fails when ${name}`, () => {
    const result = good();
    spoil(result);
    const { status, output } = check(result);
    assert.equal(status, 1, output);
    assert.match(output, /FAIL/);
  });
}
