module zapcost

go 1.22

require go.uber.org/zap v1.27.0

require go.uber.org/multierr v1.10.0 // indirect
