// The monitoring operator: its manager's client reads Secrets, so its cache holds every
// Secret of the cluster.
package main

import (
	"context"

	core "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/acme/monitorop/internal/stack"
)

type reconciler struct{ client client.Client }

func (r *reconciler) Reconcile(ctx context.Context, request ctrl.Request) (ctrl.Result, error) {
	secret := &core.Secret{}
	return ctrl.Result{}, r.client.Get(ctx, request.NamespacedName, secret)
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		panic(err)
	}
	stack.Install()
	ctrl.NewControllerManagedBy(mgr).For(&core.Secret{}).Complete(&reconciler{client: mgr.GetClient()})
}
