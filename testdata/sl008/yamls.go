package fetch

import (
	"io"

	yamlv2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
	k8syaml "sigs.k8s.io/yaml"
)

type Settings struct {
	Port int `yaml:"port"`
}

type Routes map[string]string

// A list of records: it grows with the document.
func v3(r io.Reader) ([]Settings, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var all []Settings
	if err := yaml.Unmarshal(raw, &all); err != nil { // want "SL008: .*yaml.NewDecoder\\(r\\).Decode\\(&all\\)"
		return nil, err
	}
	return all, nil
}

// A mapping, through a type the file declares: it grows with the document too.
func v2(r io.Reader, routes *Routes) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return yamlv2.Unmarshal(raw, routes) // want "SL008: .*yaml.NewDecoder"
}

// Not flagged: a struct is a configuration, a few KB, whatever reads it.
func config(r io.Reader) (*Settings, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := &Settings{}
	if err := yaml.Unmarshal(raw, s); err != nil {
		return nil, err
	}
	return s, nil
}

func kubernetes(r io.Reader, s *[]Settings) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return k8syaml.Unmarshal(raw, s) // no decoder of it reads less than the whole document
}

// Not flagged: UnmarshalStrict and other functions are not the pattern the rule knows.
func strict(r io.Reader, s *[]Settings) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return yamlv2.UnmarshalStrict(raw, s)
}
