package client

import (
	"encoding/json"
	"os"
	"sync"
)

var (
	tokenOnce  sync.Once
	token      string
	tokenErr   error
	configOnce sync.Once
	config     map[string]string
	failure    error
)

func fetchToken() (string, error) { return "t", nil }

// The error lands in a local of the calling function: only the first call ever returns it.
func Token() (string, error) {
	var err error
	tokenOnce.Do(func() { token, err = fetchToken() }) // want `SL002: tokenOnce.Do sets package-level token .*it also sets err, a variable of the calling function.*every later call gets err == nil.*sync.OnceValues fixes`
	return token, err
}

func NamedResult() (t string, loadErr error) {
	tokenOnce.Do(func() { // want `SL002: .*it also sets loadErr, a variable of the calling function`
		token, loadErr = fetchToken() // a named result is the caller's too
	})
	return token, loadErr
}

// The literal's own err is not the caller's: nothing lost, and a cheap body.
func OwnError() string {
	tokenOnce.Do(func() {
		t, err := fetchToken()
		if err == nil {
			token = t
		}
	})
	return token
}

// A Once given back after a failed run runs the function again: the next call sees its own
// error. Given back before the call, it still loses the error.
func Retried() (string, error) {
	var err error
	tokenOnce.Do(func() { token, err = fetchToken() })
	if err != nil {
		tokenOnce = sync.Once{}
	}
	return token, err
}

func ResetFirst() (string, error) {
	tokenOnce = sync.Once{}
	var err error
	tokenOnce.Do(func() { token, err = fetchToken() }) // want `SL002: tokenOnce.Do sets package-level token .*it also sets err`
	return token, err
}

// A package-level error (declared `error`, whatever its name) is kept apart from the value.
func Config() (map[string]string, error) {
	configOnce.Do(func() { config, failure = load() }) // want `SL002: configOnce.Do sets package-level config .*the error goes to package-level failure.*sync.OnceValues fixes both`
	return config, failure
}

func TokenPackageErr() (string, error) {
	tokenOnce.Do(func() { token, tokenErr = fetchToken() }) // a package-level error is not lost; the body is cheap
	return token, tokenErr
}

func load() (map[string]string, error) {
	data, err := os.ReadFile("config.json")
	if err != nil {
		return nil, err
	}
	var m map[string]string
	return m, json.Unmarshal(data, &m)
}
