// REQUIRES of a missing feature: both runners report this test UNSUPPORTED, never run it.
// REQUIRES: no-such-feature
// RUN: false
