'use strict';
// The TextMate grammar, run by the engine VS Code itself uses (vscode-textmate + vscode-oniguruma):
// every .cluster source of the examples and the standard library tokenises without an invalid or an
// unscoped token, chosen lines get the scopes a theme colours, broken text is marked invalid, and the
// grammar's word lists follow the compiler's schema (Kind.java, Schemas.java).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const extensionDir = path.resolve(__dirname, '..');
const repo = path.resolve(extensionDir, '../..');
const grammarPath = path.join(extensionDir, 'syntaxes', 'cluster.tmLanguage.json');
const rawGrammar = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));

let grammarPromise;
function grammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }));
    const registry = new textmate.Registry({
      onigLib,
      loadGrammar: async (scopeName) =>
        scopeName === 'source.cluster' ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    grammarPromise = registry.loadGrammar('source.cluster');
  }
  return grammarPromise;
}

/** Every token of the text: { line (1-based), column (1-based), text, scopes }. */
async function tokenise(text) {
  const g = await grammar();
  const tokens = [];
  let state = textmate.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = g.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({
        line: index + 1,
        column: token.startIndex + 1,
        text: line.slice(token.startIndex, Math.min(token.endIndex, line.length)),
        scopes: token.scopes,
      });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** A non-blank token that only the file's or a region's scope covers: no rule took it. */
function unscoped(token) {
  const last = token.scopes[token.scopes.length - 1];
  return token.text.trim() !== '' && (last === 'source.cluster' || /^meta\.(block|list|arguments)\.cluster$/.test(last));
}

function describe(token) {
  return `${token.line}:${token.column} \`${token.text}\` ${token.scopes.slice(1).join(' ')}`;
}

function sources() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'expected') {
        walk(file);
      } else if (entry.isFile() && entry.name.endsWith('.cluster')) {
        found.push(file);
      }
    }
  };
  walk(path.join(repo, 'examples'));
  walk(path.join(repo, 'stdlib', 'src', 'main', 'resources'));
  return found.sort();
}

/** The scopes of the first token at LINE whose text is TEXT (searched from column FROM). */
function scopesOf(tokens, line, text, from = 1) {
  const token = tokens.find((t) => t.line === line && t.text === text && t.column >= from);
  assert.ok(token, `no token \`${text}\` on line ${line}: ${tokens.filter((t) => t.line === line).map(describe).join(' | ')}`);
  return token.scopes;
}

function assertScope(tokens, line, text, scope) {
  const scopes = scopesOf(tokens, line, text);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(scope + '.')),
    `line ${line}: \`${text}\` has ${scopes.join(' ')}, expected ${scope}`
  );
}

test('the examples and the standard library are .cluster sources to test on', () => {
  const files = sources();
  assert.ok(files.some((f) => f.endsWith(path.join('examples', 'homelab', 'cluster.cluster'))), 'examples/homelab is missing');
  assert.ok(files.some((f) => f.includes(path.join('stdlib', 'src', 'main', 'resources'))), 'no stdlib sources');
  assert.ok(files.length >= 30, `only ${files.length} files`);
});

for (const file of sources()) {
  test(`tokenises ${path.relative(repo, file)} with no invalid or unscoped token`, async () => {
    const tokens = await tokenise(fs.readFileSync(file, 'utf8'));
    const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
    assert.deepEqual(invalid.map(describe), [], 'invalid tokens');
    assert.deepEqual(tokens.filter(unscoped).map(describe), [], 'tokens no rule matched');
  });
}

