package main

import (
	"os"

	"go.temporal.io/sdk/worker"
	"go.uber.org/cadence/activity"
	"go.uber.org/cadence/workflow"
)

// Workflow engines run a registered workflow or activity per task a worker is handed, once it
// polls: Cadence's registrations, often in init, and a Temporal worker's.
func init() {
	activity.RegisterWithOptions(perActivity, activity.RegisterOptions{Name: "scan"})
	workflow.Register(perWorkflow)
}

func startWorker(w worker.Worker) {
	w.RegisterActivity(perActivity)
	w.RegisterWorkflow(perWorkflow)
	_ = w.Run(nil)
}

func perActivity() []string { return onlyTask(os.Args) }

func perWorkflow() []string { return onlyTask(os.Args) }

func onlyTask(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
