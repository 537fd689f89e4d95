package config

// Functions of this package that share names with flagged ones are not flagged.

type file struct{}

func ReadFile(name string) ([]byte, error) { return nil, nil }
func Unmarshal(data []byte, v any) error  { return nil }
func MustCompile(pattern string) *file     { return nil }

var localCompiled = MustCompile("x")

func init() {
	data, _ := ReadFile("x")
	_ = Unmarshal(data, &settings)
}
