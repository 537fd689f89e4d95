module example.com/sl006

go 1.22

require (
	github.com/spf13/viper v1.20.1
	gopkg.in/yaml.v3 v3.0.1
)

// Local stand-ins with the real packages' exported signatures, so the fixture builds offline.
replace (
	github.com/spf13/viper => ./_stubs/viper
	gopkg.in/yaml.v3 => ./_stubs/yaml
)
