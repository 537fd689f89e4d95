package main

import "github.com/acme/dataplane"

func registerBootstrap(rt dataplane.Runtime) {
	b := &bootstrapHandler{}
	rt.Server().Mux().HandleFunc("/bootstrap", b.Handle)
	rt.Server().OnStart(b.Warm)
}
