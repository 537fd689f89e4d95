package client

import (
	"errors"
	"log"

	zlog "github.com/rs/zerolog/log"
)

// Checks after Do that still let a later call take a failure for success, and exits that
// are not the process's end: each loses the first call's error.

var errOptional = errors.New("optional")

func (c *connection) open() error { return nil }

func ReturnsTheLostError() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: connOnce.Do sets package-level conn .*it also sets err`
	if conn == nil {
		return nil, err
	}
	return conn, nil
}

func CheckedOnlyWithTheError() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if conn == nil && err != nil {
		return nil, err
	}
	return conn, nil
}

func CheckedOnlyWhenStrict(strict bool) (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if conn == nil && strict {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedNegated() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if !(conn == nil) {
		return conn, nil
	}
	return conn, err
}

func CheckedInABranch(debug bool) (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if debug {
		if conn == nil {
			return nil, errors.New("no connection")
		}
	}
	return conn, err
}

func CheckedAfterAnotherReturn(fast bool) (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if fast {
		return conn, err
	} else if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedInAClosure() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	check := func() error {
		if conn == nil {
			return errors.New("no connection")
		}
		return nil
	}
	_ = check
	return conn, err
}

// conn is set before the failure: it is not nil on a later call.
func CheckedTheValueSetFirst() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn = &connection{}
		err = conn.open()
	})
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

// A panic may be recovered (a server's middleware), the Once then done.
func PanicsOnError() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err != nil {
			panic(err)
		}
	})
	return conn, err
}

func PanicsOnErrorChained() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err != nil {
			zlog.Panic().Err(err).Msg("dial")
		}
	})
	return conn, err
}

func ReturnsBeforeExiting() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err != nil {
			if errors.Is(err, errOptional) {
				return
			}
			log.Fatal(err)
		}
	})
	return conn, err
}

func ExitsOnlyOnTheFirstError() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err != nil {
			log.Fatal(err)
		} else {
			err = conn.open()
		}
	})
	return conn, err
}

// Exits written with comments around, or in the if that makes the connection: no error is lost.
func ExitsWithComments() *connection {
	var err error
	connOnce.Do(func() {
		conn, err = dial()
		// fail fast
		if err != nil {
			log.Fatal(err) // exits
		}
	})
	return conn
}

func ExitsInTheIfThatDials() *connection {
	var err error
	connOnce.Do(func() {
		if conn, err = dial(); err != nil {
			log.Fatal(err)
		}
	})
	return conn
}
