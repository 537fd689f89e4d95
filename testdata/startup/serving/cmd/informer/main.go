// A controller that runs an informer until it is stopped and listens on no port: it serves.
package main

import (
	"context"
	"os"

	"k8s.io/client-go/tools/cache"
)

type controller struct{ informer cache.SharedIndexInformer }

func main() {
	devices(os.Args)
	c := &controller{}
	errs := make(chan error)
	go c.informer.Run(context.Background().Done())
	<-errs
}

func devices(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
