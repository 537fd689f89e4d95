package main

import (
	_ "github.com/KimMachineGun/automemlimit"
	"github.com/spf13/viper"
)

// The blank import sets GOMEMLIMIT from the cgroup limit before this package initializes.
func init() {
	_ = viper.ReadInConfig()
}

func main() {
	_ = viper.MergeInConfig()
}
