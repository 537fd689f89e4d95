// A client that runs every request modifier it was built with: a call through an interface
// runs the implementations whose values the program has created by then.
package client

type Modifier interface {
	Modify(header map[string]string) error
}

type Client struct{ modifiers []Modifier }

func New(modifiers ...Modifier) *Client { return &Client{modifiers: modifiers} }

func (c *Client) Do() {
	for _, m := range c.modifiers {
		_ = m.Modify(nil)
	}
}
