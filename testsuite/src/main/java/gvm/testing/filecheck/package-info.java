/**
 * A Java implementation of LLVM 19's FileCheck, for running lit-style tests in-process.
 *
 * <p>{@link gvm.testing.filecheck.FileCheck#run} is the entry point. The pipeline follows
 * LLVM's: the check file and the input are canonicalized ({@code FileCheck.canonicalize}), the
 * check file is cut into directives ({@code DirectiveScanner}, {@code CheckFileParser}) whose
 * patterns are parsed into literal strings or LLVM regexes with variable substitutions
 * ({@code PatternParser}, {@code NumericParser}), and {@code InputChecker} matches them block by
 * block, translating regexes to {@code java.util.regex} ({@code PosixRegex}). Diagnostics and the
 * annotated input dump ({@code MatchReporter}, {@code InputDump}) reproduce LLVM's text.
 */
package gvm.testing.filecheck;
