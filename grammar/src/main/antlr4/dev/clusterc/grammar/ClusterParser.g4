/*
 * Syntax of the .cluster language.
 *
 * Closing brackets are captured as named elements (`close`). A bracket that was never closed gets
 * a virtual closer from the parser's bracket pass (at a mismatched closer, at a top-level item in
 * column 1, or at the end of the file), so the AST builder can say "missing `}` to close
 * `app sonarr`", one missing brace does not swallow the rest of the file, and the grammar stays
 * unambiguous for fast SLL prediction.
 */
parser grammar ClusterParser;

options { tokenVocab = ClusterLexer; }

// A stray character is kept in the tree (and reported by the AST builder), so it cannot derail
// the structure around it.
file
  : ( item | NL | SEMI | ERROR_CHAR )* EOF
  ;

item
  : importDecl
  | useDecl
  | templateDecl
  | declaration
  ;

// import "path"
importDecl
  : IMPORT path=STRING?
  ;

// use NAME [{ entries }]
useDecl
  : USE ( name=IDENT stray? ( NL* block )? | nameless )
  ;

// template NAME(PARAM: TYPE [= DEFAULT], …) for KIND { entries }
templateDecl
  : TEMPLATE name=IDENT? LPAREN NL* ( param ( NL* COMMA NL* param )* NL* COMMA? NL* )? close=RPAREN
    FOR ( kind=IDENT stray? ( NL* block )? | nameless )
  ;

param
  : name=IDENT COLON type=IDENT? ( EQUALS value )?
  ;

// KIND NAME [from TEMPLATE(args)] { entries }
// A declaration without a name (reported by the AST builder) must go on with something that is not
// a name: were `app` alone a declaration, `app web {` could also be read as a nameless `app` and a
// nameless `web`, and once the body holds an error ANTLR's recovery may pick that reading.
declaration
  : kind=IDENT name=IDENT ( FROM template=IDENT templateArgs? )? stray? ( NL* block )?
  | kind=IDENT ( FROM template=IDENT templateArgs? stray? ( NL* block )? | nameless )
  ;

// What may follow where a name is missing: anything but a name or a line break. A missing name at the
// end of a line is left to error recovery (which, were a `{` on a later line allowed here, would
// conjure one and swallow the rest of the file into it; and were the name required, would skip the
// line break and take the next line's first word for the name).
nameless
  : stray ( NL* block )?
  | block
  ;

// Two habits from other languages, kept in the tree so the AST builder can name them in one error
// instead of letting ANTLR's recovery report the whole body: a `=`, `:` or `,` between a header and
// its `{` (`app x = {`), and the `{` on a line of its own (the `NL*` before `block` above).
stray
  : EQUALS
  | COLON
  | COMMA
  ;

templateArgs
  : LPAREN NL* ( arg ( NL* COMMA NL* arg )* NL* COMMA? NL* )? close=RPAREN
  ;

arg
  : ( name=IDENT COLON )? value
  ;

// { entry; entry … }: entries end at a newline or `;`
block
  : LBRACE ( entry | NL | SEMI | ERROR_CHAR )* close=RBRACE
  ;

// KEYWORD value… [{ entries }]
entry
  : key=IDENT value* block?
  ;

value
  : STRING
  | TEXT_BLOCK
  | NUMBER
  | IP
  | CIDR
  | RANGE
  | IDENT
  | PARAM
  | list
  | map
  | UNTERMINATED_STRING
  | UNTERMINATED_TEXT
  | ERROR_CHAR
  ;

// [a, b]: newlines are free inside
list
  : LBRACK NL* ( value ( ( COMMA | NL )+ value )* ( COMMA | NL )* )? close=RBRACK
  ;

// { key: value, … }: newlines are free inside
map
  : LBRACE NL* ( mapEntry ( ( COMMA | NL )+ mapEntry )* ( COMMA | NL )* )? close=RBRACE
  ;

// Reserved words are fine as keys: Helm values use `from`, `for` and `import` freely.
mapEntry
  : key=( IDENT | STRING | IMPORT | USE | TEMPLATE | FROM | FOR ) COLON NL* value
  ;
