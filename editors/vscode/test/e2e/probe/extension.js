'use strict';
// Test only. Inside the real extension host, with the real clusterc extension beside it: opens the file
// CLUSTERC_E2E_FILE, waits until the language server has published a diagnostic with the code
// CLUSTERC_E2E_EXPECT_CODE, replaces its text with CLUSTERC_E2E_FIX in the editor and waits for the
// error to go, puts the text back and waits for it to return, asks for a hover on the word CLUSTERC_E2E_HOVER_WORD of the first
// occurrence of CLUSTERC_E2E_HOVER, and writes all it saw to CLUSTERC_E2E_OUT as JSON. It leaves the
// editor showing the error with the Problems panel open, for a screenshot. Without CLUSTERC_E2E_OUT
// it does nothing.

const fs = require('fs');
const vscode = require('vscode');

function activate() {
  const out = process.env.CLUSTERC_E2E_OUT;
  if (!out) {
    return;
  }
  probe(out).catch((error) => write(out, { error: String((error && error.stack) || error) }));
}

async function probe(out) {
  const deadline = Date.now() + Number(process.env.CLUSTERC_E2E_TIMEOUT_MS || 120000);
  const uri = vscode.Uri.file(process.env.CLUSTERC_E2E_FILE);
  const expectedCode = process.env.CLUSTERC_E2E_EXPECT_CODE || '';
  const started = Date.now();
  const result = { file: uri.fsPath, vscodeVersion: vscode.version, events: [] };
  const note = (text) => result.events.push({ ms: Date.now() - started, text });

  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  result.languageId = document.languageId;
  note('opened');

  const extension = vscode.extensions.getExtension('clusterc.clusterc');
  if (!extension) {
    throw new Error('the clusterc extension is not installed');
  }
  const api = await extension.activate();
  await api.ready();
  const client = api.client;
  const initialized = client && client.initializeResult;
  result.clientRunning = Boolean(client && client.isRunning());
  result.serverInfo = (initialized && initialized.serverInfo) || null;
  result.capabilities = (initialized && initialized.capabilities) || null;
  note('client started');
  if (!result.clientRunning) {
    result.error = 'the clusterc extension started no language server (see its output channel `clusterc`)';
    write(out, result);
    return;
  }

  // Diagnostics: wait until the one we planted is there (or the deadline passes).
  let diagnostics = [];
  while (Date.now() < deadline) {
    diagnostics = vscode.languages.getDiagnostics(uri);
    if (diagnostics.some((d) => codeOf(d) === expectedCode)) {
      break;
    }
    await sleep(200);
  }
  note(`diagnostics: ${diagnostics.length}`);
  result.diagnostics = diagnostics.map((d) => ({
    code: codeOf(d),
    severity: vscode.DiagnosticSeverity[d.severity],
    message: d.message,
    source: d.source || null,
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
    related: (d.relatedInformation || []).map((r) => r.message),
  }));

  // An edit in the editor (not on disk): the fix CLUSTERC_E2E_FIX clears the planted error, and
  // putting the text back brings it back.
  const fix = process.env.CLUSTERC_E2E_FIX || '';
  const planted = diagnostics.find((d) => codeOf(d) === expectedCode);
  if (fix && planted) {
    const wrong = document.getText(planted.range);
    const has = () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === expectedCode);
    await editor.edit((edit) => edit.replace(planted.range, fix));
    result.fixed = { from: wrong, to: fix, cleared: await until(() => !has(), deadline) };
    note(`fixed: ${result.fixed.cleared}`);
    const fixedRange = new vscode.Range(planted.range.start, planted.range.start.translate(0, fix.length));
    await editor.edit((edit) => edit.replace(fixedRange, wrong));
    result.fixed.restored = await until(has, deadline);
    await document.save();
    note(`restored: ${result.fixed.restored}`);
  }

  // Hover, when the server offers it: asked again until it answers (or the deadline passes).
  const needle = process.env.CLUSTERC_E2E_HOVER || '';
  const word = process.env.CLUSTERC_E2E_HOVER_WORD || '';
  const at = document.getText().indexOf(needle);
  if (needle && at >= 0) {
    const position = document.positionAt(at + needle.indexOf(word) + 1);
    result.hover = { word, line: position.line + 1, character: position.character + 1, texts: [] };
    if (result.capabilities && result.capabilities.hoverProvider) {
      while (Date.now() < deadline) {
        const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) || [];
        result.hover.texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
        if (result.hover.texts.some((t) => t.trim() !== '')) {
          break;
        }
        await sleep(250);
      }
    }
    note(`hover: ${result.hover.texts.length}`);
  } else {
    result.hover = { word, missing: `\`${needle}\` is not in the file` };
  }

  // For the screenshot: the error in view, the cursor on it, the Problems panel open.
  const error = result.diagnostics.length > 0 ? diagnostics.find((d) => codeOf(d) === expectedCode) || diagnostics[0] : null;
  if (error) {
    editor.selection = new vscode.Selection(error.range.start, error.range.start);
    editor.revealRange(error.range, vscode.TextEditorRevealType.InCenter);
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  note('done');
  write(out, result);
}

function codeOf(diagnostic) {
  const code = diagnostic.code;
  if (code === undefined || code === null) {
    return null;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Whether the condition came true before the deadline (polled). */
async function until(condition, deadline) {
  while (Date.now() < deadline) {
    if (condition()) {
      return true;
    }
    await sleep(100);
  }
  return condition();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function write(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value, null, 2) + '\n');
  fs.renameSync(file + '.tmp', file);
}

module.exports = { activate };
