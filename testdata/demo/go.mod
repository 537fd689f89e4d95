module example.com/orders

go 1.22

require (
	github.com/spf13/cobra v1.8.1
	github.com/spf13/viper v1.19.0
	go.uber.org/zap v1.27.0
	k8s.io/client-go v0.31.0
)
