'use strict';
// Asserts on what the end-to-end probe saw inside VS Code (its JSON, argument 1): the extension ran
// the server, the planted error came back as a diagnostic with its code and message, and, when the
// server offers hover, the hover names the word under the cursor. Exits 1 when an assertion fails.

const fs = require('fs');

const result = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let passed = 0;
let failed = 0;

function check(what, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok    ${what}`);
  } else {
    failed++;
    console.log(`FAIL  ${what}${detail ? `: ${detail}` : ''}`);
  }
}

check('the probe ran without an error', !result.error, result.error);
if (!result.error) {
  const diagnostics = result.diagnostics || [];
  const shown = JSON.stringify(diagnostics.map((d) => `${d.line}:${d.character} ${d.code} ${d.message}`));
  check('VS Code knows the file as language `cluster`', result.languageId === 'cluster', result.languageId);
  check('the language client is running', result.clientRunning === true);
  check('the server announced its capabilities', result.capabilities !== null && typeof result.capabilities === 'object');
  const planted = diagnostics.find((d) => d.code === 'undefined-reference');
  check('the planted error is a diagnostic with the code undefined-reference', Boolean(planted), shown);
  check('its message names the misspelt volume', Boolean(planted && /sonarr-confg/.test(planted.message)), planted && planted.message);
  check('it is an error at 103:12, where the name is', Boolean(planted && planted.severity === 'Error' && planted.line === 103 && planted.character === 12),
    planted && `${planted.severity} at ${planted.line}:${planted.character}`);
  check("the example's own warning (cross-namespace-database) is there too",
    diagnostics.some((d) => d.code === 'cross-namespace-database' && d.severity === 'Warning'), shown);
  check('every diagnostic has a code and a message', diagnostics.length > 0 && diagnostics.every((d) => d.code && d.message), shown);
  const fixed = result.fixed || {};
  check(`fixing \`${fixed.from}\` in the editor clears the error`, fixed.cleared === true, JSON.stringify(fixed));
  check('putting it back brings the error back', fixed.restored === true, JSON.stringify(fixed));
  const hover = result.hover || {};
  if (hover.missing) {
    check('the hover position is in the file', false, hover.missing);
  } else {
    check('the server offers hover', Boolean(result.capabilities && result.capabilities.hoverProvider),
      JSON.stringify(result.capabilities));
    const text = (hover.texts || []).join('\n');
    check(`a hover at ${hover.line}:${hover.character} has text`, text.trim() !== '', JSON.stringify(hover.texts));
    check(`the hover mentions \`${hover.word}\``, text.includes(hover.word), JSON.stringify(text));
  }
}
console.log(`vscode-e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
