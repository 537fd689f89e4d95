package main

import "k8s.io/client-go/informers"

// Its informers cache the cluster's objects: SL101 reports its limit whatever it asks for.
func main() { informers.NewSharedInformerFactory(nil, 0).Start(nil) }
