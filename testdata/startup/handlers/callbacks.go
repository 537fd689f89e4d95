package main

import (
	"syscall/js"
	"unsafe"

	jsoniter "github.com/json-iterator/go"
	"github.com/open-policy-agent/opa/rego"
)

// A custom Rego built-in runs per policy evaluation, not when the option is built.
var lookupBuiltin = rego.Function2(&rego.Function{Name: "lookup"},
	func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
		onlyRego(nil)
		return nil, nil
	})

// JavaScript calls a WebAssembly program's callbacks when it likes.
func exportCallbacks() {
	js.Global().Set("check", js.FuncOf(check))
}

func check(this js.Value, args []js.Value) any { onlyJS(nil); return nil }

// A codec registered in init runs per value encoded.
func init() {
	jsoniter.RegisterTypeEncoderFunc("main.sample", encodeSample, func(unsafe.Pointer) bool { return false })
}

func encodeSample(ptr unsafe.Pointer, stream *jsoniter.Stream) { onlyEncoding(nil) }

func onlyEncoding(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyRego(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyJS(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
