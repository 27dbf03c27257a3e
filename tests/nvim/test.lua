-- Marginalia in a real Neovim, with nothing but editors/nvim on 'runtimepath'.
--
-- Run by tests/nvim/run.sh as
--   nvim --headless --clean -u NONE --cmd 'set rtp^=<repo>/editors/nvim' -l tests/nvim/test.lua
-- with MARGINALIA_BIN (the server) and MARGINALIA_TEST_DIR (a copy of
-- tests/nvim/fixture) in the environment.
--
-- Steps: open early.md with the server enabled, wait for a figure-conflict
-- diagnostic, hover over "Austin" and find later.md in the answer, change
-- 3,000 to 11,000, wait for the conflict to go away, and open brief.txt to
-- see the same server attach to plain text.

local bin = os.getenv('MARGINALIA_BIN')
local dir = os.getenv('MARGINALIA_TEST_DIR')
local timeout = tonumber(os.getenv('MARGINALIA_TEST_TIMEOUT_MS') or '') or 20000
-- The other article may be named by its file or by its title in the hover.
local LATER_NAMES = { 'later.md', 'More North Korean troops head to the front' }

local started = vim.uv.hrtime()
local steps = 0

local function say(text)
  local elapsed = (vim.uv.hrtime() - started) / 1e9
  io.stderr:write(string.format('[nvim-test %5.1fs] %s\n', elapsed, text))
end

-- Set by the client's on_exit: { code = ..., signal = ... }.
local exited

local function finish(ok, text)
  local clients = vim.lsp.get_clients({ name = 'marginalia' })
  if ok then
    -- A clean end too: shutdown and exit, and the server leaves with status 0.
    for _, client in ipairs(clients) do
      client:stop()
    end
    if not vim.wait(5000, function() return exited ~= nil end, 20) then
      ok, text = false, 'the server was still running 5 s after shutdown and exit'
    elseif exited.code ~= 0 then
      ok, text = false, 'the server exited with status ' .. tostring(exited.code) .. ' after shutdown and exit'
    else
      steps = steps + 1
      say('ok ' .. steps .. ' - the server shut down cleanly (exit status 0)')
    end
  end
  if ok then
    say(string.format('PASS: %d steps; %s', steps, text))
  else
    say('FAIL: ' .. text)
  end
  -- Whatever is left is stopped, politely first.
  for _, client in ipairs(vim.lsp.get_clients({ name = 'marginalia' })) do
    client:stop()
  end
  vim.wait(2000, function()
    return #vim.lsp.get_clients({ name = 'marginalia' }) == 0
  end, 50)
  for _, client in ipairs(vim.lsp.get_clients({ name = 'marginalia' })) do
    client:stop(true)
  end
  io.stdout:write(string.format('%d passed, %d failed\n', ok and 1 or 0, ok and 0 or 1))
  io.stdout:flush()
  io.stderr:flush()
  if ok then
    vim.cmd('qa!')
  else
    vim.cmd('cq 1')
  end
end

local function fail(text)
  finish(false, text)
end

local function step(text)
  steps = steps + 1
  say('ok ' .. steps .. ' - ' .. text)
end

