package main

import (
	"github.com/docker/distribution/health"
	"github.com/gocraft/work"
)

// A job queue's handlers run per job, after startup.
func registerJobs(pool *work.WorkerPool) {
	pool.JobWithOptions("scan", work.JobOptions{}, func(j *work.Job) error { onlyJob(nil); return nil })
}

// A library's function type (`CheckFunc`) keeps the function it converts: it runs per check.
func healthCheck() health.Checker {
	return health.CheckFunc(func() error { onlyCheck(nil); return nil })
}

func onlyJob(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyCheck(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
