// A message bus whose subscribers read from channels.
package bus

type Client struct {
	Messages chan string
	Name     string
}

type Subscription struct{ updates chan string }

func (s *Subscription) Updates() <-chan string { return s.updates }

func Subscribe() *Subscription { return &Subscription{updates: make(chan string)} }

var Events = make(chan string)
