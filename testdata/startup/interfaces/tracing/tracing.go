// An interface declared where it is used, implemented by a package it imports.
package tracing

import "example.com/interfaces/backends"

type Backend interface {
	Setup(name string) error
}

func New(useOTel bool) error {
	var b Backend
	if useOTel {
		b = &backends.OTel{}
	}
	if b == nil {
		return nil
	}
	return b.Setup("svc")
}
