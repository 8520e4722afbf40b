" Editing settings for the .cluster language: `#` comments and two-space indentation, as
" `clusterc fmt` writes them.

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=#\ %s
setlocal comments=:#
" Wrap comments, continue them on a new line and join them without the `#`, but never wrap code.
setlocal formatoptions-=t formatoptions+=croqlj
" Names such as control-plane and sonarr-config are one word for `w`, `*` and completion.
setlocal iskeyword=@,48-57,_,-
setlocal expandtab shiftwidth=2 softtabstop=2

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< iskeyword< expandtab< shiftwidth< softtabstop<'

let &cpo = s:cpo_save
unlet s:cpo_save
