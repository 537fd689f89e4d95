// A migration tool: it reads its own config, logs for the person running it and exits.
package main

import (
	"example.com/loads/settings"
	"github.com/spf13/viper"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
	v := viper.New()
	_ = v.ReadInConfig()
	_ = settings.Read()
}
