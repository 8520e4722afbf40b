/*
 * Tokens of the .cluster language.
 *
 * The lexer never fails: every character it cannot place becomes an ERROR_CHAR token, and an
 * unterminated string becomes UNTERMINATED_STRING, so the parser and the AST builder can say
 * precisely what is wrong. Comments go to a channel of their own: the formatter and the doc-comment
 * reader need them, the parser does not.
 */
lexer grammar ClusterLexer;

channels { COMMENTS }

IMPORT   : 'import' ;
USE      : 'use' ;
TEMPLATE : 'template' ;
FROM     : 'from' ;
FOR      : 'for' ;

LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
COLON  : ':' ;
SEMI   : ';' ;
EQUALS : '=' ;

// Dotted numbers of three or more parts are addresses; the checker validates the octets.
RANGE  : ADDRESS '..' ADDRESS ;
CIDR   : ADDRESS '/' DIGITS ;
IP     : ADDRESS ;

// 3, -1, 1.5, 5Gi, 100m, 1h30m, 7d, 1e3: int, quantity or duration, decided by the position.
NUMBER : '-'? DIGITS ( '.' DIGITS )? ( LETTERS ( DIGITS LETTERS )* ( DIGITS )? )? ;

PARAM  : '$' IDENT_BODY ;
IDENT  : IDENT_BODY ;

TEXT_BLOCK          : '"""' .*? '"""' ;
STRING              : '"' ( ESCAPE | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( ESCAPE | ~["\\\r\n] )* ;
UNTERMINATED_TEXT   : '"""' ( ~'"' | '"' ~'"' | '""' ~'"' )* EOF ;

COMMENT : '#' ~[\r\n]* -> channel(COMMENTS) ;
NL      : '\r'? '\n' | '\r' ;
WS      : [ \t\f\u00A0\uFEFF]+ -> skip ;

ERROR_CHAR : . ;

fragment ADDRESS    : DIGITS '.' DIGITS '.' DIGITS ( '.' DIGITS )* ;
fragment DIGITS     : [0-9]+ ;
fragment LETTERS    : [a-zA-Z]+ ;
fragment IDENT_BODY : [a-zA-Z_] [a-zA-Z0-9_-]* ;
fragment ESCAPE     : '\\' ~[\r\n] ;
