// Package check has a DPanic method of its own, not zap's. The rule matches calls by name,
// without types: its call counts as the module calling DPanic.
package check

import "fmt"

type Checker struct{ failures int }

func (c *Checker) DPanic(msg string) {
	c.failures++
	fmt.Println("check failed:", msg)
}

func Ensure(c *Checker, ok bool) {
	if !ok {
		c.DPanic("not ok")
	}
}
