// The board serves a live view of the Zones: it builds controller-runtime's cache itself and
// hangs its own handlers on the cache's informers. client-go's tools/cache is named only for
// the handlers' types; the program builds no informer of its own. Its feed's `Watch`, which
// streams what it serves, reads like an informer's start (gitops-promoter's API server has
// one): without it tools/cache would not count as a cache at all.
package main

import (
	"context"

	toolscache "k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"

	dnsv1 "github.com/acme/zoneop/api/v1"
)

func main() {
	ctx := context.Background()
	zones, err := cache.New(ctrl.GetConfigOrDie(), cache.Options{})
	if err != nil {
		panic(err)
	}
	handler := toolscache.ResourceEventHandlerFuncs{
		DeleteFunc: func(obj any) {
			if gone, ok := obj.(toolscache.DeletedFinalStateUnknown); ok {
				obj = gone.Obj
			}
			refresh(obj)
		},
	}
	for _, kind := range []client.Object{&dnsv1.Zone{}, &dnsv1.Record{}} {
		informer, err := zones.GetInformer(ctx, kind)
		if err != nil {
			panic(err)
		}
		informer.AddEventHandler(handler)
	}
	go zones.Start(ctx)
	viewers.Watch(ctx)
}

type feed struct{}

// Watch streams the board's changes to a viewer.
func (feed) Watch(ctx context.Context) {}

var viewers feed

func refresh(any) {}
