// Package promotions follows the promotions the marketing team publishes as ConfigMaps.
package promotions

import (
	"context"
	"os"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/leaderelection"
	"k8s.io/client-go/tools/leaderelection/resourcelock"
)

// Watch takes the lead, then starts an informer on every ConfigMap of the cluster: its cache,
// listed in full at startup, grows with the cluster, which is why SL101 reports the container's
// limit. It returns once this pod leads, so during a rollout the new pod waits here for the old
// one's lease, before the HTTP server opens /healthz: why SL105 reports the short liveness window.
func Watch(ctx context.Context) error {
	config, err := rest.InClusterConfig()
	if err != nil {
		return err
	}
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return err
	}
	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	factory.Core().V1().ConfigMaps().Informer()
	lock := &resourcelock.LeaseLock{
		LeaseMeta:  metav1.ObjectMeta{Name: "orders-promotions", Namespace: os.Getenv("POD_NAMESPACE")},
		Client:     client.CoordinationV1(),
		LockConfig: resourcelock.ResourceLockConfig{Identity: os.Getenv("HOSTNAME")},
	}
	leading := make(chan struct{})
	go leaderelection.RunOrDie(ctx, leaderelection.LeaderElectionConfig{
		Lock:          lock,
		LeaseDuration: 15 * time.Second,
		RenewDeadline: 10 * time.Second,
		RetryPeriod:   2 * time.Second,
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) {
				factory.Start(ctx.Done())
				close(leading)
			},
			OnStoppedLeading: func() { os.Exit(0) },
		},
	})
	select {
	case <-leading:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
