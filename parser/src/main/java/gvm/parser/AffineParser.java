package gvm.parser;

import static gvm.parser.MlirLexer.*;

import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineExprs;
import gvm.ir.affine.AffineMap;
import gvm.ir.affine.IntegerSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Affine maps and integer sets: {@code (d0, d1)[s0] -> (d0 + s0, d1 floordiv 2)}. */
final class AffineParser {
  private final Parser p;
  private final Map<String, AffineExpr> ids = new HashMap<>();
  private int nd, ns;

  AffineParser(Parser p) { this.p = p; }

  private void parseDimsAndSymbols() {
    p.parsePunct("(");
    if (!p.consumeIf(RPAREN)) {
      do declare(new AffineExpr.Dim(nd++)); while (p.consumeIf(COMMA));
      p.parsePunct(")");
    }
    if (p.consumeIf(LSQUARE)) {
      if (!p.consumeIf(RSQUARE)) {
        do declare(new AffineExpr.Symbol(ns++)); while (p.consumeIf(COMMA));
        p.parsePunct("]");
      }
    }
  }

  private void declare(AffineExpr e) {
    if (!p.at(BARE_ID)) throw p.wrongToken("expected bare identifier");
    String n = p.spelling();
    if (ids.containsKey(n)) throw p.err("redefinition of identifier '" + n + "'");
    ids.put(n, e);
    p.consume();
  }

  AffineMap parseMap() {
    parseDimsAndSymbols();
    p.parsePunct("->");
    p.parsePunct("(");
    List<AffineExpr> rs = new ArrayList<>();
    if (!p.consumeIf(RPAREN)) {
      do rs.add(expr()); while (p.consumeIf(COMMA));
      p.parsePunct(")");
    }
    return new AffineMap(nd, ns, rs);
  }

  IntegerSet parseSet() {
    parseDimsAndSymbols();
    p.parsePunct(":");
    p.parsePunct("(");
    List<AffineExpr> cs = new ArrayList<>();
    List<Boolean> eq = new ArrayList<>();
    do {
      AffineExpr l = expr();
      boolean isEq;
      if (p.consumeIf(EQUAL)) {
        p.parsePunct("=");
        isEq = true;
      } else if (p.consumeIf(GREATER)) {
        p.parsePunct("=");
        isEq = false;
      } else if (p.consumeIf(LESS)) {
        p.parsePunct("=");
        cs.add(AffineExprs.sub(expr(), l));
        eq.add(false);
        continue;
      } else throw p.wrongToken("expected '== affine-expr' or '>= affine-expr' at end of affine constraint");
      AffineExpr r = expr();
      cs.add(AffineExprs.sub(l, r));
      eq.add(isEq);
    } while (p.consumeIf(COMMA));
    p.parsePunct(")");
    return new IntegerSet(nd, ns, cs, eq);
  }

  // expr := term (('+'|'-') term)*
  private AffineExpr expr() {
    AffineExpr e = term();
    while (true) {
      if (p.consumeIf(PLUS)) e = AffineExprs.add(e, term());
      else if (p.at(MINUS)) {
        p.consume();
        e = AffineExprs.sub(e, term());
      } else return e;
    }
  }

  // term := factor (('*'|'floordiv'|'ceildiv'|'mod') factor)*
  private AffineExpr term() {
    AffineExpr e = factor();
    while (true) {
      if (p.consumeIf(STAR)) e = AffineExprs.mul(e, factor());
      else if (p.parseOptionalKeyword("floordiv")) e = AffineExprs.floorDiv(e, factor());
      else if (p.parseOptionalKeyword("ceildiv")) e = AffineExprs.ceilDiv(e, factor());
      else if (p.parseOptionalKeyword("mod")) e = AffineExprs.mod(e, factor());
      else return e;
    }
  }

  private AffineExpr factor() {
    if (p.consumeIf(MINUS)) return AffineExprs.neg(factor());
    if (p.consumeIf(LPAREN)) {
      AffineExpr e = expr();
      p.parsePunct(")");
      return e;
    }
    if (p.at(INT_LIT)) return AffineExprs.constant(p.parseInteger());
    if (p.at(BARE_ID)) {
      AffineExpr e = ids.get(p.spelling());
      if (e == null) throw p.err("use of undeclared identifier");
      p.consume();
      return e;
    }
    throw p.wrongToken("expected affine expression");
  }
}
