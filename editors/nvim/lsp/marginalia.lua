-- Marginalia: names, figures and conflicting claims in news articles.
--
-- Neovim 0.11+ configuration for `vim.lsp.config` / `vim.lsp.enable`. With the
-- folder that holds this `lsp/` directory on 'runtimepath':
--
--   vim.lsp.enable('marginalia')
--
-- Anything here can be overridden before or after enabling, for example:
--
--   vim.lsp.config('marginalia', {
--     cmd = { '/path/to/marginalia' },
--     init_options = { debounce_ms = 100 },
--     settings = { marginalia = { rules = { ['figure-drift'] = 'off' } } },
--   })
--
-- `init_options` and `settings.marginalia` take the keys of `marginalia.toml`:
-- debounce_ms, max_file_size, ignore, include, exclude, rules, spellings, entity.

---@type vim.lsp.Config
return {
  -- With no arguments the executable speaks LSP on stdio.
  cmd = { 'marginalia' },
  -- Markdown articles, and plain text (Neovim calls .txt files `text`).
  filetypes = { 'markdown', 'text' },
  -- The folder of articles: where marginalia.toml is, else the repository,
  -- else the file's own folder, so that a plain folder of articles is a desk
  -- too. (The server itself never reads a home folder whole.)
  root_dir = function(bufnr, on_dir)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name == '' then
      return
    end
    on_dir(vim.fs.root(bufnr, { 'marginalia.toml', '.git' }) or vim.fs.dirname(name))
  end,
  -- Sent in `initialize`; empty leaves everything to marginalia.toml.
  -- vim.empty_dict() so that it is sent as {} and not as [].
  init_options = vim.empty_dict(),
  -- Sent as workspace/didChangeConfiguration and served to
  -- workspace/configuration requests for the `marginalia` section.
  settings = {
    marginalia = vim.empty_dict(),
  },
}
