#!/usr/bin/env python3
"""Generate a large, realistic MLIR module for parse/print benchmarks.

The output is accepted by LLVM 19's mlir-opt: many func.func bodies of
arith/tensor/func/scf ops (mostly elementwise arith on tensors, like a model
file), mesh.shard annotations and a few mesh collectives, locations of every
builtin kind on most ops, discardable attributes on some, func argument/result
attributes, a few generic-form ops, multi-result ops and location aliases
(defined at the end of the file, as mlir-opt prints them).

    benchmarks/gen-mlir.py --size-mb 10 --out benchmarks/out/bench-10mb.mlir

Deterministic for a given --seed and --size-mb (python3 stdlib only).
"""
import argparse
import os
import random
import sys

MB = 1 << 20

FILES = ("model.py", "layers/attention.py", "layers/mlp.py", "layers/norm.py", "utils/ops.py")
PARTS = ("attn", "mlp", "norm", "embed", "proj", "rope", "softmax", "residual")
SHAPES2 = ((8, 16), (16, 16), (16, 64), (32, 128), (64, 64), (128, 32), (4, 16), (32, 32), (16, 128))
SHAPES1 = ((4,), (16,), (128,))
FLOATS = ("f32", "f16", "bf16")
FLOAT_W = (70, 15, 15)
INTS = ("i32", "i64")
INT_W = (75, 25)
CMPF = ("oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno")
CMPI = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")
CMPI_CODE = {p: i for i, p in enumerate(CMPI)}
FBIN = ("addf", "mulf", "subf", "divf", "maximumf", "minimumf")
FBIN_W = (30, 30, 15, 8, 9, 8)
IBIN = ("addi", "subi", "muli", "andi", "ori", "xori", "shli", "maxsi", "minsi")
IBIN_W = (25, 15, 20, 8, 6, 8, 6, 6, 6)
OVF_OPS = ("addi", "subi", "muli", "shli")
FLOAT_VALS = ("1.000000e+00", "5.000000e-01", "2.000000e+00", "0.000000e+00", "-1.000000e+00",
              "1.250000e-01", "1.5", "0.25", "-3.0", "4.0")
N_LOC_ALIASES = 48
N_LAYERS = 48


def tstr(shape, elt):
    return "tensor<" + "x".join(str(d) for d in shape) + "x" + elt + ">"


def is_float(elt):
    return elt in FLOATS


class Module:
    """Module-wide state: the random stream, functions defined so far."""

    def __init__(self, seed, mesh):
        self.rng = random.Random(seed)
        self.mesh = mesh
        self.funcs = []  # (name, [arg types], [result types]) callable from later functions
        self.tinfo = {}  # type string -> (shape or None, element type)
        for s in SHAPES2 + SHAPES1:
            for e in FLOATS + INTS:
                self.tt(s, e)
        for e in FLOATS + INTS + ("i1", "index"):
            self.tinfo[e] = (None, e)

    def tt(self, shape, elt):
        t = tstr(shape, elt)
        if t not in self.tinfo:
            self.tinfo[t] = (tuple(shape), elt)
        return t

    def float_elt(self):
        return self.rng.choices(FLOATS, FLOAT_W)[0]

    def int_elt(self):
        return self.rng.choices(INTS, INT_W)[0]

    def attrs(self, p):
        r = self.rng
        if r.random() >= p:
            return ""
        k = r.randrange(8)
        if k < 3:
            return ' {gvm.tag = "%s", gvm.id = %d : i64}' % (r.choice(("x", "y", "hot", "cold", "q8")), r.randrange(1000))
        if k == 3:
            return " {gvm.layer = %d : i32, gvm.fused}" % r.randrange(N_LAYERS)
        if k == 4:
            return " {gvm.scale = %s : f32}" % r.choice(FLOAT_VALS[:6])
        if k == 5:
            return " {gvm.range = array<i64: 0, %d>, gvm.dims = [%d, %d]}" % (r.randrange(1, 64), r.randrange(4), r.randrange(4))
        if k == 6:
            return ' {gvm.meta = {kind = "%s", n = %d : i64}}' % (r.choice(PARTS), r.randrange(100))
        return " {gvm.ty = %s}" % r.choice(("f32", "tensor<4xf32>", "i64", "index"))

    def loc(self, line, p=0.6):
        r = self.rng
        x = r.random()
        if x >= p:
            return ""
        x /= p
        f = r.choice(FILES)
        col = r.randrange(1, 80)
        if x < 0.40:
            return ' loc("%s":%d:%d)' % (f, line, col)
        if x < 0.55:
            return ' loc("layer.%d.%s")' % (r.randrange(N_LAYERS), r.choice(PARTS))
        if x < 0.68:
            return ' loc("layer.%d.%s"("%s":%d:%d))' % (r.randrange(N_LAYERS), r.choice(PARTS), f, line, col)
        if x < 0.78:
            return ' loc(fused["%s":%d:%d, "layer.%d.%s"])' % (f, line, col, r.randrange(N_LAYERS), r.choice(PARTS))
        if x < 0.83:
            return ' loc(fused<"torch">["%s":%d:%d, "%s":%d:%d])' % (f, line, col, r.choice(FILES), line + 1, r.randrange(1, 80))
        if x < 0.90:
            return ' loc(callsite("%s" at "%s":%d:%d))' % (r.choice(PARTS), f, line, col)
        if x < 0.99:
            return " loc(#loc%d)" % r.randrange(1, N_LOC_ALIASES + 1)
        return " loc(unknown)"


