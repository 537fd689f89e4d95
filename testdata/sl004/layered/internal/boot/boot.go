package boot

import (
	"example.com/layered/internal/limits"
	"example.com/layered/internal/settings"
)

func Start() {
	limits.Apply()
	Prepare()
}

func Prepare() {
	settings.Fetch()
}
