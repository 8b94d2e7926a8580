/**
 * Pass manager, pass pipelines, pattern rewriting and the standard passes
 * (canonicalize, cse, symbol-dce, inline, ...). Depends on {@code dialects};
 * {@code gvm-opt} drives it.
 */
package gvm.transforms;
