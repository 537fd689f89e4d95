package store

import "go.uber.org/zap"

type Store struct{ log *zap.Logger }

func New(logger *zap.Logger) *Store { return &Store{log: logger} }
