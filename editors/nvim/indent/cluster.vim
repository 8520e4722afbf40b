" Indentation for the .cluster language: one level (shiftwidth) per open bracket, as `clusterc fmt`
" writes it; a line that starts with a closing bracket goes back one level.

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

function! GetClusterIndent(lnum) abort
  let l:prev = prevnonblank(a:lnum - 1)
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
