// A type with the same method in a package the tracing package neither imports nor is
// imported by: no tracer runs it.
package other

type Unused struct{ Hosts []string }

func (u *Unused) Setup(name string) error {
	var urls []string
	for _, h := range u.Hosts {
		urls = append(urls, h+"/"+name)
	}
	_ = urls
	return nil
}

func Describe() string { return "other" }
