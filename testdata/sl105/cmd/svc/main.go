// A service that takes the lead among its replicas before it serves: a replica that waits for
// the lease past its liveness window is restarted in a loop.
package main

import "k8s.io/client-go/tools/leaderelection"

var _ leaderelection.LeaderElectionConfig

func main() {}
