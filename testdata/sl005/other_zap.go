package service

// A package that is also called zap, from another import path, is not zap.
import "example.com/acme/zap"

func notUber() {
	zap.NewDevelopment()
	_ = zap.Config{Development: true}
}
