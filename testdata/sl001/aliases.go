package config

import (
	"context"
	"database/sql"
	"encoding/gob"
	"encoding/xml"
	stdioutil "io/ioutil"
	"net"

	toml "github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml"
	tomlv2 "github.com/pelletier/go-toml/v2"
	"github.com/spf13/viper"
	yamlv2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
	k8syaml "sigs.k8s.io/yaml"
)

// sql.Open dials nothing: a pool nobody uses during initialization costs microseconds.
var db, _ = sql.Open("postgres", "postgres://localhost/app")

var pool *sql.DB

func init() {
	pool, _ = sql.Open("postgres", "postgres://localhost/app") // want "SL001: sql.Open in func init creates a database connection pool and connects through it"
	_ = pool.PingContext(context.Background())
}

// Or on the field it is assigned to.
type store struct{ DB *sql.DB }

var shared store

func init() {
	shared.DB, _ = sql.Open("postgres", "postgres://localhost/app") // want "SL001: sql.Open in func init creates a database connection pool and connects through it"
	_ = shared.DB.Ping()
}

// SQLite is a file of the pod, not a server: opening it and creating a table in an init
// costs a millisecond, no round trip.
var metadata *sql.DB

func init() {
	metadata, _ = sql.Open("sqlite3", "/var/lib/app/metadata.db")
	_, _ = metadata.Exec("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)")
}

// Each init below does one kind of work, so that each is its own finding (the work of
// one init is one finding, the others related locations).
var (
	raw  []byte
	conn net.Conn
)

func init() { raw, _ = stdioutil.ReadFile("settings.yaml") } // want "SL001: ioutil.ReadFile"
func init() { _ = yaml.Unmarshal(raw, &settings) }          // want "SL001: yaml.Unmarshal"
func init() { _ = yamlv2.UnmarshalStrict(raw, &settings) }  // want "SL001: yaml.UnmarshalStrict"
func init() { _ = k8syaml.Unmarshal(raw, &settings) }       // want "SL001: yaml.Unmarshal"
func init() { _, _ = toml.DecodeFile("settings.toml", &settings) } // want "SL001: toml.DecodeFile"
func init() { _ = tomlv2.Unmarshal(raw, &settings) }        // want "SL001: toml.Unmarshal"
func init() { tree, _ := gotoml.LoadFile("settings.toml"); _ = tree } // want "SL001: toml.LoadFile"
func init() { _ = xml.Unmarshal(raw, &settings) }           // want "SL001: xml.Unmarshal"
func init() { conn, _ = net.Dial("tcp", "localhost:9000") } // want "SL001: net.Dial in func init opens a network connection"
func init() { _ = gob.NewDecoder(conn).Decode(&settings) }  // want "SL001: NewDecoder\\(...\\).Decode"
func init() { _ = yaml.NewDecoder(conn).Decode(&settings) } // want "SL001: NewDecoder"
func init() { all, _ := stdioutil.ReadAll(conn); _ = all }  // want "SL001: ioutil.ReadAll"

// A config in /etc/app, which the tree does not hold: its size is unknown, and config files
// are small (a few hundred bytes to a few KB), so the load is not reported; nor is the
// Unmarshal of what it loaded, whose cost is the load's.
func init() {
	viper.SetConfigName("app")
	viper.AddConfigPath("/etc/app")
	if err := viper.ReadInConfig(); err != nil {
		panic(err)
	}
	_ = viper.Unmarshal(&settings)
}

func init() { _ = viper.Unmarshal(&settings) }

var v = viper.New()

func init() { _ = v.ReadConfig(nil) }
func init() { _ = v.UnmarshalKey("listen", &settings.Listen) }
func init() { _ = v.GetString("listen") }
