package store

import "go.uber.org/zap"

type Store struct {
	log  *zap.SugaredLogger
	rows map[string]string
}

func New(log *zap.SugaredLogger) *Store { return &Store{log: log, rows: map[string]string{}} }

func (s *Store) Get(key string) string {
	if s.rows == nil {
		s.log.DPanicf("store %p used before New", s)
	}
	return s.rows[key]
}
