package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	pkgerrors "github.com/pkg/errors"
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

// More of a reviewer's: the value set with the first error, then another error; a check that
// returns no error; an earlier branch returning the lost error; a local of the value's name; a
// decoder that may fill the value and fail; a field of an always-set pointer; two errors, one
// checked; a deferred Do.
func (c *connection) ping() error { return nil }

var (
	replica *connection
	holder  = &struct{ conn *connection }{}
	parsed  *connection
)

func CheckedAfterALaterError() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err != nil {
			return
		}
		err = conn.ping()
	})
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedReturningNoError() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if conn == nil {
		return nil, nil
	}
	return conn, err
}

func CheckedAfterABranchReturning(fast bool) (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if fast {
		return conn, err
	}
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedALocal() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	conn := &connection{}
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedADecodedValue(data []byte) (*connection, error) {
	var err error
	connOnce.Do(func() { err = json.Unmarshal(data, &parsed) }) // want `SL002: connOnce.Do sets package-level parsed .*it also sets err`
	if parsed == nil {
		return nil, errors.New("nothing parsed")
	}
	return parsed, err
}

func CheckedThePointerHoldingIt() (*connection, error) {
	var err error
	connOnce.Do(func() { holder.conn, err = dial() }) // want `SL002: .*it also sets err`
	if holder == nil {
		return nil, errors.New("no holder")
	}
	return holder.conn, err
}

func CheckedOneOfTwoErrors() (*connection, error) {
	var dialErr, replicaErr error
	connOnce.Do(func() { // want `SL002: .*it also sets replicaErr`
		conn, dialErr = dial()
		replica, replicaErr = dial()
	})
	if conn == nil {
		return nil, errors.New("no connection")
	}
	_ = dialErr
	return replica, replicaErr
}

func CheckedBeforeADeferredDo() (*connection, error) {
	var err error
	defer connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if conn == nil {
		return nil, errors.New("not yet")
	}
	return conn, err
}

// A loop left by its own break before the exit: no error is lost.
func ExitsAfterALoop(hooks []func() bool) *connection {
	var err error
	connOnce.Do(func() {
		conn, err = dial()
		if err != nil {
			for _, hook := range hooks {
				if hook() {
					break
				}
			}
			log.Fatal(err)
		}
	})
	return conn
}

// A third reviewer's: the value set whatever the error; a check returning the lost error
// wrapped (pkg/errors' Wrap(nil) is nil), not one fmt.Errorf makes; an else leaving on
// success before the check; an error named by its declared type.
func loadName() (string, error) { return "db", nil }

func named(string) *connection { return &connection{} }

func CheckedAValueSetWhateverTheError() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		var name string
		name, err = loadName()
		conn = named(name)
	})
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

func CheckedReturningItWrapped() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if conn == nil {
		return nil, pkgerrors.Wrap(err, "dial")
	}
	return conn, nil
}

func CheckedReturningANewOne() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() })
	if conn == nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	return conn, nil
}

func CheckedAfterAnElseReturning(fast bool) (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() }) // want `SL002: .*it also sets err`
	if err != nil {
		return nil, err
	} else if fast {
		return conn, nil
	}
	if conn == nil {
		return nil, errors.New("no connection")
	}
	return conn, nil
}

func LosesAnErrorOfAnotherName() *connection {
	var dialFailure error
	connOnce.Do(func() { conn, dialFailure = dial() }) // want `SL002: .*it also sets dialFailure`
	_ = dialFailure
	return conn
}

// The value set only past a branch that returns with the error: checked.
func CheckedAfterAGuard(ready bool) (*connection, error) {
	var err error
	connOnce.Do(func() {
		if !ready {
			err = errors.New("not ready")
			return
		}
		conn = &connection{}
	})
	if conn == nil && err == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

// An error written through its address is lost as well; an exit under an `if` with an init
// statement of its own still ends the process; a comment inside a check changes nothing.
func setErr(err *error) { *err = errors.New("no connection") }

func LosesAnErrorByItsAddress() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn = &connection{}
		setErr(&err)
	})
	return conn, err
}

func ExitsUnderAnIfWithItsOwnInit() *connection {
	var err error
	connOnce.Do(func() {
		conn, err = dial()
		if attempts := 1; err != nil {
			log.Fatalf("dial after %d attempts: %v", attempts, err)
		}
	})
	return conn
}

func CheckedWithACommentInside() (*connection, error) {
	var err error
	connOnce.Do(func() { conn, err = dial() })
	if conn /* never dialed */ == nil {
		return nil, errors.New("no connection")
	}
	return conn, err
}

// The caller's err written beside an err the literal declares elsewhere, or an exit that
// tests an err of its own: the caller's error is lost.
func LosesItBesideAnErrOfItsOwn() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		go func() {
			_, err := dial()
			_ = err
		}()
	})
	return conn, err
}

func ExitsOnAnotherErr() (*connection, error) {
	var err error
	connOnce.Do(func() { // want `SL002: .*it also sets err`
		conn, err = dial()
		if err := conn.ping(); err != nil {
			log.Fatal(err)
		}
	})
	return conn, err
}
