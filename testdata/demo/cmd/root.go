package cmd

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.uber.org/zap"

	"example.com/orders/internal/catalog"
	"example.com/orders/internal/httpapi"
	"example.com/orders/internal/promotions"
)

var cfgFile string

var rootCmd = &cobra.Command{
	Use:  "orders",
	RunE: serve,
}

func init() {
	cobra.OnInitialize(initConfig)
	rootCmd.PersistentFlags().StringVar(&cfgFile, "config", "", "config file")
}

// initConfig runs before any command, while the GC has no idea of the container limit.
func initConfig() {
	if cfgFile != "" {
		viper.SetConfigFile(cfgFile)
	} else { // config/orders.yaml holds the price table: viper allocates about 30 bytes per byte of YAML
		viper.SetConfigName("orders")
		viper.AddConfigPath("config")
	}
	viper.AutomaticEnv()
	if err := viper.ReadInConfig(); err != nil { // want "SL004: viper.ReadInConfig loads configuration \\(config/orders.yaml: 294 KB of YAML, about 8.6 MB allocated while loading\\)"
		os.Exit(1)
	}
}

func serve(cmd *cobra.Command, args []string) error {
	logger, err := zap.NewDevelopment() // want "SL005"
	if err != nil {
		return err
	}
	defer logger.Sync()
	catalog.Warm()
	if err := promotions.Watch(cmd.Context()); err != nil {
		return err
	}
	return httpapi.Listen(viper.GetString("addr"), logger)
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		os.Exit(1)
	}
}
