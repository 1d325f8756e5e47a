" dnslint as a language server in Vim with vim-lsp (https://github.com/prabirshrestha/vim-lsp).
if executable('dnslint')
  augroup dnslint_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'dnslint',
          \ 'cmd': {server_info -> ['dnslint', 'lsp']},
          \ 'root_uri': {server_info -> lsp#utils#path_to_uri(
          \     lsp#utils#find_nearest_parent_file_directory(lsp#utils#get_buffer_path(),
          \                                                   ['.dnslint.yaml', '.git/']))},
          \ 'allowlist': ['bindzone', 'dns', 'terraform', 'hcl', 'yaml'],
          \ })
  augroup END
endif

" ALE (https://github.com/dense-analysis/ale) instead:
"   call ale#linter#Define('bindzone', {
"   \ 'name': 'dnslint', 'lsp': 'stdio', 'executable': 'dnslint',
"   \ 'command': '%e lsp', 'project_root': {buffer -> ale#path#FindNearestDirectory(buffer, '.git')},
"   \ })
