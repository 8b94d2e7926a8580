// MLIR's lexical syntax (LLVM 19, mlir/lib/AsmParser/Lexer.cpp and LangRef "Lexical syntax").
// This grammar is the token specification of gvm's parser: gvm.parser.Lexer produces exactly these
// tokens (checked by LexerConformanceTest) without allocating a token object per token, because
// the parser must read 100 MB files at mlir-opt's speed. Custom op syntax is not in a grammar at
// all: ops declare it in their definitions, and the recursive-descent AsmParser drives it.
lexer grammar MlirLexer;

WS              : [ \t\r\n]+ -> skip ;
LINE_COMMENT    : '//' ~[\n]* -> skip ;

FILE_META_BEGIN : '{-#' ;
FILE_META_END   : '#-}' ;
ARROW           : '->' ;
ELLIPSIS        : '...' ;

FLOAT_LIT       : DIGIT+ '.' DIGIT* ([eE] [-+]? DIGIT+)? ;
HEX_LIT         : '0x' HEXDIGIT+ ;
INT_LIT         : DIGIT+ ;

BARE_ID         : [a-zA-Z_] [a-zA-Z0-9_$.]* ;
AT_ID           : '@' ([a-zA-Z_] [a-zA-Z0-9_$.]* | STRING_BODY) ;
PERCENT_ID      : '%' SUFFIX_ID ;
CARET_ID        : '^' SUFFIX_ID ;
HASH_ID         : '#' SUFFIX_ID ;
BANG_ID         : '!' SUFFIX_ID ;

STRING          : STRING_BODY ;
UNTERMINATED_STRING : '"' (~["\\\n] | '\\' ~[\n])* ;

LPAREN : '(' ;  RPAREN : ')' ;  LSQUARE : '[' ;  RSQUARE : ']' ;
LBRACE : '{' ;  RBRACE : '}' ;  LESS : '<' ;     GREATER : '>' ;
COMMA : ',' ;   COLON : ':' ;   EQUAL : '=' ;    QUESTION : '?' ;
STAR : '*' ;    PLUS : '+' ;    MINUS : '-' ;    VERTICAL : '|' ;

ERROR_CHAR      : . ;

fragment STRING_BODY : '"' (~["\\\n] | '\\' ~[\n])* '"' ;
fragment SUFFIX_ID   : DIGIT+ | [a-zA-Z_$.\-] [a-zA-Z0-9_$.\-]* ;
fragment DIGIT       : [0-9] ;
fragment HEXDIGIT    : [0-9a-fA-F] ;
