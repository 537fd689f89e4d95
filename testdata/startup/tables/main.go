// Library tables the model reads: reflect keeps a function without calling it (an
// interpreter's symbol table, built in init, names every exported function), echo v5
// registers per-request handlers, and schema migrations run at boot.
package main

import (
	"encoding/json"
	"io"
	"os"
	"reflect"

	"github.com/labstack/echo/v5"
	"src.techknowlogick.com/xormigrate"
)

// Symbols is what an interpreter reads to call into the program; building it calls nothing.
var Symbols = map[string]map[string]reflect.Value{}

func init() {
	Symbols["tables/main"] = map[string]reflect.Value{
		"ExportRows": reflect.ValueOf(ExportRows),
		"Decode":     reflect.ValueOf(Decode),
	}
}

// ExportRows runs only when a script calls it.
func ExportRows(rows []string) []string {
	var out []string
	for _, row := range rows {
		out = append(out, row+"\n")
	}
	return out
}

// Decode runs only when a script calls it.
func Decode(r io.Reader) (map[string]any, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var v []any
	return v, json.Unmarshal(body, &v)
}

func listUsers(c *echo.Context) error {
	var names []string
	for _, n := range os.Args {
		names = append(names, n)
	}
	return c.JSON(200, names)
}

var migrations = []*xormigrate.Migration{
	{ID: "20240101", Migrate: addColumns},
}

// addColumns runs when main migrates the schema, before the service serves.
func addColumns(tx any) error {
	var columns []string // want "SL003: columns starts empty"
	for _, c := range os.Args {
		columns = append(columns, c)
	}
	_ = columns
	return nil
}

func main() {
	m := xormigrate.New(nil, migrations)
	_ = m.Migrate()
	e := echo.New()
	e.GET("/users", listUsers)
	_ = e.Start(":8080")
}