test('examples/homelab: kinds, names, entries, strings, comments, numbers and addresses are scoped', async () => {
  const text = fs.readFileSync(path.join(repo, 'examples', 'homelab', 'cluster.cluster'), 'utf8');
  const lines = text.split('\n');
  const lineOf = (needle) => {
    const index = lines.findIndex((l) => l.includes(needle));
    assert.ok(index >= 0, `no line with ${needle}`);
    return index + 1;
  };
  const t = await tokenise(text);
  // # Talos homelab: …
  assertScope(t, 1, '#', 'punctuation.definition.comment.cluster');
  assert.ok(scopesOf(t, 1, ' Talos homelab: 3 control planes, 3 workers, Cilium, Flux.').includes('comment.line.number-sign.cluster'));
  // cluster homelab {
  assertScope(t, 2, 'cluster', 'storage.type.kind.cluster');
  assertScope(t, 2, 'homelab', 'entity.name.type.declaration.cluster');
  assertScope(t, 2, '{', 'punctuation.section.block.begin.cluster');
  //   domain "tosih.org"
  assertScope(t, 3, 'domain', 'keyword.other.entry.cluster');
  assertScope(t, 3, 'tosih.org', 'string.quoted.double.cluster');
  assertScope(t, 3, '"', 'punctuation.definition.string.begin.cluster');
  //     nodes    10.0.0.0/16 ; router 10.0.0.1 ; interval 1h
  assertScope(t, lineOf('nodes    10.0.0.0/16'), '10.0.0.0', 'constant.numeric.cidr.cluster');
  assertScope(t, lineOf('router   10.0.0.1'), '10.0.0.1', 'constant.numeric.ip.cluster');
  assertScope(t, lineOf('interval   1h'), '1h', 'constant.numeric.duration.cluster');
  // node worker0  { role worker; address 10.0.50.10; labels { storage: "ssd" } }
  const worker0 = lineOf('node worker0');
  assertScope(t, worker0, 'node', 'storage.type.kind.cluster');
  assertScope(t, worker0, 'role', 'keyword.other.entry.cluster');
  assertScope(t, worker0, 'worker', 'constant.language.symbol.cluster');
  assertScope(t, worker0, ';', 'punctuation.terminator.entry.cluster');
  assertScope(t, worker0, 'address', 'keyword.other.entry.cluster');
  assertScope(t, worker0, 'labels', 'keyword.other.entry.cluster');
  assertScope(t, worker0, 'storage', 'support.type.property-name.cluster');
  // use cilium
  assertScope(t, lineOf('use cilium'), 'use', 'keyword.control.use.cluster');
  assertScope(t, lineOf('use cilium'), 'cilium', 'entity.name.type.component.cluster');
  //   range    10.0.50.100..10.0.50.199
  assertScope(t, lineOf('range    10.0.50.100'), '..', 'punctuation.separator.range.cluster');
  assertScope(t, lineOf('range    10.0.50.100'), '10.0.50.100', 'constant.numeric.range.cluster');
  //   keep        { daily: 7, weekly: 4 }
  assertScope(t, lineOf('keep        {'), 'daily', 'support.type.property-name.cluster');
  assertScope(t, lineOf('keep        {'), '7', 'constant.numeric.integer.cluster');
  //   size      100Gi
  assertScope(t, lineOf('size      100Gi'), '100Gi', 'constant.numeric.quantity.cluster');
  // template media-app(port: int) for app {
  const template = lineOf('template media-app');
  assertScope(t, template, 'template', 'storage.type.template.cluster');
  assertScope(t, template, 'media-app', 'entity.name.function.template.cluster');
  assertScope(t, template, 'port', 'variable.parameter.cluster');
  assertScope(t, template, 'int', 'support.type.cluster');
  assertScope(t, template, 'for', 'keyword.other.for.cluster');
  assertScope(t, template, 'app', 'storage.type.kind.cluster');
  //   port      http $port
  assertScope(t, lineOf('port      http $port'), '$port', 'variable.parameter.cluster');
  //   route     "${name}.${cluster.domain}" via internal
  const route = lineOf('route     "${name}');
  assertScope(t, route, '${', 'punctuation.definition.interpolation.begin.cluster');
  assertScope(t, route, 'name', 'variable.other.interpolated.cluster');
  assertScope(t, route, 'via', 'keyword.other.connector.cluster');
  // app sonarr from media-app(port: 8989) {
  const sonarr = lineOf('app sonarr from');
  assertScope(t, sonarr, 'from', 'keyword.other.from.cluster');
  assertScope(t, sonarr, 'media-app', 'entity.name.function.template.cluster');
  assertScope(t, sonarr, '8989', 'constant.numeric.integer.cluster');
  //   database postgres as SONARR__POSTGRES
  const database = lineOf('database postgres as');
  assertScope(t, database, 'database', 'keyword.other.entry.cluster');
  assertScope(t, database, 'as', 'keyword.other.connector.cluster');
  assertScope(t, database, 'SONARR__POSTGRES', 'variable.other.cluster');
});

test('escapes, text blocks, booleans, measures and lists', async () => {
  const t = await tokenise(
    [
      'volume v { size 1.5Gi; restore true; replicas -1 }',
      'app a {',
      '  env { A: "x\\"y\\$z", B: false }',
      '  config "/a" text """',
      '    key: ${name}',
      '    """',
      '  command ["sh", "-c"]',
      '  probe http "/" port web',
      '  resources { cpu 250m; memory 512Mi }',
      '}',
      'backup b { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://b" }',
    ].join('\n')
  );
  assertScope(t, 1, '1.5Gi', 'constant.numeric.quantity.cluster');
  assertScope(t, 1, 'true', 'constant.language.boolean.cluster');
  assertScope(t, 1, '-1', 'constant.numeric.integer.cluster');
  assertScope(t, 3, 'A', 'support.type.property-name.cluster');
  assertScope(t, 3, '\\"', 'constant.character.escape.cluster');
  assertScope(t, 3, '\\$', 'constant.character.escape.cluster');
  assertScope(t, 3, 'false', 'constant.language.boolean.cluster');
  assertScope(t, 4, '"""', 'string.quoted.triple.cluster');
  assertScope(t, 5, 'name', 'variable.other.interpolated.cluster');
  assertScope(t, 5, '    key: ', 'string.quoted.triple.cluster');
  assertScope(t, 7, '[', 'punctuation.section.brackets.begin.cluster');
  assertScope(t, 7, '-c', 'string.quoted.double.cluster');
  assertScope(t, 8, 'probe', 'keyword.other.entry.cluster');
  assertScope(t, 8, 'port', 'keyword.other.connector.cluster');
  assertScope(t, 9, 'cpu', 'keyword.other.entry.cluster');
  assertScope(t, 9, '250m', 'constant.numeric.measure.cluster');
  assertScope(t, 11, 'keep', 'keyword.other.entry.cluster');
  assertScope(t, 11, 'schedule', 'keyword.other.entry.cluster');
  assert.deepEqual(t.filter((x) => x.scopes.some((s) => s.startsWith('invalid'))).map(describe), []);
});

