package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * FileCheck's command-line options (LLVM's {@code FileCheckRequest} plus the tool's own flags),
 * parsed by hand with LLVM {@code cl} conventions: one or two dashes, {@code -opt=val} or
 * {@code -opt val} for options taking values, {@code -DNAME=VAL} with the value glued on.
 */
final class Options {
  /** Input-dump modes, in increasing precedence when given several times. */
  enum DumpInput { NEVER, FAIL, ALWAYS, HELP }

  /** Input-dump filters, in increasing precedence when given several times. */
  enum DumpFilter { ERROR, ANNOTATION, ANNOTATION_FULL, ALL }

  String checkFile;
  String inputFile = "-";
  final List<String> checkPrefixes = new ArrayList<>();
  final List<String> commentPrefixes = new ArrayList<>();
  final List<String> implicitCheckNot = new ArrayList<>();
  final List<String> globalDefines = new ArrayList<>();
  boolean strictWhitespace;
  boolean ignoreCase;
  boolean allowEmpty;
  boolean allowUnusedPrefixes;
  boolean matchFullLines;
  boolean enableVarScope;
  boolean allowDeprecatedDagOverlap;
  boolean verbose;
  boolean verboseVerbose;
  boolean isDefaultCheckPrefix;
  /** Null until given; the defaults depend on each other (see {@link #finish()}). */
  DumpInput dumpInput;
  DumpFilter dumpInputFilter;
  int dumpInputContext = -1;
  /** Set when --help or --version asked for text on stdout instead of a run. */
  String stdoutText;

  /** Applies defaults that depend on other options, as FileCheck's main() does. */
  void finish() {
    if (dumpInput == null) {
      dumpInput = DumpInput.FAIL;
    }
    if (dumpInputFilter == null) {
      dumpInputFilter = dumpInput == DumpInput.ALWAYS ? DumpFilter.ALL : DumpFilter.ERROR;
    }
    if (dumpInputContext < 0) {
      dumpInputContext = 5;
    }
    if (verboseVerbose) {
      verbose = true;
    }
  }

  /** Adds CHECK and COM/RUN when none were given; called after the given prefixes are validated. */
  void addDefaultPrefixes() {
    if (checkPrefixes.isEmpty()) {
      checkPrefixes.add("CHECK");
      isDefaultCheckPrefix = true;
    }
    if (commentPrefixes.isEmpty()) {
      commentPrefixes.add("COM");
      commentPrefixes.add("RUN");
    }
  }
}
