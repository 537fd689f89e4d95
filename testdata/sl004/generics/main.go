package main

import (
	"github.com/spf13/viper"
)

type Config struct{ Addr string }

type Store[T any] struct {
	v     *viper.Viper
	value T
}

func NewStore[T any]() *Store[T] {
	return &Store[T]{v: viper.New()}
}

func (s *Store[T]) Load() (T, error) {
	err := s.v.ReadInConfig() // want "SL004: .* main -> load -> Store.Load;"
	if err != nil {
		return s.value, err
	}
	return s.value, s.v.Unmarshal(&s.value)
}

func load[T any]() (T, error) {
	store := NewStore[T]()
	return store.Load()
}

func main() {
	cfg, err := load[Config]()
	if err != nil {
		panic(err)
	}
	_ = cfg
}
