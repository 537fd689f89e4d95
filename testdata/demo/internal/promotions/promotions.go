// Package promotions follows the promotions the marketing team publishes as ConfigMaps.
package promotions

import (
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// Watch starts an informer on every ConfigMap of the cluster: its cache, listed in full at
// startup, grows with the cluster, which is why SL101 reports the container's limit.
func Watch(stop <-chan struct{}) error {
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
	factory.Start(stop)
	return nil
}
