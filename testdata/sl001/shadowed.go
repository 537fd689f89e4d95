package config

import "os"

type fakeOS struct{}

func (fakeOS) ReadFile(string) ([]byte, error) { return nil, nil }

func init() {
	os := fakeOS{} // a local named like the package hides it
	_, _ = os.ReadFile("x")
	append := func(s []string, v string) []string { return s }
	for i := 0; i < 3; i++ {
		names = append(names, "x")
	}
}