local function codes(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    if code ~= nil then
      found[#found + 1] = tostring(code)
    end
  end
  return found
end

local function describe(bufnr)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    lines[#lines + 1] = string.format('  line %d col %d [%s] %s', d.lnum + 1, d.col + 1,
      tostring(d.code), (d.message:gsub('\n', ' ')))
  end
  if #lines == 0 then
    return '  (no diagnostics)'
  end
  return table.concat(lines, '\n')
end

local function has_code(bufnr, wanted)
  return vim.tbl_contains(codes(bufnr), wanted)
end

-- Flattens MarkupContent, MarkedString or a list of them into plain text.
local function hover_text(contents)
  if contents == nil or contents == vim.NIL then
    return ''
  end
  if type(contents) == 'string' then
    return contents
  end
  if contents.value ~= nil then
    return tostring(contents.value)
  end
  local parts = {}
  for _, item in ipairs(contents) do
    parts[#parts + 1] = hover_text(item)
  end
  return table.concat(parts, '\n')
end

-- The 0-based line and column of the first match of `pattern` (a Lua pattern).
local function find_in_buffer(bufnr, pattern)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(pattern)
    if col then
      return row - 1, col - 1
    end
  end
end

local function run()
  if not bin or bin == '' then
    return fail('MARGINALIA_BIN is not set')
  end
  if vim.fn.executable(bin) ~= 1 then
    return fail('MARGINALIA_BIN is not executable: ' .. bin)
  end
  if not dir or vim.fn.isdirectory(dir) ~= 1 then
    return fail('MARGINALIA_TEST_DIR is not a folder: ' .. tostring(dir))
  end
  say('Neovim ' .. tostring(vim.version()) .. ', server ' .. bin .. ', articles in ' .. dir)

  -- The configuration must come from editors/nvim/lsp/marginalia.lua alone.
  local base = vim.lsp.config.marginalia
  if not base or not base.cmd then
    return fail('no lsp/marginalia.lua on runtimepath: ' .. vim.o.runtimepath)
  end
  if not vim.tbl_contains(base.filetypes or {}, 'markdown') then
    return fail('lsp/marginalia.lua does not list the markdown filetype')
  end
  step('lsp/marginalia.lua found on runtimepath (cmd ' .. table.concat(base.cmd, ' ') .. ')')

  vim.lsp.config('marginalia', {
    cmd = { bin },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  vim.lsp.enable('marginalia')

  vim.cmd('filetype on')
  vim.cmd.cd(vim.fn.fnameescape(dir))
  vim.cmd.edit(vim.fn.fnameescape(dir .. '/early.md'))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'markdown' then
    return fail('early.md has filetype "' .. vim.bo[buf].filetype .. '", not markdown')
  end
  step('opened early.md (filetype markdown)')

  local client
  local attached = vim.wait(timeout, function()
    client = vim.lsp.get_clients({ bufnr = buf, name = 'marginalia' })[1]
    return exited ~= nil or (client ~= nil and client.initialized == true)
  end, 20)
  if exited then
    return fail(string.format('the server exited (code %s, signal %s) before it was ready',
      tostring(exited.code), tostring(exited.signal)))
  end
  if not attached then
    return fail('no initialized marginalia client on early.md after ' .. timeout .. ' ms')
  end
  local root = client.root_dir or client.config.root_dir
  if root == nil or vim.fs.normalize(vim.uv.fs_realpath(root) or root)
      ~= vim.fs.normalize(vim.uv.fs_realpath(dir) or dir) then
    return fail('the client is rooted at ' .. tostring(root) .. ', not at the folder with marginalia.toml')
  end
  step('server attached and initialized, root ' .. root)

  local got = vim.wait(timeout, function()
    return exited ~= nil or has_code(buf, 'figure-conflict')
  end, 20)
  if exited then
    return fail('the server exited (code ' .. tostring(exited.code) .. ') while diagnostics were awaited')
  end
  if not got then
    return fail('no figure-conflict diagnostic on early.md after ' .. timeout .. ' ms; it has\n'
      .. describe(buf))
  end
  step('figure-conflict reported on early.md; rule codes: ' .. table.concat(codes(buf), ', '))
  say('diagnostics:\n' .. describe(buf))

  local row, col = find_in_buffer(buf, 'Austin')
  if not row then
    return fail('"Austin" is not in early.md')
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = row, character = col + 1 },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout)
  if not responses then
    return fail('hover request failed: ' .. tostring(err))
  end
  local text = ''
  for _, response in pairs(responses) do
    if response.err then
      return fail('hover answered with an error: ' .. vim.inspect(response.err))
    end
    if response.result and response.result ~= vim.NIL then
      text = text .. hover_text(response.result.contents)
    end
  end
  if text == '' then
    return fail('no hover on "Austin" (line ' .. (row + 1) .. ', column ' .. (col + 2) .. ')')
  end
  local named = false
  for _, name in ipairs(LATER_NAMES) do
    if text:find(name, 1, true) then
      named = true
    end
  end
  if not named then
    return fail('the hover on "Austin" does not mention later.md:\n' .. text)
  end
  step('hover on "Austin" mentions the other article')
  say('hover:\n' .. text)

  row, col = find_in_buffer(buf, '3,000')
  if not row then
    return fail('"3,000" is not in early.md')
  end
  vim.api.nvim_buf_set_text(buf, row, col, row, col + #'3,000', { '11,000' })
  step('changed 3,000 to 11,000 in early.md')

  local cleared = vim.wait(timeout, function()
    return exited ~= nil or not has_code(buf, 'figure-conflict')
  end, 20)
  if exited then
    return fail('the server exited (code ' .. tostring(exited.code) .. ') after the edit')
  end
  if not cleared then
    return fail('figure-conflict still reported ' .. timeout .. ' ms after the edit:\n' .. describe(buf))
  end
  -- A moment longer, so that a late answer to an older version would show.
  vim.wait(500)
  if has_code(buf, 'figure-conflict') then
    return fail('figure-conflict came back after the edit:\n' .. describe(buf))
  end
  step('figure-conflict gone after the edit')

  -- Plain text: Neovim's filetype for .txt is `text`, which the config lists.
  -- `hide`: early.md keeps its unsaved edit, whatever 'hidden' is.
  vim.cmd('hide edit ' .. vim.fn.fnameescape(dir .. '/brief.txt'))
  local txt = vim.api.nvim_get_current_buf()
  if vim.bo[txt].filetype ~= 'text' then
    return fail('brief.txt has filetype "' .. vim.bo[txt].filetype .. '", not text')
  end
  local txt_attached = vim.wait(timeout, function()
    return exited ~= nil or vim.lsp.get_clients({ bufnr = txt, name = 'marginalia' })[1] ~= nil
  end, 20)
  if exited or not txt_attached then
    return fail('the server did not attach to brief.txt (filetype text)')
  end
  if vim.lsp.get_clients({ bufnr = txt, name = 'marginalia' })[1].id ~= client.id then
    return fail('brief.txt got a second server instead of the one for the folder')
  end
  step('the same server attached to brief.txt (filetype text)')

  finish(true, 'Marginalia works in Neovim')
end

local ok, error_message = xpcall(run, debug.traceback)
if not ok then
  fail('the test script raised an error: ' .. tostring(error_message))
end
