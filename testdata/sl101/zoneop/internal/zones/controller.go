// Package zones reconciles the operator's own Zones and Records, and reads Namespaces: all a
// cache holds that users create or that stay few, whatever the cluster runs.
package zones

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"

	dnsv1 "github.com/acme/zoneop/api/v1"
)

func Setup(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).
		For(&dnsv1.Zone{}).
		Owns(&dnsv1.Record{}).
		Owns(&dnsv1.Secret{}).
		Watches(&corev1.Namespace{}, nil).
		Complete(nil)
}
