"""What runs the Go toolchain, and only when asked: escape analysis (`escape`, SL006,
`--escape`) and init measurement (`measure`, SL009, `--measure`)."""
