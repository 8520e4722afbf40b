" Indentation for the .cluster language: one level (shiftwidth) per open bracket, as `clusterc fmt`
" writes it; a line that starts with a closing bracket goes back one level. Lines inside a """text
" block""" keep the indentation they have (it is the text's own; with syntax highlighting off
" they are indented like code).

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent nosmartindent nocindent
setlocal indentexpr=GetClusterIndent(v:lnum)
setlocal indentkeys=0},0],0),!^F,o,O

let b:undo_indent = 'setlocal autoindent< smartindent< cindent< indentexpr< indentkeys<'

if exists('*GetClusterIndent')
  finish
endif

" The brackets a line leaves open (a negative count when it closes more than it opens), ignoring
" brackets inside strings and comments.
function! s:OpenBrackets(line) abort
  let l:text = substitute(a:line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  let l:text = substitute(l:text, '#.*$', '', '')
  let l:open = len(substitute(l:text, '[^{[(]', '', 'g'))
  let l:close = len(substitute(l:text, '[^}\])]', '', 'g'))
  return l:open - l:close
endfunction

function! s:IsTextBlock(lnum, col) abort
  return synIDattr(synID(a:lnum, a:col, 0), 'name') ==# 'clusterTextBlock'
endfunction

" Whether line `lnum` lies inside a text block: its first character does, or (an empty line) the
" line above opens one or goes on with one without closing it.
function! s:InTextBlock(lnum) abort
  let l:line = getline(a:lnum)
  if l:line =~# '\S'
    return s:IsTextBlock(a:lnum, match(l:line, '\S') + 1)
  endif
  let l:above = getline(a:lnum - 1)
  if a:lnum == 1 || !s:IsTextBlock(a:lnum - 1, max([len(l:above), 1]))
    return 0
  endif
  let l:continues = l:above =~# '\S' && s:IsTextBlock(a:lnum - 1, match(l:above, '\S') + 1)
  return !(l:continues && l:above =~# '"""\s*$')
endfunction

function! GetClusterIndent(lnum) abort
  if exists('b:current_syntax') && s:InTextBlock(a:lnum)
    return -1
  endif
  let l:prev = prevnonblank(a:lnum - 1)
  " After a text block, the line that opened it is the one to follow.
  while l:prev > 1 && exists('b:current_syntax') && s:IsTextBlock(l:prev, match(getline(l:prev), '\S') + 1)
    let l:prev = prevnonblank(l:prev - 1)
  endwhile
  if l:prev == 0
    return 0
  endif
  let l:prevline = getline(l:prev)
  let l:indent = indent(l:prev)
  " A previous line that starts with a closer was already moved back one level for it.
  if l:prevline =~# '^\s*[}\])]'
    let l:indent += shiftwidth()
  endif
  let l:indent += shiftwidth() * s:OpenBrackets(l:prevline)
  if getline(a:lnum) =~# '^\s*[}\])]'
    let l:indent -= shiftwidth()
  endif
  return max([l:indent, 0])
endfunction
