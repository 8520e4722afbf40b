-- Drives clusterc's language server from a real Neovim (0.7.2, Debian's), the way a user's
-- configuration does: editors/nvim on the runtimepath, `filetype on`, and a FileType autocmd that
-- starts the server with vim.lsp.start_client and attaches it to the buffer. It then opens a copy
-- of examples/homelab, waits for the diagnostics, asks for completion and a definition (when the
-- server advertises them; the test asserts that it does), breaks a reference and mends it again,
-- and writes everything it saw as JSON for NeovimEditorTest to assert on. This script decides
-- nothing: it waits (each wait with a deadline) and records.
--
-- Run: nvim --headless -u NONE -c "luafile editor-test.lua", with these environment variables:
--   CLUSTERC_NVIM_RUNTIME  editors/nvim of the repository
--   CLUSTERC_NVIM_SERVER   the server's command line, a JSON array
--   CLUSTERC_NVIM_FILE     the .cluster file to open (its directory is the cluster)
--   CLUSTERC_NVIM_OUT      where to write the JSON report
--   CLUSTERC_NVIM_WAIT_MS  how long one wait may take (default 30000)

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then error(name .. ' is not set') end
  return value
end

local report = { steps = {} }
local out_path = env('CLUSTERC_NVIM_OUT')
local wait_ms = tonumber(os.getenv('CLUSTERC_NVIM_WAIT_MS') or '30000')
local started = vim.loop.hrtime()

local function elapsed_ms()
  return math.floor((vim.loop.hrtime() - started) / 1e6)
end

-- One named step: how long it took and whether its wait was satisfied.
local function step(name, ok)
  table.insert(report.steps, { name = name, ok = ok, at_ms = elapsed_ms() })
  return ok
end

local function write_report()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(report))
  file:close()
end

-- The publishDiagnostics notifications for the buffer, counted, so a wait can ask for a new one.
local published = { count = 0, versions = {} }
local client_id
local exited

local function buffer_diagnostics(bufnr)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(seen, {
      line = d.lnum,
      character = d.col,
      end_line = d.end_lnum,
      end_character = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    })
  end
  table.sort(seen, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    return a.character < b.character
  end)
  return seen
end

local function has_code(diagnostics, code)
  for _, d in ipairs(diagnostics) do
    if d.code == code then return true end
  end
  return false
end

-- The 0-based line and the 0-based column (a byte offset; the example is ASCII, so also UTF-16)
-- of the first match of `pattern` in the buffer; the column is where capture `()` points.
local function find(bufnr, pattern)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = text:match(pattern)
    if column then return i - 1, column - 1 end
  end
  error('no line of the example matches ' .. pattern)
end

-- The syntax group syntax/cluster.vim gives the character a pattern's `()` points at.
local function group_at(bufnr, pattern)
  local line, column = find(bufnr, pattern)
  return vim.fn.synIDattr(vim.fn.synID(line + 1, column + 1, 1), 'name')
end

-- Where the highlighting shows an error (a group linked to Error) in the example, which has none.
local function highlighted_errors(bufnr)
  local errors = {}
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    for column = 1, #text do
      if vim.fn.synIDattr(vim.fn.synIDtrans(vim.fn.synID(i, column, 1)), 'name') == 'Error' then
        table.insert(errors, string.format('%d:%d %s', i, column, text))
        break
      end
    end
  end
  return errors
end

local function request(bufnr, method, line, character)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = character },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms)
  if not responses then
    return { error = tostring(err) }
  end
  local response = responses[client_id]
  if not response then
    return { error = 'no response from the clusterc client' }
  end
  if response.err then
    return { error = vim.inspect(response.err) }
  end
  return { result = response.result }
end

local function completion_labels(result)
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
  table.sort(labels)
  return labels
end

local function definition_locations(result)
  if result == nil or result == vim.NIL then return {} end
  if result.uri or result.targetUri then result = { result } end
  local locations = {}
  for _, location in ipairs(result) do
    local range = location.targetSelectionRange or location.range
    table.insert(locations, {
      uri = location.targetUri or location.uri,
      line = range.start.line,
      character = range.start.character,
    })
  end
  return locations
end

-- Replaces the text from column `from` to `to` of `line` (0-based, end exclusive), as typing would:
-- Neovim sends the change as didChange.
local function replace(bufnr, line, from, to, text)
  vim.api.nvim_buf_set_text(bufnr, line, from, line, to, { text })
end

