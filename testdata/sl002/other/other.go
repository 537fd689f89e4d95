package other

// Another directory is another package: its clientOnce is a different variable.
type fake struct{}

func (fake) Do(f func()) {}

var clientOnce fake
var client int

func use() {
	clientOnce.Do(func() { client = 1 })
}
