" Vim compiler settings for dnslint: `:compiler dnslint` then `:make` fills the quickfix list.
" Install: copy to ~/.vim/compiler/dnslint.vim
if exists("current_compiler")
  finish
endif
let current_compiler = "dnslint"
" Paths relative to the current directory, where Vim looks for them.
CompilerSet makeprg=dnslint\ --color\ never\ --path-root\ .\ %
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m