test('what the lexer rejects is marked invalid', async () => {
  const t = await tokenise(['app a {', '  image "x\\q" @ `', '}', '}'].join('\n'));
  assertScope(t, 2, '\\q', 'invalid.illegal.unknown-escape.cluster');
  assertScope(t, 2, '@', 'invalid.illegal.character.cluster');
  assertScope(t, 2, '`', 'invalid.illegal.character.cluster');
  assertScope(t, 4, '}', 'invalid.illegal.character.cluster');
});

test('an unterminated string ends at its line', async () => {
  const t = await tokenise(['app a {', '  image "nginx', '  port web 80', '}'].join('\n'));
  assertScope(t, 3, 'port', 'keyword.other.entry.cluster');
  assertScope(t, 3, '80', 'constant.numeric.integer.cluster');
});

// ---------------------------------------------------------------------------------------------
// The word lists follow the compiler's schema.

const schemaDir = path.join(repo, 'compiler', 'src', 'main', 'java', 'dev', 'clusterc', 'compiler', 'schema');

/** The words of the alternation in a grammar rule's regex, e.g. `(cluster|node|…)`. */
function alternation(regex, index = 0) {
  const groups = [...regex.matchAll(/\((?:\?:)?([a-z0-9-]+(?:\|[a-z0-9-]+)+)\)/g)];
  assert.ok(groups[index], `no alternation #${index} in ${regex}`);
  return groups[index][1].split('|').sort();
}

function schema() {
  const kinds = [...fs.readFileSync(path.join(schemaDir, 'Kind.java'), 'utf8').matchAll(/^\s+[A-Z_]+\("([a-z-]+)",/gm)].map((m) => m[1]);
  const source = fs.readFileSync(path.join(schemaDir, 'Schemas.java'), 'utf8');
  const constants = Object.fromEntries([...source.matchAll(/static final String ([A-Z_]+) = "([a-z-]+)";/g)].map((m) => [m[1], m[2]]));
  const entries = new Set();
  const words = new Set();
  const call = /\.(?:one|required|repeated|block|requiredBlock)\(\s*(?:"([a-z-]+)"|([A-Z_]+)),\s*((?:"[^"]*"\s*\+?\s*)+)/g;
  for (const m of source.matchAll(call)) {
    entries.add(m[1] || constants[m[2]]);
    const signature = [...m[3].matchAll(/"([^"]*)"/g)].map((s) => s[1]).join('');
    for (const part of signature.replace(/MAP\([^)]*\)/g, ' ').split(/[\s[\]()]+/)) {
      const type = part.includes(':') ? part.slice(part.indexOf(':') + 1) : part;
      type.split('|').filter((w) => /^[a-z][a-z0-9-]*$/.test(w)).forEach((w) => words.add(w));
    }
  }
  const layers = [...source.matchAll(/DEFAULT_LAYERS = List\.of\(([^)]*)\)/g)][0][1].match(/[a-z-]+/g);
  return { kinds: kinds.sort(), entries: [...entries].sort(), words: [...words].sort(), layers };
}

test('the schema could be read', () => {
  const s = schema();
  assert.ok(s.kinds.includes('app') && s.kinds.length >= 15, s.kinds.join(' '));
  assert.ok(s.entries.includes('image') && s.entries.includes('allow') && s.entries.includes('ignore-drift'), s.entries.join(' '));
  assert.ok(s.words.includes('rwo') && s.words.includes('via'), s.words.join(' '));
  assert.ok(s.layers.includes('apps'), s.layers.join(' '));
});

test('the kinds of the grammar are the kinds of Kind.java', () => {
  const s = schema();
  assert.deepEqual(alternation(rawGrammar.repository.declaration.match), s.kinds);
  const parameterTypes = alternation(rawGrammar.repository.arguments.patterns[1].match);
  assert.deepEqual(parameterTypes.filter((w) => s.kinds.includes(w)), s.kinds.filter((k) => k !== 'cluster'));
});

test('the entry keywords of the grammar are the entries of Schemas.java', () => {
  assert.deepEqual(alternation(rawGrammar.repository.entry.match), schema().entries);
});

test('every fixed word of an entry signature is a symbol or a connector of the grammar, and no other', () => {
  const s = schema();
  const words = rawGrammar.repository.word.patterns;
  const symbols = alternation(words[1].match);
  const connectors = alternation(words[2].match);
  const known = new Set([...symbols, ...connectors, ...s.kinds, ...s.entries]);
  assert.deepEqual(s.words.filter((w) => !known.has(w)), [], 'signature words the grammar does not know');
  const stale = [...symbols, ...connectors].filter((w) => !s.words.includes(w) && !s.layers.includes(w));
  assert.deepEqual(stale, [], 'grammar words no signature has');
});
