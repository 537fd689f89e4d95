// Commands of a go-flags parser, declared apart from the main package that parses.
package flagcmds

type ImportCommand struct{ Files []string }

func (c *ImportCommand) Execute(args []string) error {
	var out []string // want "SL003"
	for _, f := range c.Files {
		out = append(out, f)
	}
	_ = out
	return nil
}
