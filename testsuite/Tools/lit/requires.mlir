// Feature expressions: this test runs because 'gvm' is a feature of the suite.
// REQUIRES: gvm && !no-such-feature
// REQUIRES: (gvm || no-such-feature), gvm
// UNSUPPORTED: no-such-feature || !gvm
// RUN: true
