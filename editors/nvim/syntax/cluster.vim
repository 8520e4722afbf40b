" Vim syntax file for the .cluster language of clusterc.
"
" Written from the lexer and parser in grammar/ (ClusterLexer.g4, ClusterParser.g4) and
" docs/language.md. Only five words are reserved (import, use, template, from, for); every other
" word means what its position says. So a kind is highlighted where a declaration starts (the
" first word of a line outside any block), an entry keyword where an entry starts (the first word
" of a line, or the first after `{` or `;`, inside a block), and a connector word (at, via, as…)
" inside an entry. A block left open ends where the compiler ends it: at a line that starts a
" top-level item in column 1.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Identifiers are [A-Za-z_][A-Za-z0-9_-]*: `control-plane` is one word.
syntax iskeyword @,48-57,_,-
syntax case match
syntax sync fromstart

" Comments. A block of whole-line comments right above a top-level item is its documentation.
syntax keyword clusterTodo contained TODO FIXME XXX NOTE
syntax match clusterComment /#.*$/ contains=clusterTodo,@Spell

" Strings: "…" on one line with the escapes \" \\ \n \t \$, and """…""" text blocks without
" escapes; both interpolate ${path}. A string still open at the end of its line is an error.
syntax match clusterEscape contained /\\[\"\\nt$]/
syntax match clusterBadEscape contained /\\[^\"\\nt$]/
syntax region clusterInterpolation contained oneline matchgroup=clusterInterpolationDelimiter start=/\${/ end=/}/
syntax match clusterUnterminated /"\%([^"\\]\|\\.\)*$/
syntax region clusterString oneline start=/"/ skip=/\\./ end=/"/
      \ contains=clusterEscape,clusterBadEscape,clusterInterpolation,@Spell
syntax region clusterTextBlock start=/"""/ end=/"""/ contains=clusterInterpolation,@Spell

" Numbers, then the measures among them (ints, quantities and durations lex alike; the position
" decides, so `100m` is shown as a duration), then addresses: of matches that start at the same
" place, the one defined last wins.
syntax match clusterNumber /\<-\=\d\+\%(\.\d\+\)\=\%([A-Za-z]\+\%(\d\+[A-Za-z]\+\)*\d*\)\=\>/
syntax match clusterQuantity /\<-\=\d\+\%(\.\d\+\)\=\%([KMGTPE]i\|[kMGTPEmun]\|[eE]\d\+\)\>/
syntax match clusterDuration /\<\%(\d\+d\%(\d\+h\)\=\%(\d\+m\)\=\%(\d\+s\)\=\|\d\+h\%(\d\+m\)\=\%(\d\+s\)\=\|\d\+m\%(\d\+s\)\=\|\d\+s\)\>/
" `cpu 250m` is a quarter of a core, not a duration.
syntax match clusterQuantity /\%(\<\%(cpu\|memory\)\s\+\)\@<=-\=\d\+\%(\.\d\+\)\=m\>/
syntax match clusterAddress /\<\d\+\.\d\+\.\d\+\%(\.\d\+\)*\>/
syntax match clusterCidr /\<\d\+\.\d\+\.\d\+\%(\.\d\+\)*\/\d\+\>/
syntax match clusterRange /\<\d\+\.\d\+\.\d\+\%(\.\d\+\)*\.\.\d\+\.\d\+\.\d\+\%(\.\d\+\)*\>/

syntax keyword clusterBoolean true false
syntax match clusterParam /\$\h[A-Za-z0-9_-]*/

" A map key (`storage: "ssd"`), a template parameter or a named argument (`port: 8989`). The
" reserved words are fine as keys.
syntax match clusterKey /\<\h[A-Za-z0-9_-]*\ze\s*:/

" A character that starts no token (the lexer's ERROR_CHAR).
syntax match clusterError /[^0-9A-Za-z_$"#{}\[\](),;:=. \t\r\f\u00a0\ufeff-]/

syntax cluster clusterValues contains=clusterComment,clusterString,clusterTextBlock,clusterUnterminated,
      \clusterNumber,clusterQuantity,clusterDuration,clusterAddress,clusterCidr,clusterRange,clusterBoolean,
      \clusterParam,clusterKey,clusterError

" Top level: KIND NAME [from TEMPLATE(args)] { … }, use NAME, import "path",
" template NAME(PARAM: TYPE [= DEFAULT], …) for KIND { … }.
syntax match clusterName contained /\h[A-Za-z0-9_-]*/
syntax match clusterTemplateName contained /\h[A-Za-z0-9_-]*/
syntax match clusterKind /^\s*\zs\%(cluster\|node\|vip\|pool\|gateway\|dns\|certificate\|issuer\|store\|secret\|backup\|volume\|database\|app\|component\)\>\%(\s*:\)\@!/
      \ nextgroup=clusterName skipwhite
syntax match clusterForKind contained /\%(cluster\|node\|vip\|pool\|gateway\|dns\|certificate\|issuer\|store\|secret\|backup\|volume\|database\|app\|component\)\>/
syntax match clusterInclude /^\s*\zsimport\>/
syntax match clusterReserved /^\s*\zs\%(use\|template\)\>/ nextgroup=clusterName skipwhite
syntax match clusterReserved /\<from\>\%(\s*:\)\@!/ nextgroup=clusterTemplateName skipwhite
syntax match clusterReserved /\<for\>\%(\s*:\)\@!/ nextgroup=clusterForKind skipwhite
" A template parameter's type: a type name or a kind (a reference of that kind).
syntax match clusterType /\%(:\s*\)\@<=\<\%(string\|int\|quantity\|duration\|ip\|cidr\|range\|bool\|symbol\|node\|vip\|pool\|gateway\|dns\|certificate\|issuer\|store\|secret\|backup\|volume\|database\|app\|component\)\>/ contained
syntax region clusterParameters matchgroup=clusterParen start=/\%(^\s*template\s\+\h[A-Za-z0-9_-]*\s*\)\@<=(/ end=/)/
      \ contains=@clusterValues,clusterType

" Inside a block: entries (KEYWORD value… [{ … }]), connector words, values, nested blocks and
" maps. The entry keywords are those of every kind in the schema.
syntax match clusterConnector contained /\%(\S\s\+\)\@<=\<\%(at\|via\|to\|as\|because\|in\|on\|token\|key\|name\|group\|file\|text\|port\|version\|config\)\>\%(\s*:\)\@!/
syntax match clusterEntry contained /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(domain\|network\|nodes\|router\|pods\|services\|layers\|gitops\|repository\|branch\|path\|interval\|decryption\|secret\|ordering\|namespace\|project\|image\|replicas\|credentials\|timezone\|role\|address\|labels\|disk\|on\|via\|interface\|range\|announce\|class\|listener\|protocol\|port\|hostname\|certificate\|expose\|zone\|hosts\|issuer\|email\|server\|solver\|config\|sops\|external\|sealed\|env-file\|keys\|schedule\|keep\|target\|endpoint\|size\|access\|local\|replicate\|backup\|restore\|engine\|version\|instances\|wal-archive\|route\|mount\|env\|secret-env\|database\|resources\|cpu\|memory\|probe\|spread\|command\|args\|rule\|manifests\|chart\|values\|provides\|layer\|depends-on\|allow\|ignore-drift\)\>\%(\s*:\)\@!/
" The compiler closes a block left open at a line that starts a top-level item in column 1
" (`import`, `use`, `template`, or two words and then `{` or `from`); so does the highlighting.
syntax region clusterBlock matchgroup=clusterBrace start=/{/ end=/}/
      \ end=/^\ze\%(\%(import\|use\|template\)\>\|\h[A-Za-z0-9_-]*\s\+\h[A-Za-z0-9_-]*\s*\%({\|from\>\)\)/
      \ contains=@clusterValues,clusterBlock,clusterEntry,clusterConnector fold

highlight default link clusterTodo Todo
highlight default link clusterComment Comment
highlight default link clusterString String
highlight default link clusterTextBlock String
highlight default link clusterEscape SpecialChar
highlight default link clusterBadEscape Error
highlight default link clusterUnterminated Error
highlight default link clusterInterpolation Identifier
highlight default link clusterInterpolationDelimiter Delimiter
highlight default link clusterNumber Number
highlight default link clusterQuantity Number
highlight default link clusterDuration Special
highlight default link clusterAddress Constant
highlight default link clusterCidr Constant
highlight default link clusterRange Constant
highlight default link clusterBoolean Boolean
highlight default link clusterParam PreProc
highlight default link clusterKey Identifier
highlight default link clusterError Error
highlight default link clusterKind Structure
highlight default link clusterForKind Structure
highlight default link clusterName Function
highlight default link clusterTemplateName Function
highlight default link clusterInclude Include
highlight default link clusterReserved Keyword
highlight default link clusterType Type
highlight default link clusterEntry Statement
highlight default link clusterConnector Operator

let b:current_syntax = 'cluster'

let &cpo = s:cpo_save
unlet s:cpo_save