class Func:
    """One func.func body under construction."""

    def __init__(self, m, name, args, results, line0):
        self.m = m
        self.r = m.rng
        self.name = name
        self.args = args
        self.results = results
        self.line = line0
        self.n = 0
        self.body = []
        self.prologue = []
        self.idx = {}
        self.scopes = [{}]
        self.depth = 0
        self.ftypes = []
        self.itypes = []
        self.ind = "    "
        self.main = [t for t in args if m.tinfo[t][0] is not None and is_float(m.tinfo[t][1])]
        if not self.main:
            self.main = [m.tt(self.r.choice(SHAPES2), "f32")]

    # ---- values --------------------------------------------------------------
    def fresh(self, prefix=""):
        self.n += 1
        return "%" + prefix + str(self.n)

    def define(self, name, ty):
        s = self.scopes[-1]
        lst = s.get(ty)
        if lst is None:
            s[ty] = [name]
        else:
            lst.append(name)
        shape, elt = self.m.tinfo[ty]
        if shape is not None and "?" not in ty:
            lst = self.ftypes if is_float(elt) else self.itypes if elt in INTS else None
            if lst is not None and ty not in lst:
                lst.append(ty)

    def get(self, ty):
        r = self.r
        cands = None
        for s in reversed(self.scopes):
            lst = s.get(ty)
            if lst:
                if r.random() < 0.8:
                    return lst[-1 - int(r.random() ** 2 * min(len(lst), 6))]
                cands = lst
                break
        if cands:
            return r.choice(cands)
        return self.materialize(ty)

    def emit(self, text, p_loc=0.6):
        self.line += 1
        self.body.append(self.ind + text + self.m.loc(self.line, p_loc) + "\n")

    def index(self, v):
        name = self.idx.get(v)
        if name is None:
            name = "%%c%d" % v
            self.idx[v] = name
            self.prologue.append("    %s = arith.constant %d : index%s\n" % (name, v, self.m.loc(self.line, 0.3)))
            self.scopes[0].setdefault("index", []).append(name)
        return name

    def splat_value(self, elt):
        r = self.r
        if elt == "i1":
            return r.choice(("true", "false"))
        if is_float(elt):
            return r.choice(FLOAT_VALS)
        return str(r.choice((0, 1, 2, -1, 7, 42, 127)))

    def materialize(self, ty):
        r = self.r
        shape, elt = self.m.tinfo[ty]
        if shape is None:
            if elt == "index":
                return self.index(r.randrange(9))
            name = self.fresh("cst_") if elt == "i1" or is_float(elt) else self.fresh("c") + "_" + elt
            if r.random() < 0.04:
                val = self.splat_value(elt)
                if is_float(elt) and "e" not in val:
                    val = "%e" % float(val)
                typed = val if elt == "i1" else "%s : %s" % (val, elt)
                self.emit('%s = "arith.constant"() <{value = %s}> : () -> %s' % (name, typed, elt))
            elif elt == "i1":
                self.emit("%s = arith.constant%s %s" % (name, self.m.attrs(0.03), self.splat_value(elt)))
            else:
                self.emit("%s = arith.constant%s %s : %s" % (name, self.m.attrs(0.03), self.splat_value(elt), elt))
            self.define(name, ty)
            return name
        if elt != "i1" and r.random() < 0.3:
            name = self.fresh()
            if r.random() < 0.1:
                self.emit('%s = "tensor.empty"() : () -> %s' % (name, ty))
            else:
                self.emit("%s = tensor.empty()%s : %s" % (name, self.m.attrs(0.05), ty))
            self.define(name, ty)
            return name
        return self.constant(ty)

    def constant(self, ty):
        r = self.r
        shape, elt = self.m.tinfo[ty]
        name = self.fresh("cst_")
        numel = 1
        for d in shape:
            numel *= d
        x = r.random()
        if numel <= 64 and x < 0.12 and elt in ("f32", "i32"):
            # hex-encoded payload, as mlir-opt prints larger literals
            payload = "".join("%08X" % r.getrandbits(32) if elt == "i32" else
                              "0000%02X3F" % r.randrange(256) for _ in range(numel))
            val = 'dense<"0x%s">' % payload
        elif numel <= 16 and x < 0.5 and elt != "i1":
            def lit(sh):
                if len(sh) == 1:
                    vals = [self.splat_value(elt) for _ in range(sh[0])]
                    return "[" + ", ".join(vals) + "]"
                return "[" + ", ".join(lit(sh[1:]) for _ in range(sh[0])) + "]"
            val = "dense<%s>" % lit(shape)
        else:
            val = "dense<%s>" % self.splat_value(elt)
        self.emit("%s = arith.constant%s %s : %s" % (name, self.m.attrs(0.03), val, ty))
        self.define(name, ty)
        return name

    def pick_tensor(self, kind):
        r = self.r
        if kind == "f":
            if r.random() < 0.65 or not self.ftypes:
                return r.choice(self.main)
            return r.choice(self.ftypes[-8:])
        if self.itypes and r.random() < 0.7:
            return r.choice(self.itypes[-6:])
        shape = self.m.tinfo[r.choice(self.main)][0]
        return self.m.tt(shape, self.m.int_elt())

    def like(self, ty, elt):
        return self.m.tt(self.m.tinfo[ty][0], elt)

    # ---- ops -----------------------------------------------------------------
    def op_fbin(self, ty=None):
        r = self.r
        ty = ty or self.pick_tensor("f")
        a, b = self.get(ty), self.get(ty)
        op = r.choices(FBIN, FBIN_W)[0]
        name = self.fresh()
        x = r.random()
        if x < 0.03:
            fm = r.choice(("none", "fast", "contract"))
            self.emit('%s = "arith.%s"(%s, %s) <{fastmath = #arith.fastmath<%s>}> : (%s, %s) -> %s'
                      % (name, op, a, b, fm, ty, ty, ty))
        else:
            fm = " fastmath<fast>" if x < 0.15 else " fastmath<nnan,ninf>" if x < 0.2 else " fastmath<contract>" if x < 0.25 else ""
            self.emit("%s = arith.%s %s, %s%s%s : %s" % (name, op, a, b, fm, self.m.attrs(0.08), ty))
        self.define(name, ty)
        return name

    def op_funary(self):
        ty = self.pick_tensor("f")
        a = self.get(ty)
        name = self.fresh()
        self.emit("%s = arith.negf %s%s : %s" % (name, a, self.m.attrs(0.05), ty))
        self.define(name, ty)

    def op_ibin(self, ty=None):
        r = self.r
        ty = ty or self.pick_tensor("i")
        a, b = self.get(ty), self.get(ty)
        op = r.choices(IBIN, IBIN_W)[0]
        name = self.fresh()
        x = r.random()
        if op in OVF_OPS and x < 0.04:
            self.emit('%s = "arith.%s"(%s, %s) <{overflowFlags = #arith.overflow<%s>}> : (%s, %s) -> %s'
                      % (name, op, a, b, r.choice(("none", "nsw", "nsw, nuw")), ty, ty, ty))
        else:
            ovf = ""
            if op in OVF_OPS and x < 0.35:
                ovf = " overflow<nsw>" if x < 0.28 else " overflow<nsw, nuw>"
            self.emit("%s = arith.%s %s, %s%s%s : %s" % (name, op, a, b, ovf, self.m.attrs(0.08), ty))
        self.define(name, ty)
        return name

    def op_cmp_select(self):
        r = self.r
        fl = r.random() < 0.75
        ty = self.pick_tensor("f" if fl else "i")
        a, b = self.get(ty), self.get(ty)
        cty = self.like(ty, "i1")
        c = self.fresh()
        if fl:
            self.emit("%s = arith.cmpf %s, %s, %s%s : %s" % (c, r.choice(CMPF), a, b, self.m.attrs(0.05), ty))
        else:
            self.emit("%s = arith.cmpi %s, %s, %s%s : %s" % (c, r.choice(CMPI), a, b, self.m.attrs(0.05), ty))
        self.define(c, cty)
        if r.random() < 0.8:
            s = self.fresh()
            self.emit("%s = arith.select %s, %s, %s%s : %s, %s" % (s, c, a, self.get(ty), self.m.attrs(0.05), cty, ty))
            self.define(s, ty)

    def op_tcast(self):
        r = self.r
        k = r.randrange(6)
        if k == 0:  # int -> float
            src = self.pick_tensor("i")
            dst = self.like(src, "f32")
            op = "sitofp"
        elif k == 1:
            src = self.pick_tensor("f")
            src = self.like(src, "f32")
            dst = self.like(src, self.m.int_elt())
            op = "fptosi"
        elif k == 2:
            src = self.like(self.pick_tensor("f"), r.choice(("f16", "bf16")))
            dst = self.like(src, "f32")
            op = "extf"
        elif k == 3:
            src = self.like(self.pick_tensor("f"), "f32")
            dst = self.like(src, r.choice(("f16", "bf16")))
            op = "truncf"
        elif k == 4:
            src = self.like(self.pick_tensor("i"), "i32")
            dst = self.like(src, "i64")
            op = "extsi"
        else:
            src = self.like(self.pick_tensor("i"), "i64")
            dst = self.like(src, "i32")
            op = "trunci"
        a = self.get(src)
        name = self.fresh()
        self.emit("%s = arith.%s %s%s : %s to %s" % (name, op, a, self.m.attrs(0.04), src, dst))
        self.define(name, dst)

    def op_const(self):
        r = self.r
        if r.random() < 0.6:
            self.constant(self.pick_tensor("f"))
        elif r.random() < 0.5:
            self.constant(self.m.tt(r.choice(SHAPES1), r.choice(("f32", "i32"))))
        else:
            self.constant(self.pick_tensor("i"))

    def op_scalar(self):
        r = self.r
        k = r.randrange(10)
        if k < 3:
            ty = r.choice(("i32", "i32", "i64", "index"))
            a, b = self.get(ty), self.get(ty)
            op = r.choice(("addi", "subi", "muli", "andi", "xori"))
            ovf = " overflow<nsw>" if ty != "index" and op in OVF_OPS and r.random() < 0.3 else ""
            name = self.fresh()
            self.emit("%s = arith.%s %s, %s%s%s : %s" % (name, op, a, b, ovf, self.m.attrs(0.05), ty))
            self.define(name, ty)
        elif k < 5:
            a, b = self.get("f32"), self.get("f32")
            op = r.choice(("addf", "mulf", "subf", "divf"))
            fm = " fastmath<fast>" if r.random() < 0.2 else ""
            name = self.fresh()
            self.emit("%s = arith.%s %s, %s%s : f32" % (name, op, a, b, fm))
            self.define(name, "f32")
        elif k < 7:
            ty = r.choice(("i32", "i64", "index", "f32"))
            a, b = self.get(ty), self.get(ty)
            c = self.fresh()
            if ty == "f32":
                self.emit("%s = arith.cmpf %s, %s, %s : f32" % (c, r.choice(CMPF), a, b))
            elif r.random() < 0.1:
                self.emit('%s = "arith.cmpi"(%s, %s) <{predicate = %d : i64}> : (%s, %s) -> i1'
                          % (c, a, b, r.randrange(10), ty, ty))
            else:
                self.emit("%s = arith.cmpi %s, %s, %s%s : %s" % (c, r.choice(CMPI), a, b, self.m.attrs(0.05), ty))
            self.define(c, "i1")
            s = self.fresh()
            self.emit("%s = arith.select %s, %s, %s : %s" % (s, c, a, self.get(ty), ty))
            self.define(s, ty)
        else:
            src, dst, op = r.choice((("i32", "index", "index_cast"), ("index", "i32", "index_cast"),
                                     ("index", "i64", "index_castui"), ("i32", "i64", "extsi"),
                                     ("i64", "i32", "trunci"), ("i32", "f32", "sitofp"),
                                     ("f32", "i32", "fptosi"), ("i32", "i64", "extui")))
            a = self.get(src)
            name = self.fresh()
            self.emit("%s = arith.%s %s%s : %s to %s" % (name, op, a, self.m.attrs(0.04), src, dst))
            self.define(name, dst)

    def op_multi(self):
        r = self.r
        ty = r.choice(("i32", "i64"))
        a, b = self.get(ty), self.get(ty)
        if r.random() < 0.5:
            n = self.n + 1
            self.n += 1
            lo, hi = "%%low_%d" % n, "%%high_%d" % n
            self.emit("%s, %s = arith.mulsi_extended %s, %s : %s" % (lo, hi, a, b, ty))
            self.define(lo, ty)
            self.define(hi, ty)
        else:
            name = self.fresh()
            self.emit("%s:2 = arith.addui_extended %s, %s : %s, i1" % (name, a, b, ty))
            self.define(name + "#0", ty)
            self.define(name + "#1", "i1")

    def op_empty(self):
        ty = self.pick_tensor("f")
        name = self.fresh()
        self.emit("%s = tensor.empty()%s : %s" % (name, self.m.attrs(0.05), ty))
        self.define(name, ty)

    def op_extract_insert(self):
        r = self.r
        ty = self.pick_tensor("f" if r.random() < 0.8 else "i")
        shape, elt = self.m.tinfo[ty]
        t = self.get(ty)
        idx = ", ".join(self.index(r.randrange(min(d, 9))) for d in shape)
        if r.random() < 0.6:
            name = self.fresh("extracted_")
            self.emit("%s = tensor.extract %s[%s]%s : %s" % (name, t, idx, self.m.attrs(0.05), ty))
            self.define(name, elt)
        else:
            s = self.get(elt)
            name = self.fresh("inserted_")
            self.emit("%s = tensor.insert %s into %s[%s]%s : %s" % (name, s, t, idx, self.m.attrs(0.05), ty))
            self.define(name, ty)

    def slice_of(self, shape):
        r = self.r
        sizes, offs = [], []
        for d in shape:
            k = r.choice((1, 2, 2, 4))
            if d % k:
                k = 1
            s = d // k
            sizes.append(s)
            offs.append(s * r.randrange(k))
        return sizes, offs

    def op_slice(self):
        r = self.r
        ty = self.pick_tensor("f")
        shape, elt = self.m.tinfo[ty]
        sizes, offs = self.slice_of(shape)
        sty = self.m.tt(sizes, elt)
        ones = ", ".join("1" for _ in shape)
        src = self.get(ty)
        if r.random() < 0.5:
            name = self.fresh("extracted_slice_")
            self.emit("%s = tensor.extract_slice %s[%s] [%s] [%s]%s : %s to %s"
                      % (name, src, ", ".join(map(str, offs)), ", ".join(map(str, sizes)), ones,
                         self.m.attrs(0.05), ty, sty))
            self.define(name, sty)
        else:
            piece = self.get(sty)
            name = self.fresh("inserted_slice_")
            self.emit("%s = tensor.insert_slice %s into %s[%s] [%s] [%s]%s : %s into %s"
                      % (name, piece, src, ", ".join(map(str, offs)), ", ".join(map(str, sizes)), ones,
                         self.m.attrs(0.05), sty, ty))
            self.define(name, ty)

    def op_reshape(self):
        r = self.r
        ty = self.pick_tensor("f")
        shape, elt = self.m.tinfo[ty]
        three = [t for t in self.ftypes if len(self.m.tinfo[t][0]) == 3]
        if three and r.random() < 0.5:
            ty = r.choice(three[-4:])
            (a, b, c), elt = self.m.tinfo[ty]
            if r.random() < 0.5:
                out, re = (a * b, c), "[[0, 1], [2]]"
            else:
                out, re = (a, b * c), "[[0], [1, 2]]"
            oty = self.m.tt(out, elt)
            name = self.fresh("collapsed_")
            self.emit("%s = tensor.collapse_shape %s %s%s : %s into %s" % (name, self.get(ty), re, self.m.attrs(0.05), ty, oty))
            self.define(name, oty)
            return
        if len(shape) == 2:
            a, b = shape
            if b % 4 == 0 and (r.random() < 0.6 or a % 2):
                out, re = (a, b // 4, 4), "[[0], [1, 2]]"
            elif a % 2 == 0:
                out, re = (2, a // 2, b), "[[0, 1], [2]]"
            else:
                return
            if r.random() < 0.15:
                oty = self.m.tt((a * b,), elt)
                name = self.fresh("collapsed_")
                self.emit("%s = tensor.collapse_shape %s [[0, 1]] : %s into %s" % (name, self.get(ty), ty, oty))
                self.define(name, oty)
                return
        elif len(shape) == 1 and shape[0] % 4 == 0:
            out, re = (shape[0] // 4, 4), "[[0, 1]]"
        else:
            return
        oty = self.m.tt(out, elt)
        name = self.fresh("expanded_")
        self.emit("%s = tensor.expand_shape %s %s output_shape [%s]%s : %s into %s"
                  % (name, self.get(ty), re, ", ".join(map(str, out)), self.m.attrs(0.05), ty, oty))
        self.define(name, oty)

    def op_cast_dim(self):
        r = self.r
        ty = self.pick_tensor("f")
        shape, elt = self.m.tinfo[ty]
        dyn = list(shape)
        k = r.randrange(len(shape))
        dyn[k] = "?"
        dty = "tensor<" + "x".join(map(str, dyn)) + "x" + elt + ">"
        self.m.tinfo.setdefault(dty, (tuple(dyn), elt))
        c = self.fresh("cast_")
        self.emit("%s = tensor.cast %s%s : %s to %s" % (c, self.get(ty), self.m.attrs(0.05), ty, dty))
        d = self.fresh("dim_")
        if r.random() < 0.08:
            self.emit('%s = "tensor.dim"(%s, %s) : (%s, index) -> index' % (d, c, self.index(k), dty))
        else:
            self.emit("%s = tensor.dim %s, %s : %s" % (d, c, self.index(k), dty))
        self.define(d, "index")
        if r.random() < 0.4:
            b = self.fresh("cast_")
            self.emit("%s = tensor.cast %s : %s to %s" % (b, c, dty, ty))
            self.define(b, ty)

    def op_splat(self):
        ty = self.pick_tensor("f")
        elt = self.m.tinfo[ty][1]
        s = self.get(elt)
        name = self.fresh("splat_")
        self.emit("%s = tensor.splat %s : %s" % (name, s, ty))
        self.define(name, ty)

    def op_call(self):
        r = self.r
        funcs = self.m.funcs
        if not funcs:
            return self.op_fbin()
        name, args, results = funcs[-1 - int(r.random() ** 2 * min(len(funcs), 64))]
        vals = ", ".join(self.get(t) for t in args)
        fty = "(%s) -> %s" % (", ".join(args), results[0] if len(results) == 1 else "(" + ", ".join(results) + ")")
        kw = "call" if self.depth == 0 and r.random() < 0.85 else "func.call"
        if not results:
            self.emit("%s @%s(%s)%s : %s" % (kw, name, vals, self.m.attrs(0.05), fty))
            return
        res = self.fresh()
        if r.random() < 0.04:
            self.emit('%s = "func.call"(%s) <{callee = @%s}> : %s' % (res + (":%d" % len(results) if len(results) > 1 else ""), vals, name, fty))
        else:
            self.emit("%s%s = %s @%s(%s)%s : %s" % (res, ":%d" % len(results) if len(results) > 1 else "", kw, name, vals,
                                                  self.m.attrs(0.05), fty))
        if len(results) == 1:
            self.define(res, results[0])
        else:
            for i, t in enumerate(results):
                self.define("%s#%d" % (res, i), t)

    # mesh
    def sharding(self, rank):
        r = self.r
        if r.random() < 0.75:
            mesh = "@mesh0"
            specs = {1: ("[[0]]", "[[1]]", "[[0, 1]]"),
                     2: ("[[0], [1]]", "[[0], [1]]", "[[0]]", "[[], [1]]", "[[1], [0]]", "[[0, 1]]"),
                     3: ("[[0], [], [1]]", "[[], [0], [1]]", "[[0]]")}[rank]
            spec = r.choice(specs)
            if r.random() < 0.1 and "1" not in spec:
                spec += ", partial = sum[1]"
        else:
            mesh = "@mesh1"
            spec = r.choice({1: ("[[0]]",), 2: ("[[0]]", "[[], [0]]"), 3: ("[[0]]", "[[], [], [0]]")}[rank])
        return "<%s, %s>" % (mesh, spec)

    def op_shard(self):
        r = self.r
        ty = self.pick_tensor("f")
        rank = len(self.m.tinfo[ty][0])
        name = self.fresh("sharding_annotated_")
        sh = self.sharding(rank)
        self.emit("%s = mesh.shard %s to %s%s : %s" % (name, self.get(ty), sh, self.m.attrs(0.04), ty))
        self.define(name, ty)
        if r.random() < 0.6:
            u = self.fresh("sharding_annotated_")
            self.emit("%s = mesh.shard %s to %s annotate_for_users : %s" % (u, name, sh if r.random() < 0.7 else self.sharding(rank), ty))
            self.define(u, ty)

    def op_collective(self):
        r = self.r
        ty = self.pick_tensor("f")
        shape, elt = self.m.tinfo[ty]
        t = self.get(ty)
        mesh, axes, k = r.choice((("@mesh0", "[0]", 2), ("@mesh0", "[1]", 4), ("@mesh0", "[0, 1]", 8), ("@mesh1", "[0]", 8)))
        x = r.random()
        if x < 0.5:
            red = r.choice(("", "", "", " reduction = <max>", " reduction = <min>"))
            name = self.fresh("all_reduce_")
            self.emit("%s = mesh.all_reduce %s on %s mesh_axes = %s%s%s : %s -> %s" % (name, t, mesh, axes, red, self.m.attrs(0.05), ty, ty))
            self.define(name, ty)
        elif x < 0.8:
            g = r.randrange(len(shape))
            out = list(shape)
            out[g] *= k
            if out[g] > 1024:
                return
            oty = self.m.tt(out, elt)
            name = self.fresh("all_gather_")
            self.emit("%s = mesh.all_gather %s on %s mesh_axes = %s gather_axis = %d : %s -> %s" % (name, t, mesh, axes, g, ty, oty))
            self.define(name, oty)
        elif x < 0.93:
            g = r.randrange(len(shape))
            if shape[g] % k:
                return
            out = list(shape)
            out[g] //= k
            oty = self.m.tt(out, elt)
            name = self.fresh("reduce_scatter_")
            self.emit("%s = mesh.reduce_scatter %s on %s mesh_axes = %s scatter_axis = %d : %s -> %s" % (name, t, mesh, axes, g, ty, oty))
            self.define(name, oty)
        else:
            name = self.fresh("proc_idx_")
            if r.random() < 0.5:
                self.emit("%s:2 = mesh.process_multi_index on @mesh0 : index, index" % name)
            else:
                self.emit("%s:2 = mesh.mesh_shape @mesh0 : index, index" % name)
            self.define(name + "#0", "index")
            self.define(name + "#1", "index")

    # scf
    def region(self, n_ops, yield_types):
        self.scopes.append({})
        self.depth += 1
        save = self.ind
        self.ind = save + "  "
        for _ in range(n_ops):
            self.random_op(region=True)
        vals = [self.get(t) for t in yield_types]
        self.emit("scf.yield %s : %s" % (", ".join(vals), ", ".join(yield_types)), 0.2)
        self.ind = save
        self.depth -= 1
        self.scopes.pop()

    def op_for(self):
        r = self.r
        if self.depth >= 2:
            return self.op_fbin()
        n_iter = 1 if r.random() < 0.75 else 2
        tys = [self.pick_tensor("f") for _ in range(n_iter)]
        inits = [self.get(t) for t in tys]
        ub = self.index(r.choice((2, 4, 8)))
        lb, st = self.index(0), self.index(1)
        res = self.fresh()
        iv = "%%iv%d" % self.n
        accs = ["%%acc%d_%d" % (self.n, i) for i in range(n_iter)]
        lhs = res if n_iter == 1 else "%s:%d" % (res, n_iter)
        self.emit("%s = scf.for %s = %s to %s step %s iter_args(%s) -> (%s) {"
                  % (lhs, iv, lb, ub, st, ", ".join("%s = %s" % p for p in zip(accs, inits)), ", ".join(tys)), 0)
        self.body[-1] = self.body[-1].rstrip("\n").rstrip() + "\n"
        self.scopes.append({"index": [iv]})
        for a, t in zip(accs, tys):
            self.scopes[-1].setdefault(t, []).append(a)
        self.depth += 1
        save = self.ind
        self.ind = save + "  "
        for _ in range(r.randrange(2, 7)):
            self.random_op(region=True)
        vals = [self.get(t) for t in tys]
        self.emit("scf.yield %s : %s" % (", ".join(vals), ", ".join(tys)), 0.2)
        self.ind = save
        self.depth -= 1
        self.scopes.pop()
        self.line += 1
        self.body.append(self.ind + "}" + self.m.attrs(0.1) + self.m.loc(self.line) + "\n")
        if n_iter == 1:
            self.define(res, tys[0])
        else:
            for i, t in enumerate(tys):
                self.define("%s#%d" % (res, i), t)

    def op_if(self):
        r = self.r
        if self.depth >= 2:
            return self.op_ibin()
        ty = self.pick_tensor("f")
        c = self.get("i1")
        res = self.fresh()
        self.line += 1
        self.body.append(self.ind + "%s = scf.if %s -> (%s) {\n" % (res, c, ty))
        self.region(r.randrange(1, 4), [ty])
        self.line += 1
        self.body.append(self.ind + "} else {\n")
        self.region(r.randrange(0, 3), [ty])
        self.line += 1
        self.body.append(self.ind + "}" + self.m.loc(self.line) + "\n")
        self.define(res, ty)

    def random_op(self, region=False):
        ops = self.m.ops_region if region else self.m.ops_top
        self.r.choices(ops[0], cum_weights=ops[1])[0](self)

    # ---- text ----------------------------------------------------------------
    def build(self, n_ops, private=False):
        r = self.r
        m = self.m
        sig = []
        for i, t in enumerate(self.args):
            a = "%%arg%d" % i
            self.define(a, t)
            attr = ""
            x = r.random()
            if x < 0.12:
                attr = ' {gvm.name = "%s%d"}' % (r.choice(("w", "x", "bias", "scale")), r.randrange(64))
            elif x < 0.2:
                attr = " {gvm.arg = %d : i64}" % i
            elif x < 0.23:
                attr = " {gvm.donate, gvm.align = 64 : i64}"
            sig.append("%s: %s%s" % (a, t, attr))
        for _ in range(n_ops):
            self.random_op()
        outs = [self.get(t) for t in self.results]
        if outs:
            self.emit("return %s : %s" % (", ".join(outs), ", ".join(self.results)), 0.3)
        else:
            self.emit("return", 0.3)
        rs = []
        for t in self.results:
            rs.append(t + (" {gvm.out}" if r.random() < 0.05 else ""))
        if len(rs) == 1 and "{" not in rs[0]:
            res = " -> " + rs[0]
        else:
            res = " -> (" + ", ".join(rs) + ")"
        fattr = ""
        if r.random() < 0.15:
            fattr = ' attributes {gvm.layer = %d : i64, gvm.kind = "%s"}' % (r.randrange(N_LAYERS), r.choice(PARTS))
        head = "  func.func %s@%s(%s)%s%s {\n" % ("private " if private else "", self.name, ", ".join(sig), res, fattr)
        tail = "  }" + m.loc(self.line, 0.8) + "\n"
        return head + "".join(self.prologue) + "".join(self.body) + tail


def make_ops(mesh):
    table = [
        (Func.op_fbin, 34), (Func.op_funary, 2), (Func.op_ibin, 8), (Func.op_cmp_select, 5),
        (Func.op_tcast, 5), (Func.op_const, 6), (Func.op_scalar, 10), (Func.op_multi, 1),
        (Func.op_empty, 1.5), (Func.op_extract_insert, 4), (Func.op_slice, 4), (Func.op_reshape, 3),
        (Func.op_cast_dim, 1.5), (Func.op_splat, 0.7), (Func.op_call, 3), (Func.op_for, 1.5), (Func.op_if, 1),
    ]
    if mesh:
        table += [(Func.op_shard, 4), (Func.op_collective, 1.5)]
    region = [(f, w) for f, w in table if f not in (Func.op_for, Func.op_if, Func.op_call)] + [(Func.op_call, 0.5)]

    def cum(t):
        fs, cw, acc = [], [], 0.0
        for f, w in t:
            acc += w
            fs.append(f)
            cw.append(acc)
        return fs, cw
    return cum(table), cum(region)


def signature(m):
    r = m.rng
    args = []
    for _ in range(r.choice((1, 2, 2, 3, 3, 4))):
        x = r.random()
        if x < 0.7:
            args.append(m.tt(r.choice(SHAPES2), m.float_elt()))
        elif x < 0.8:
            args.append(m.tt(r.choice(SHAPES2), m.int_elt()))
        else:
            args.append(r.choice(("i32", "f32", "index", "i64")))
    results = [m.tt(r.choice(SHAPES2), m.float_elt())]
    x = r.random()
    if x < 0.2:
        results.append(r.choice(("i32", "f32", m.tt(r.choice(SHAPES2), "f32"))))
    elif x < 0.23:
        results = []
    return args, results


def generate(out, size_mb, seed, mesh):
    m = Module(seed, mesh)
    m.ops_top, m.ops_region = make_ops(mesh)
    r = m.rng
    target = int(size_mb * MB)
    written = 0

    def w(s):
        nonlocal written
        out.write(s)
        written += len(s)

    w("// Generated by benchmarks/gen-mlir.py --size-mb %g --seed %d%s\n" % (size_mb, seed, "" if mesh else " --no-mesh"))
    w('module @bench attributes {gvm.seed = %d : i64, gvm.source = "gen-mlir.py"} {\n' % seed)
    if mesh:
        w('  mesh.mesh @mesh0(shape = 2x4) loc("model.py":1:1)\n')
        w("  mesh.mesh @mesh1(shape = 8)\n")
    decls = [
        ("ext_matmul", [m.tt((8, 16), "f32"), m.tt((16, 16), "f32")], [m.tt((8, 16), "f32")],
         "func.func private @ext_matmul(tensor<8x16xf32>, tensor<16x16xf32>) -> tensor<8x16xf32>"),
        ("ext_log", ["i32", "f32"], [],
         'func.func private @ext_log(i32 {gvm.level = 2 : i64}, f32) attributes {gvm.extern = "host"}'),
        ("ext_norm", [m.tt((16, 64), "f32")], [m.tt((16, 64), "f32"), "f32"],
         "func.func private @ext_norm(tensor<16x64xf32>) -> (tensor<16x64xf32>, f32)"),
    ]
    for name, args, results, text in decls:
        w("  " + text + "\n")
        m.funcs.append((name, args, results))
    line = 10
    i = 0
    while written < target:
        args, results = signature(m)
        n_ops = int(r.triangular(12, 160, 45))
        name = "%s_%d" % (r.choice(PARTS), i) if r.random() < 0.5 else "forward_%d" % i
        f = Func(m, name, args, results, line)
        text = f.build(n_ops, private=r.random() < 0.1)
        line = f.line + 3
        w(text)
        m.funcs.append((name, args, results))
        if len(m.funcs) > 256:
            del m.funcs[3:64]  # keep the externs, drop old functions
            # (keeps the call-target lookup small and the calls local)
        i += 1
        if i % 3 == 0 and r.random() < 0.3:
            w("  func.func private @ext_decl_%d(%s) -> %s\n" % (i, ", ".join(args), results[0] if results else "()"))
            m.funcs.append(("ext_decl_%d" % i, args, results[:1]))
    w("}" + ' loc("model.py":0:0)\n')
    for k in range(1, N_LOC_ALIASES + 1):
        if k % 3 == 0:
            w('#loc%d = loc("layer.%d.%s"("%s":%d:%d))\n' % (k, k, PARTS[k % len(PARTS)], FILES[k % len(FILES)], k * 7, k % 40 + 1))
        else:
            w('#loc%d = loc("%s":%d:%d)\n' % (k, FILES[k % len(FILES)], k * 11, k % 60 + 1))
    return i


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, required=True, help="approximate output size in MiB")
    ap.add_argument("--out", required=True, help="output file ('-' for stdout)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-mesh", action="store_true", help="emit no mesh ops (for tools without the mesh dialect)")
    a = ap.parse_args()
    if a.out == "-":
        n = generate(sys.stdout, a.size_mb, a.seed, not a.no_mesh)
    else:
        d = os.path.dirname(a.out)
        if d:
            os.makedirs(d, exist_ok=True)
        tmp = a.out + ".tmp"
        with open(tmp, "w", buffering=1 << 20) as f:
            n = generate(f, a.size_mb, a.seed, not a.no_mesh)
        os.replace(tmp, a.out)
        print("gen-mlir: wrote %s (%d functions, %.1f MiB)" % (a.out, n, os.path.getsize(a.out) / MB), file=sys.stderr)


if __name__ == "__main__":
    main()
