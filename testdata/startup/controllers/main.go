// What a Kubernetes controller or a beego service hands to its libraries runs per event, per
// List and Watch, or per request: after startup.
package main

import (
	"context"

	"github.com/beego/beego/v2/server/web"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/webhook/conversion"
)

func main() {
	lw := cache.NewFilteredListWatchFromClient(nil, "pods", "", func(o *metav1.ListOptions) {
		o.LabelSelector = selector(nil)
	})
	_ = lw
	_ = informers.WithTweakListOptions(tweak)
	_ = handler.EnqueueRequestsFromMapFunc(mapOwners)
	web.InsertFilter("*", web.BeforeRouter, staticFilter)
	_ = conversion.NewSpokeConverter(nil, func(src, dst any) error { _ = owners(nil); return nil }, nil)
	_ = startupLabels(nil)
	r := &reportReconciler{}
	_ = ctrl.NewControllerManagedBy(nil).Named("reports").Complete(r.reconcileReports())
}

type reportReconciler struct{}

// The reconcile.Func it returns runs on every event, once the manager runs.
func (r *reportReconciler) reconcileReports() reconcile.Func {
	return func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
		_ = owners(nil)
		return reconcile.Result{}, nil
	}
}

func tweak(o *metav1.ListOptions) { o.LabelSelector = selector(nil) }

func mapOwners(ctx any, obj any) []string { return owners(nil) }

func staticFilter(ctx any) { _ = owners(nil) }

func selector(parts []string) string {
	var out []string
	for _, p := range parts {
		out = append(out, p)
	}
	return out[0]
}

func owners(refs []string) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r)
	}
	return out
}

// Called from main itself: startup code.
func startupLabels(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
