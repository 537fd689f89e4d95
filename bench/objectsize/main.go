// Heap held per object by a cache of Kubernetes objects: each object is written as the API
// server sends it (JSON, managed fields included, as controller-runtime caches it unless a
// transform strips them) and decoded into its typed struct, as an informer does; the heap
// still live after a collection, divided by the count, is what one cached object costs.
// The objects are shaped like those of a managed cloud cluster: a Node reports its 50 images
// (the kubelet's default nodeStatusMaxImages), its labels and conditions.
package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func labels(prefix string, n int) map[string]string {
	m := map[string]string{}
	for i := 0; i < n; i++ {
		m[fmt.Sprintf("%s/label-%02d", prefix, i)] = fmt.Sprintf("value-%d-%s", i, strings.Repeat("x", 12))
	}
	return m
}

// managedFields as the API server records them: one entry per manager, its field set in JSON.
func managed(managers []string, fieldsBytes int) []metav1.ManagedFieldsEntry {
	var out []metav1.ManagedFieldsEntry
	for _, m := range managers {
		keys := []string{}
		for len(strings.Join(keys, ",")) < fieldsBytes {
			keys = append(keys, fmt.Sprintf(`"f:field%04d":{}`, len(keys)))
		}
		out = append(out, metav1.ManagedFieldsEntry{Manager: m, Operation: metav1.ManagedFieldsOperationUpdate,
			APIVersion: "v1", FieldsType: "FieldsV1", FieldsV1: &metav1.FieldsV1{Raw: []byte("{" + strings.Join(keys, ",") + "}")}})
	}
	return out
}

func quantities() corev1.ResourceList {
	return corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("3920m"), corev1.ResourceMemory: resource.MustParse("15147468Ki"),
		corev1.ResourcePods: resource.MustParse("58"), corev1.ResourceEphemeralStorage: resource.MustParse("95551679124"),
		"hugepages-1Gi": resource.MustParse("0"), "hugepages-2Mi": resource.MustParse("0")}
}

func node(i int) *corev1.Node {
	n := &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("ip-10-0-%d-%d.eu-west-1.compute.internal", i/250, i%250),
		UID: "3f5e9c2a-7d41-4b8e-9a0c-1b2c3d4e5f60", ResourceVersion: "123456789",
		Labels: labels("node.kubernetes.io", 20), Annotations: labels("alpha.kubernetes.io", 5),
		ManagedFields: managed([]string{"kubelet", "kube-controller-manager", "aws-cloud-controller-manager"}, 1500)}}
	n.Spec.ProviderID = "aws:///eu-west-1a/i-0123456789abcdef0"
	n.Spec.PodCIDR = "10.244.3.0/24"
	n.Spec.Taints = []corev1.Taint{{Key: "dedicated", Value: "workers", Effect: corev1.TaintEffectNoSchedule}}
	n.Status.Capacity, n.Status.Allocatable = quantities(), quantities()
	for _, t := range []string{"MemoryPressure", "DiskPressure", "PIDPressure", "Ready", "NetworkUnavailable"} {
		n.Status.Conditions = append(n.Status.Conditions, corev1.NodeCondition{Type: corev1.NodeConditionType(t), Status: "False",
			Reason: "Kubelet" + t, Message: "kubelet has sufficient resources for " + t})
	}
	n.Status.Addresses = []corev1.NodeAddress{{Type: "InternalIP", Address: "10.0.3.17"}, {Type: "Hostname", Address: n.Name}, {Type: "InternalDNS", Address: n.Name}}
	n.Status.NodeInfo = corev1.NodeSystemInfo{MachineID: strings.Repeat("a", 32), SystemUUID: strings.Repeat("b", 36), BootID: strings.Repeat("c", 36),
		KernelVersion: "6.1.112-124.190.amzn2023.x86_64", OSImage: "Amazon Linux 2023", ContainerRuntimeVersion: "containerd://1.7.22",
		KubeletVersion: "v1.31.2-eks-94953ac", KubeProxyVersion: "v1.31.2-eks-94953ac", OperatingSystem: "linux", Architecture: "amd64"}
	for j := 0; j < 50; j++ {
		repo := fmt.Sprintf("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team-%02d/service-%02d", j%7, j)
		n.Status.Images = append(n.Status.Images, corev1.ContainerImage{Names: []string{repo + "@sha256:" + strings.Repeat("f", 64), repo + ":v1.2." + fmt.Sprint(j)}, SizeBytes: 123456789})
	}
	return n
}

