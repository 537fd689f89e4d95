// A package-level variable holding a function (a seam that tests replace) calls nothing when
// it is initialized; a call through the variable calls the function it holds.
package main

import (
	"encoding/json"
	"io"
)

var purgeFunc = purge

var notifyFunc = notifyByMail

var unusedFunc = neverCalled

func main() {
	purgeFunc(nil)
	notifyFunc(nil)
	runSteps(nil)
	performUpgrades("1.17", nil)
}

// The variable is reassigned: a call through it may call either value.
func init() {
	if false {
		notifyFunc = notifyByHook
	}
}

func purge(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

func notifyByMail(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

func notifyByHook(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

func neverCalled(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v)
}
