package client

import (
	"encoding/json"
	"errors"
	"log"
	"os"
	"sync"

	zlog "github.com/rs/zerolog/log"
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

var (
	connOnce sync.Once
	conn     *connection
)

type connection struct{}

func dial() (*connection, error) { return &connection{}, nil }

// A nil value after Do fails every later call too: no caller takes the failure for success.
func Conn() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() })
	if err != nil {
		return nil, err
	}
	if conn == nil && err == nil {
		return nil, errors.New("no connection")
	}
	return conn, nil
}

// A check that only logs, or one before the Do, or of a local of the same name, does not.
func ConnLogged() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: connOnce.Do sets package-level conn .*it also sets err`
	if conn == nil {
		log.Print("no connection")
	}
	return conn, err
}

func ConnCheckedBefore() (*connection, error) {
	if conn == nil {
		return nil, errors.New("no connection yet")
	}
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: connOnce.Do sets package-level conn .*it also sets err`
	return conn, err
}

func ConnShadowed() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: connOnce.Do sets package-level conn .*it also sets err`
	if conn := (*connection)(nil); conn == nil {
		return nil, errors.New("never")
	}
	return conn, err
}

// A failure that ends the process loses no error: there is no later call.
func ConnOrExit() *connection {
	var err error
	connOnce.Do(func() {
		conn, err = dial()
		if err != nil {
			log.Fatalf("dial: %v", err)
		}
	})
	return conn
}

func ConnOrExitChained() (*connection, error) {
	var err error
	connOnce.Do(func() {
		c, dialErr := dial()
		if dialErr != nil {
			err = dialErr
			zlog.Fatal().Err(dialErr).Msg("dial")
			return
		}
		conn = c
	})
	return conn, err
}

// Every write must end the process: one that returns loses the error.
func ConnOrReturn() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: connOnce.Do sets package-level conn .*it also sets err`
		c, dialErr := dial()
		if dialErr != nil {
			err = dialErr
			zlog.Fatal().Err(dialErr).Msg("dial")
		}
		if c == nil {
			err = errors.New("no connection")
			zlog.Warn().Msg("no connection")
			return
		}
		conn = c
	})
	return conn, err
}