func pod(i int) *corev1.Pod {
	p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("service-%d-7d9f8b6c5d-x2k4p", i), Namespace: "team-a",
		UID: "3f5e9c2a-7d41-4b8e-9a0c-1b2c3d4e5f60", ResourceVersion: "123456789", Labels: labels("app.kubernetes.io", 6),
		Annotations: labels("prometheus.io", 3), ManagedFields: managed([]string{"kube-controller-manager", "kubelet"}, 1500),
		OwnerReferences: []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: "service-7d9f8b6c5d", UID: "u"}}}}
	for c := 0; c < 2; c++ {
		ctr := corev1.Container{Name: fmt.Sprintf("container-%d", c), Image: "registry.example.com/team/service:v1.2.3",
			Args: []string{"--port=8080", "--log-level=info"}, Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: 8080}},
			Resources: corev1.ResourceRequirements{Limits: quantities(), Requests: quantities()},
			VolumeMounts: []corev1.VolumeMount{{Name: "config", MountPath: "/etc/config"}, {Name: "kube-api-access-abcde", MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}}}
		for e := 0; e < 8; e++ {
			ctr.Env = append(ctr.Env, corev1.EnvVar{Name: fmt.Sprintf("SETTING_%d", e), Value: "some-setting-value"})
		}
		p.Spec.Containers = append(p.Spec.Containers, ctr)
		p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, corev1.ContainerStatus{Name: ctr.Name, Image: ctr.Image,
			ImageID: "registry.example.com/team/service@sha256:" + strings.Repeat("e", 64), ContainerID: "containerd://" + strings.Repeat("d", 64), Ready: true})
	}
	p.Spec.Volumes = []corev1.Volume{{Name: "config", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "service-config"}}}},
		{Name: "kube-api-access-abcde", VolumeSource: corev1.VolumeSource{Projected: &corev1.ProjectedVolumeSource{Sources: []corev1.VolumeProjection{{ServiceAccountToken: &corev1.ServiceAccountTokenProjection{Path: "token"}}}}}}}
	p.Spec.NodeName = "ip-10-0-3-17.eu-west-1.compute.internal"
	for _, t := range []string{"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"} {
		p.Status.Conditions = append(p.Status.Conditions, corev1.PodCondition{Type: corev1.PodConditionType(t), Status: "True"})
	}
	p.Status.PodIP, p.Status.HostIP, p.Status.Phase = "10.244.3.45", "10.0.3.17", corev1.PodRunning
	return p
}

func service(i int) *corev1.Service {
	s := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("service-%d", i), Namespace: "team-a",
		UID: "3f5e9c2a-7d41-4b8e-9a0c-1b2c3d4e5f60", ResourceVersion: "123456789", Labels: labels("app.kubernetes.io", 6),
		ManagedFields: managed([]string{"helm"}, 600)}}
	s.Spec.Selector = map[string]string{"app.kubernetes.io/name": "service", "app.kubernetes.io/instance": "service"}
	s.Spec.Ports = []corev1.ServicePort{{Name: "http", Port: 80}, {Name: "metrics", Port: 9090}}
	s.Spec.ClusterIP, s.Spec.ClusterIPs, s.Spec.Type = "10.96.12.34", []string{"10.96.12.34"}, corev1.ServiceTypeClusterIP
	return s
}

