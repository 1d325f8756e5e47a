" Vim compiler settings for dnslint: `:compiler dnslint` then `:make` fills the quickfix list.
" Install: copy to ~/.vim/compiler/dnslint.vim
if exists("current_compiler")
  finish
endif
let current_compiler = "dnslint"
CompilerSet makeprg=dnslint\ --color\ never\ %
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m
