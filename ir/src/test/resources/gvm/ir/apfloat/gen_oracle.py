#!/usr/bin/env python3
"""Regenerates oracle.tsv: what LLVM 19's mlir-opt prints for `arith.constant`.

Usage: gen_oracle.py [path/to/mlir-opt] > oracle.tsv
Each row: type <TAB> literal as written <TAB> literal as mlir-opt printed it.
The inputs are seeded-random plus hand-picked edge cases, per builtin float type.
"""
import random
import subprocess
import sys
from fractions import Fraction

MLIR_OPT = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/llvm-19/bin/mlir-opt"

# name, width, precision, minExp, maxExp, nan kind ("ieee", "allones", "negzero")
TYPES = [
    ("f16", 16, 11, -14, 15, "ieee"),
    ("bf16", 16, 8, -126, 127, "ieee"),
    ("f32", 32, 24, -126, 127, "ieee"),
    ("f64", 64, 53, -1022, 1023, "ieee"),
    ("f80", 80, 64, -16382, 16383, "ieee"),
    ("f128", 128, 113, -16382, 16383, "ieee"),
    ("tf32", 19, 11, -126, 127, "ieee"),
    ("f8E5M2", 8, 3, -14, 15, "ieee"),
    ("f8E4M3", 8, 4, -6, 7, "ieee"),
    ("f8E4M3FN", 8, 4, -6, 8, "allones"),
    ("f8E5M2FNUZ", 8, 3, -15, 15, "negzero"),
    ("f8E4M3FNUZ", 8, 4, -7, 7, "negzero"),
    ("f8E4M3B11FNUZ", 8, 4, -10, 4, "negzero"),
]

rng = random.Random(19)


def sci(frac, digits=None):
    """Exact (or, with digits, truncated) decimal text of a positive Fraction, with a '.'."""
    # Find k with 10^k <= frac < 10^(k+1).
    k = len(str(frac.numerator)) - len(str(frac.denominator))
    while Fraction(10) ** k > frac:
        k -= 1
    while Fraction(10) ** (k + 1) <= frac:
        k += 1
    if digits is None:
        # Dyadic rationals have finite expansions; find the length.
        scaled = frac / Fraction(10) ** k
        n = 0
        while scaled.denominator != 1:
            scaled *= 10
            n += 1
        s = str(scaled.numerator)
    else:
        s = str((frac / Fraction(10) ** k * 10 ** (digits - 1)).__floor__())
        s = s.rstrip("0") or "0"
    mant = s[0] + "." + (s[1:] or "0")
    return f"{mant}e{k}"


def rep_values(t, count):
    """Random finite positive representable values m * 2^q of type t."""
    name, width, p, emin, emax, nan = t
    out = []
    for _ in range(count):
        e = rng.randint(emin - 1, emax)  # emin-1 means denormal
        if e < emin:
            m = rng.randint(1, 2 ** (p - 1) - 1)
            q = emin - (p - 1)
        else:
            m = rng.randint(2 ** (p - 1), 2 ** p - 1)
            q = e - (p - 1)
        if nan == "allones" and e == emax and m == 2 ** p - 1:
            m -= 1
        out.append((m, q))
    return out


def frac_of(m, q):
    return Fraction(m) * Fraction(2) ** q


def clamp_double(t, e):
    """Exponents MLIR can reach: literals are parsed as f64 first."""
    return max(min(e, 1023), -1074)


