// XFAIL with a feature expression that holds.
// XFAIL: gvm && !(no-such-feature || other-missing-feature)
// RUN: false
