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

func v3(r io.Reader) (*Settings, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := &Settings{}
	if err := yaml.Unmarshal(raw, s); err != nil { // want "SL008: .*yaml.NewDecoder\\(r\\).Decode\\(s\\)"
		return nil, err
	}
	return s, nil
}

func v2(r io.Reader, s *Settings) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return yamlv2.Unmarshal(raw, s) // want "SL008: .*yaml.NewDecoder"
}

func kubernetes(r io.Reader, s *Settings) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return k8syaml.Unmarshal(raw, s) // no decoder of it reads less than the whole document
}

// Not flagged: UnmarshalStrict and other functions are not the pattern the rule knows.
func strict(r io.Reader, s *Settings) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return yamlv2.UnmarshalStrict(raw, s)
}
