package jobs

// Queue has a Start method of its own. Nothing here calls a Start method: this file
// only declares one and names it in comments, so the search for the callers of the
// server's Start method does not need this file's events.
// ////////////////////////////////////////////////////////////////////////////////
// (The banner above follows a sentence's dot: a search for a dot, comments and then the
// method's name that could split that comment in many ways would never finish on it.)
type Queue struct{}

// Start begins draining the queue.
func (q *Queue) Start() {}