// deployment is a Deployment of pod(i)'s template, with its status and one more manager.
func deployment(i int) *appsv1.Deployment {
	p := pod(i)
	replicas := int32(3)
	d := &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("service-%d", i), Namespace: "team-a",
		UID: "3f5e9c2a-7d41-4b8e-9a0c-1b2c3d4e5f60", ResourceVersion: "123456789", Generation: 4, Labels: labels("app.kubernetes.io", 6),
		Annotations: map[string]string{"deployment.kubernetes.io/revision": "4"},
		ManagedFields: managed([]string{"helm", "kube-controller-manager"}, 1500)}}
	d.Spec.Replicas = &replicas
	d.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"app.kubernetes.io/name": "service"}}
	d.Spec.Template = corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: p.Labels, Annotations: p.Annotations}, Spec: p.Spec}
	d.Status = appsv1.DeploymentStatus{ObservedGeneration: 4, Replicas: 3, UpdatedReplicas: 3, ReadyReplicas: 3, AvailableReplicas: 3,
		Conditions: []appsv1.DeploymentCondition{{Type: "Available", Status: "True", Reason: "MinimumReplicasAvailable", Message: "Deployment has minimum availability."},
			{Type: "Progressing", Status: "True", Reason: "NewReplicaSetAvailable", Message: "ReplicaSet has successfully progressed."}}}
	return d
}

// statefulSet is a StatefulSet of pod(i)'s template that claims a volume per replica.
func statefulSet(i int) *appsv1.StatefulSet {
	d := deployment(i)
	s := &appsv1.StatefulSet{ObjectMeta: d.ObjectMeta}
	s.Spec.Replicas, s.Spec.Selector, s.Spec.Template, s.Spec.ServiceName = d.Spec.Replicas, d.Spec.Selector, d.Spec.Template, "service"
	s.Spec.VolumeClaimTemplates = []corev1.PersistentVolumeClaim{{ObjectMeta: metav1.ObjectMeta{Name: "data"},
		Spec: corev1.PersistentVolumeClaimSpec{AccessModes: []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
			Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceStorage: resource.MustParse("10Gi")}}}}}
	s.Status = appsv1.StatefulSetStatus{ObservedGeneration: 4, Replicas: 3, ReadyReplicas: 3, CurrentReplicas: 3, UpdatedReplicas: 3,
		CurrentRevision: "service-7d9f8b6c5d", UpdateRevision: "service-7d9f8b6c5d"}
	return s
}

// daemonSet is a DaemonSet of pod(i)'s template.
func daemonSet(i int) *appsv1.DaemonSet {
	d := deployment(i)
	s := &appsv1.DaemonSet{ObjectMeta: d.ObjectMeta}
	s.Spec.Selector, s.Spec.Template = d.Spec.Selector, d.Spec.Template
	s.Status = appsv1.DaemonSetStatus{CurrentNumberScheduled: 50, DesiredNumberScheduled: 50, NumberReady: 50, ObservedGeneration: 4}
	return s
}

// held decodes count objects from their JSON into fresh structs and returns the live heap
// each one holds.
func held[T any](count int, build func(int) *T) (perObject, wire float64) {
	bodies := make([][]byte, count)
	total := 0
	for i := range bodies {
		bodies[i], _ = json.Marshal(build(i))
		total += len(bodies[i])
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cache := make([]*T, count)
	for i, b := range bodies {
		cache[i] = new(T)
		if err := json.Unmarshal(b, cache[i]); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(cache)
	runtime.KeepAlive(bodies)
	return float64(after.HeapAlloc-before.HeapAlloc) / float64(count), float64(total) / float64(count)
}

func main() {
	const count = 2000
	report := func(kind string, per, wire float64, at int) {
		fmt.Printf("%-11s %6.1f KiB held each (%5.1f KiB of JSON); %6d of them: %6.1f MiB held, %6.1f MiB of JSON\n",
			kind, per/1024, wire/1024, at, per*float64(at)/(1<<20), wire*float64(at)/(1<<20))
	}
	per, wire := held(count, node)
	report("Node", per, wire, 5000)
	per, wire = held(count, pod)
	report("Pod", per, wire, 150000)
	per, wire = held(count, deployment)
	report("Deployment", per, wire, 10000)
	per, wire = held(count, statefulSet)
	report("StatefulSet", per, wire, 10000)
	per, wire = held(count, daemonSet)
	report("DaemonSet", per, wire, 10000)
	per, wire = held(count, service)
	report("Service", per, wire, 10000)
}
