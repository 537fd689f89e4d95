// What the Go runtime of a Kubernetes controller holds before it does any work: the floor
// under which SL101's min-limit-mib says a soft memory limit cannot help.
//
//	cd bench/controller-baseline && go mod tidy && go run .
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"

	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
)

// Referenced so the linker keeps both packages and their initialization runs.
var _, _ = clientgoscheme.Scheme, ctrl.NewManager

func main() {
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	const mib = 1 << 20
	fmt.Printf("heap in use %.1f MiB, runtime total (Sys) %.1f MiB\n",
		float64(stats.HeapInuse)/mib, float64(stats.Sys)/mib)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range bytes.Split(status, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("VmRSS")) {
			fmt.Println(string(line))
		}
	}
}
