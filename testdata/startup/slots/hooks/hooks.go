// A registry of the project's own: functions registered anywhere run where the registry is
// ranged over or indexed and called.
package hooks

var (
	post       = map[string]func() error{}
	queued     []func() error
	later      []func() error
	onlyStored = map[string]func() error{}
)

func Register(name string, fn func() error) { post[name] = fn }

func Queue(fn func() error) { queued = append(queued, fn) }

func Later(fn func() error) { later = append(later, fn) }

func Keep(fn func() error) { onlyStored["kept"] = fn }

func RunAll() {
	for _, fn := range post {
		_ = fn()
	}
}

// Started in a goroutine by main.
func RunQueued() {
	for _, fn := range queued {
		_ = fn()
	}
}

// Called from a handler only.
func RunLater() {
	for _, fn := range later {
		_ = fn()
	}
}

// A factory registry read by name: the element taken into a local, then called.
type Factory func() error

var factories = map[string]Factory{}

func RegisterFactory(name string, f Factory) { factories[name] = f }

func Build(name string) error {
	if f, ok := factories[name]; ok {
		return f()
	}
	return nil
}
