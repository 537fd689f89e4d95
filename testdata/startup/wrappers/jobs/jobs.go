// Package jobs wraps a scheduler. No finding lies in this file, so the model knows only a
// summary of it until it asks whether Every and Now call the functions handed to them.
package jobs

import "github.com/robfig/cron/v3"

var scheduler *cron.Cron

func Start() { scheduler = cron.New(); scheduler.Start() }

// Every hands f to the scheduler: it runs on the schedule, after startup.
func Every(spec string, f func()) error {
	_, err := scheduler.AddFunc(spec, f)
	return err
}

// Now runs f before returning.
func Now(f func()) { f() }
