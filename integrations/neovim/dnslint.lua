-- dnslint as a language server in Neovim 0.7 or later (the built-in LSP client): source it
-- from init.lua (`dofile("/path/to/dnslint.lua")`) or drop it into ~/.config/nvim/plugin/.
-- The workspace is the folder holding the nearest .dnslint.yaml, else the git work tree, else
-- the current directory; one server serves every DNS buffer.
local patterns = { "*.zone", "*.db", "db.*", "*.arpa", "*.tf", "*.tfvars", "*.tf.json",
                   "*.yaml", "*.yml" }
local client_id

local function workspace_of(path)
  local folder = vim.fn.fnamemodify(path, ":p:h")
  local config = vim.fn.findfile(".dnslint.yaml", folder .. ";")
  if config ~= "" then return vim.fn.fnamemodify(config, ":p:h") end
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then return vim.fn.fnamemodify(git, ":p:h:h") end
  return vim.fn.getcwd()
end

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = patterns,
  callback = function(args)
    if client_id == nil then
      client_id = vim.lsp.start_client({
        name = "dnslint",
        cmd = { "dnslint", "lsp" },
        root_dir = workspace_of(vim.api.nvim_buf_get_name(args.buf)),
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