local function start_server(bufnr)
  local cmd = vim.fn.json_decode(env('CLUSTERC_NVIM_SERVER'))
  local on_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  client_id = vim.lsp.start_client({
    name = 'clusterc',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == vim.uri_from_bufnr(bufnr) then
          published.count = published.count + 1
          table.insert(published.versions, result.version or vim.NIL)
        end
        return on_publish(err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  report.client_started = client_id ~= nil
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

local function scenario()
  vim.opt.runtimepath:prepend(env('CLUSTERC_NVIM_RUNTIME'))
  vim.cmd('filetype plugin indent on')
  vim.cmd('syntax on')
  -- What the README asks a Neovim 0.7 user to write, give or take vim.lsp.start (0.8).
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'cluster',
    callback = function(args) start_server(args.buf) end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(env('CLUSTERC_NVIM_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  report.uri = vim.uri_from_bufnr(bufnr)
  report.filetype = vim.bo[bufnr].filetype
  report.syntax = vim.b[bufnr].current_syntax or vim.NIL
  report.shiftwidth = vim.bo[bufnr].shiftwidth
  report.commentstring = vim.bo[bufnr].commentstring
  report.highlighted_errors = highlighted_errors(bufnr)
  report.syntax_groups = {
    comment = group_at(bufnr, '^()#'),
    kind = group_at(bufnr, '^()app sonarr'),
    name = group_at(bufnr, '^app ()sonarr'),
    reserved = group_at(bufnr, '^()use cilium'),
    template = group_at(bufnr, '^app sonarr from ()media%-app'),
    entry = group_at(bufnr, '^%s*()mount%s'),
    connector = group_at(bufnr, '^%s*mount%s+sonarr%-config ()at'),
    string = group_at(bufnr, '^%s*domain%s+()"'),
    interpolation = group_at(bufnr, '%${()cluster%.domain}'),
    address = group_at(bufnr, '^%s*router%s+()10'),
    cidr = group_at(bufnr, '^%s*nodes%s+()10'),
    range = group_at(bufnr, '^%s*range%s+()10'),
    duration = group_at(bufnr, '^%s*interval%s+()1h'),
    quantity = group_at(bufnr, '^%s*size%s+()100Gi'),
    number = group_at(bufnr, '^%s*instances%s+()3'),
    param = group_at(bufnr, '()%$port'),
    map_key = group_at(bufnr, '^%s*keep%s+{ ()daily'),
  }
  if not client_id then
    error('the FileType autocmd did not start the server (filetype `' .. report.filetype .. '`)')
  end

  local client
  step('initialized', vim.wait(wait_ms, function()
    client = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (client ~= nil and client.initialized == true)
  end, 20))
  if not (client and client.initialized) then
    error('the server did not answer initialize' .. (exited and (' (it exited with ' .. exited.code .. ')') or ''))
  end
  report.server_pid = client.rpc and client.rpc.pid or vim.NIL
  local capabilities = client.server_capabilities or {}
  report.capabilities = {
    completion = capabilities.completionProvider ~= nil,
    definition = capabilities.definitionProvider ~= nil and capabilities.definitionProvider ~= false,
    text_document_sync = capabilities.textDocumentSync or vim.NIL,
  }

  -- The example as it is: one warning (cross-namespace-database on app sonarr's database).
  step('initial diagnostics', vim.wait(wait_ms, function()
    return has_code(buffer_diagnostics(bufnr), 'cross-namespace-database')
  end, 20))
  report.initial_publications = published.count
  report.initial = buffer_diagnostics(bufnr)

  if report.capabilities.completion then
    -- Inside app sonarr, at the volume of `mount sonarr-config at "/config"`: the volumes.
    local line, character = find(bufnr, '^%s*mount%s+()sonarr%-config')
    local answer = request(bufnr, 'textDocument/completion', line, character)
    report.completion = { line = line, character = character, error = answer.error, labels = completion_labels(answer.result) }
    step('completion', answer.error == nil)
  end

  if report.capabilities.definition then
    -- On `nightly` in `volume sonarr-config { size 5Gi; backup nightly }`: the backup's declaration.
    local line, character = find(bufnr, '^volume sonarr%-config .*backup%s+()nightly')
    local answer = request(bufnr, 'textDocument/definition', line, character + 2)
    report.definition = {
      line = line,
      character = character + 2,
      error = answer.error,
      locations = definition_locations(answer.result),
      expected_line = (find(bufnr, '^()backup nightly')),
    }
    step('definition', answer.error == nil)
  end

  -- Break the mount's reference: sonarr-config becomes sonarr-confg, which names nothing.
  local line, character = find(bufnr, '^%s*mount%s+()sonarr%-config')
  replace(bufnr, line, character, character + #'sonarr-config', 'sonarr-confg')
  report.broken_line = line
  step('broken diagnostics', vim.wait(wait_ms, function()
    return has_code(buffer_diagnostics(bufnr), 'undefined-reference')
  end, 20))
  report.broken = buffer_diagnostics(bufnr)

  -- Mend it: the error goes away, the warning stays.
  replace(bufnr, line, character, character + #'sonarr-confg', 'sonarr-config')
  local before = published.count
  step('fixed diagnostics', vim.wait(wait_ms, function()
    return published.count > before and not has_code(buffer_diagnostics(bufnr), 'undefined-reference')
  end, 20))
  report.fixed = buffer_diagnostics(bufnr)
  report.publications = published.count

  -- shutdown, then exit: the server must end by itself, with status 0.
  vim.lsp.stop_client(client_id)
  step('server exited', vim.wait(wait_ms, function() return exited ~= nil end, 20))
end

local ok, failure = xpcall(scenario, debug.traceback)
if not ok then
  report.error = failure
end
report.exit = exited or vim.NIL
report.lsp_log = vim.lsp.get_log_path()
report.elapsed_ms = elapsed_ms()
write_report()
if client_id and not exited then
  vim.lsp.stop_client(client_id, true)
end
vim.cmd('qall!')
