//startup-lint:file-ignore SL007 SL007 does not run in this fixture, so this cannot be judged stale

package main

const s = "//startup-lint:ignore inside a string is not a directive"
