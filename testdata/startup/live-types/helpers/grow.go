package helpers

func Grow(header map[string]string) []string {
	var keys []string // want "SL003"
	for k := range header {
		keys = append(keys, k)
	}
	return keys
}