def decimal_inputs(t, count):
    name, width, p, emin, emax, nan = t
    ins = set()
    dmin, dmax = max(emin - p, -1074), min(emax + 1, 1024)
    # Random decimal literals of random length across (and a bit beyond) the range.
    for _ in range(count // 3):
        nd = rng.randint(1, 22)
        digits = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(nd - 1))
        e10 = int(rng.uniform(dmin - 3, dmax + 3) * 0.30103)
        lit = digits[0] + "." + (digits[1:] or "0") + f"e{e10}"
        ins.add(("-" if rng.random() < 0.3 else "") + lit)
    # Exact midpoints between neighbours, and a hair above/below them: ties-to-even,
    # and the double rounding MLIR's f64-first parsing can cause.
    for m, q in rep_values(t, count // 3):
        lo = max(-1074 - 1, q - 1)
        if q - 1 < -1074 or m * 2 ** 0 == 0:
            continue
        mid = frac_of(2 * m + 1, q - 1)
        if mid > Fraction(2) ** 1024:
            continue
        ins.add(sci(mid))
        eps = Fraction(1, 10 ** 25)
        ins.add(sci(mid * (1 + eps), 40))
        ins.add(sci(mid * (1 - eps), 40))
    # Representable values and nearby doubles written with 17 digits.
    for m, q in rep_values(t, count // 6):
        v = frac_of(m, q)
        if v > Fraction(2) ** 1024 or v < Fraction(2) ** -1074:
            continue
        ins.add(sci(v))
        ins.add(f"{float(v):.17e}")
        ins.add(f"{float(v) * (1 + rng.uniform(-1e-3, 1e-3)):.6e}")
    # Integral values (hex fallback when 6 digits do not round-trip).
    for _ in range(count // 12):
        n = rng.randint(1, 2 ** min(p + 2, 62))
        ins.add(f"{n}.0")
    return ins


def edge_inputs(t):
    name, width, p, emin, emax, nan = t
    maxm = 2 ** p - 1 - (1 if nan == "allones" else 0)
    vals = {
        "max": frac_of(maxm, emax - (p - 1)),
        "minnormal": Fraction(2) ** emin,
        "mindenorm": Fraction(2) ** (emin - (p - 1)),
        "halfmindenorm": Fraction(2) ** (emin - p),
    }
    ins = {"0.0", "-0.0", "1.0", "-1.0", "0.1", "-0.1", "0.5", "2.5", "3.0", "1.5e-3",
           "-1.25e-3", "6.0e4", "6.5504e4", "6.5520e4", "6.5519e4", "1.0e-40", "1.0e-45",
           "1.0e-46", "3.4028235e38", "3.4028236e38", "1.0e39", "1.0e308", "1.7976931348623157e308",
           "1.0e309", "4.9406564584124654e-324", "2.0e-324", "1.0e-400", "1.0e400", "-1.0e400",
           "448.0", "464.0", "465.0", "480.0", "57344.0", "61440.0", "240.0", "30.0", "31.0",
           "16777215.0", "16777216.0", "16777217.0", "1234567.0", "123456789.0", "1.0e20",
           "9007199254740993.0", "3.14159265358979323846", "2.718281828459045", "1.0e-7",
           "0.333333333333333333333", "1.0039062500000000009", "1.0039062500000000000",
           "1.00048828125000000001", "1.0004882812500000000001", "65535.0", "999999.5", "9999995.0"}
    for v in vals.values():
        if Fraction(2) ** -1074 <= v < Fraction(2) ** 1024:
            ins.add(sci(v))
            ins.add("-" + sci(v))
            ins.add(sci(v, 7))
            ins.add(f"{float(v):.6e}")
    return ins


def hex_inputs(t, count):
    name, width, p, emin, emax, nan = t
    if width <= 8:
        return {f"0x{b:X}" for b in range(2 ** width)}
    stored = 64 if name == "f80" else p - 1
    ebits = width - 1 - stored
    ins = set()
    special = [0, 1, 2 ** stored - 1]
    for s in (0, 1):
        for f in (0, 1, (2 ** ebits - 1) << stored, ((2 ** ebits - 1) << stored) | 1,
                  ((2 ** ebits - 1) << stored) | (1 << (stored - 1)), 1 << stored,
                  ((2 ** ebits - 2) << stored) | (2 ** stored - 1)):
            special.append((s << (width - 1)) | f)
    ins.update(f"0x{b:X}" for b in special)
    bias = 1 - emin
    for _ in range(count):
        r = rng.random()
        sign = rng.randint(0, 1)
        if r < 0.15:
            field = rng.choice([0, 2 ** ebits - 1])
        elif r < 0.45:
            # Around 1..2^p: integral values, where printing falls back to hex.
            field = bias + rng.randint(0, min(p + 3, emax))
        else:
            field = rng.randint(0, 2 ** ebits - 1)
        frac = rng.getrandbits(stored)
        if rng.random() < 0.3:
            frac &= ~((1 << rng.randint(0, stored)) - 1)  # trailing zeros
        if name == "f80" and rng.random() < 0.8 and field != 0:
            frac |= 1 << 63  # mostly proper normals; the rest are unnormals
        ins.add(f"0x{(sign << (width - 1)) | (field << stored) | frac:X}")
    return ins


def run_oracle(tname, literals):
    body = "".join(f"  %c{i} = arith.constant {lit} : {tname}\n" for i, lit in enumerate(literals))
    src = "func.func @f() {\n" + body + "  return\n}\n"
    out = subprocess.run([MLIR_OPT], input=src, capture_output=True, text=True, check=True).stdout
    printed = []
    for line in out.splitlines():
        if "arith.constant" in line:
            value = line.split("arith.constant ", 1)[1].rsplit(" : ", 1)[0]
            printed.append(value)
    assert len(printed) == len(literals), (tname, len(printed), len(literals))
    return printed


def main():
    print("# type\tliteral\tmlir-opt 19 output (generated by gen_oracle.py)")
    for t in TYPES:
        name, width = t[0], t[1]
        lits = sorted(edge_inputs(t) | decimal_inputs(t, 1800), key=lambda s: (len(s), s))
        lits += sorted(hex_inputs(t, 1000 if width > 8 else 0), key=lambda s: (len(s), s))
        seen, uniq = set(), []
        for lit in lits:
            if lit not in seen:
                seen.add(lit)
                uniq.append(lit)
        printed = run_oracle(name, uniq)
        for lit, out in zip(uniq, printed):
            print(f"{name}\t{lit}\t{out}")


if __name__ == "__main__":
    main()
