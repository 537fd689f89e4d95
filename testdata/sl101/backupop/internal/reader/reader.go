package reader

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	ctrlconfig "sigs.k8s.io/controller-runtime/pkg/client/config"
)

// Start creates a reader Pod through client-go's clientset: controller-runtime only loads
// the rest.Config here, and no cache holds Pods.
func Start(ctx context.Context) error {
	clientset, err := kubernetes.NewForConfig(ctrlconfig.GetConfigOrDie())
	if err != nil {
		return err
	}
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{GenerateName: "reader-"}}
	_, err = clientset.CoreV1().Pods("backups").Create(ctx, pod, metav1.CreateOptions{})
	return err
}
