// A function value handed to a function of the module runs at startup only if that function
// may call it; one that only stores it (in a struct, a map, a slice) or returns it does not.
package main

import (
	"encoding/json"
	"io"
	"net/http"

	"example.com/stored-values/builder"
)

type check func(body io.Reader) error

// A pair of checks, kept for each admission request.
type pair struct {
	create, update check
}

func newPair(create, update check) pair { return pair{create: create, update: update} }

func keep(c check) map[string]check { return map[string]check{"c": c} }

func collect(c check) []check {
	var all []check
	all = append(all, c)
	return all
}

func same(c check) check { return c }

// runNow calls its check; forward passes it on to runNow, which calls it. A value passed
// to a call that runs it counts as called where it is passed.
func runNow(c check) { _ = c(nil) }

func forward(c check) { runNow(c) }

// Built while the package initializes: the checks are stored, not run.
var checks = map[string]pair{"cr": newPair(validateCreate, validateUpdate)}

var kept = keep(validateKept)

var collected = collect(validateCollected)

var returned = same(validateReturned)

// Positional fields of a struct literal built in main keep their functions the same way
// (a method value and a function): run per request by serveChecks, never at startup.
type named struct {
	name string
	run  check
}

type profile struct{}

func (p *profile) validate(body io.Reader) error { return validatePositionalMethod(body) }

var registered []named

func serveChecks(body io.Reader) {
	for _, n := range registered {
		_ = n.run(body)
	}
}

func main() {
	forward(validateAtStartup)
	runNow(func(body io.Reader) error { return validateLiteral(body) })
	p := &profile{}
	registered = append(registered, named{"method", p.validate}, named{"function", validatePositional})
	http.HandleFunc("/check", func(w http.ResponseWriter, r *http.Request) { serveChecks(r.Body) })
}

func validatePositionalMethod(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validatePositional(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateCreate(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateUpdate(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateKept(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateCollected(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateReturned(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateAtStartup(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func validateLiteral(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

// Chained builder calls: the receiver's type is not in the file, the module's own methods
// of those names tell that WithRules only keeps the value and Apply calls it.
var built = builder.New[int]().Named("rules").WithRules(kept1).Apply(applied1)

func kept1(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func applied1(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Converted to the module's function type in a keyed field: still kept, for each request.
type webhook struct{ Validate check }

var hooks = []webhook{{Validate: check(validateConverted)}}

func validateConverted(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

// Assigned to a field: run where the field is called, per request here...
type perRequest struct{ Check check }

// ... and while the package initializes there.
type atBoot struct{ Check check }

func init() {
	r := &perRequest{}
	r.Check = func(body io.Reader) error { return validateAssignedPerRequest(body) }
	http.HandleFunc("/assigned", func(w http.ResponseWriter, q *http.Request) { _ = r.Check(q.Body) })
	b := &atBoot{}
	b.Check = validateAssignedAtBoot
	_ = b.Check(nil)
}

func validateAssignedPerRequest(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func validateAssignedAtBoot(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}
