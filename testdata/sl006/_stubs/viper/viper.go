// Package viper is a minimal stand-in for github.com/spf13/viper: the exported
// signatures the fixture uses, and a decoder that keeps the target the way
// mapstructure does (behind an interface the compiler cannot see through).
package viper

type DecoderConfig struct {
	Result  any
	TagName string
}

type DecoderConfigOption func(*DecoderConfig)

type Viper struct {
	settings map[string]any
	decoders []*DecoderConfig
}

var v = New()

func New() *Viper { return &Viper{settings: map[string]any{}} }

func Unmarshal(rawVal any, opts ...DecoderConfigOption) error { return v.Unmarshal(rawVal, opts...) }

func UnmarshalKey(key string, rawVal any, opts ...DecoderConfigOption) error {
	return v.UnmarshalKey(key, rawVal, opts...)
}

func (v *Viper) Unmarshal(rawVal any, opts ...DecoderConfigOption) error {
	return v.decode(v.settings, defaultDecoderConfig(rawVal, opts...))
}

func (v *Viper) UnmarshalKey(key string, rawVal any, opts ...DecoderConfigOption) error {
	return v.decode(v.settings[key], defaultDecoderConfig(rawVal, opts...))
}

func defaultDecoderConfig(output any, opts ...DecoderConfigOption) *DecoderConfig {
	c := &DecoderConfig{Result: output, TagName: "mapstructure"}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

func (v *Viper) decode(input any, config *DecoderConfig) error {
	v.decoders = append(v.decoders, config)
	return nil
}
