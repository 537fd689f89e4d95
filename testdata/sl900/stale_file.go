//startup-lint:file-ignore SL005 nothing in this file needs it // want "SL900: suppresses nothing: no such finding in this file"

package main
