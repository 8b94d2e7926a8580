# -*- Python -*-
# The lit configuration of gvm's testsuite. Two runners read this file:
#   - LLVM's lit, which executes it as Python:
#       python3 /usr/lib/llvm-19/build/utils/lit/lit.py -v testsuite
#   - bin/gvm-lit, which reads it with gvm.testing.lit.ConfigReader, a reader of a small subset
#     of Python: imports (ignored), assignments, list/set/dict updates, string literals, lists,
#     tuples, '+', os.path.*, os.pathsep and lit.formats.ShTest. No if/for/def. Stay within it.
# bin/gvm-lit runs gvm-opt, gvm-translate, gvm-run, make-checkpoint, FileCheck (and filecheck), not, count and split-file in-process,
# matching them by file name, so the substitutions below only matter to LLVM's lit.

import os
import lit.formats

config.name = 'gvm'
config.test_format = lit.formats.ShTest(True)
config.suffixes = ['.mlir']
# src/ and target/ are Maven's; Inputs/ hold the inputs of tests; Output/ directories are skipped anyway.
config.excludes = ['src', 'target', 'Inputs']
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
# Keep the Output/ directories (%t, %T) out of the source tree.
config.test_exec_root = os.path.join(config.test_source_root, 'target', 'lit')

gvm_root = os.path.dirname(config.test_source_root)
llvm_bin = '/usr/lib/llvm-19/bin'

# FileCheck, not, count and split-file are LLVM 19's.
config.environment['PATH'] = os.pathsep.join([llvm_bin, config.environment['PATH']])

# Tool substitutions, guarded like LLVM's ToolSubst so that a path or a longer word that
# contains the name is left alone.
config.substitutions.append(
    (r'(?<![-./=\w])gvm-opt(?![-.\w])', os.path.join(gvm_root, 'bin', 'gvm-opt')))
config.substitutions.append(
    (r'(?<![-./=\w])filecheck(?![-.\w])', os.path.join(llvm_bin, 'FileCheck')))
config.substitutions.append(
    (r'(?<![-./=\w])gvm-translate(?![-.\w])', os.path.join(gvm_root, 'bin', 'gvm-translate')))
config.substitutions.append(
    (r'(?<![-./=\w])gvm-run(?![-.\w])', os.path.join(gvm_root, 'bin', 'gvm-run')))
config.substitutions.append(
    (r'(?<![-./=\w])make-checkpoint(?![-.\w])', os.path.join(gvm_root, 'bin', 'make-checkpoint')))

# Features for REQUIRES/UNSUPPORTED/XFAIL. Dialect features (e.g. mesh-dialect) are added
# when the dialect lands.
config.available_features.add('gvm')
config.available_features.add('mesh-dialect')
