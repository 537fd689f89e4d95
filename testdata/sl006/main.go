package main

import (
	"encoding/json"
	"fmt"
	"os"

	vp "github.com/spf13/viper"

	dbconf "example.com/sl006/internal/conf"
	"example.com/sl006/generic"
)

// ServerSettings is a config struct by its name, with a nested pointer sub-struct.
type ServerSettings struct {
	Listen string
	TLS    *TLSConfig
	Limits dbconf.Limits
}

type TLSConfig struct {
	CertFile string
	KeyFile  string
}

type HTTPConfig struct {
	ReadTimeoutSeconds int `json:"read_timeout"`
}

// RetryOpts is a config struct that never escapes.
type RetryOpts struct{ Max int }

// CacheSettings is too large for the stack wherever it is declared.
type CacheSettings struct {
	Warm [256 << 10]byte
}

type point struct{ X, Y int }

var (
	registry []any
	onReload func()
	global   ServerSettings // package-level: never "moved to heap"
)

func loadServer() (ServerSettings, error) {
	var cfg ServerSettings // want "SL006: config struct ServerSettings moved to heap: its address is passed to vp.Unmarshal \\(interface-converted\\)"
	if err := vp.Unmarshal(&cfg); err != nil {
		return ServerSettings{}, err
	}
	return cfg, nil
}

func loadGlobal() error {
	return vp.Unmarshal(&global)
}

func loadHTTP(path string) (*HTTPConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &HTTPConfig{} // want "SL006: config struct &HTTPConfig\\{...\\} escapes to heap: it is passed to json.Unmarshal \\(interface-converted\\)"
	err = json.Unmarshal(data, c)
	return c, err
}

func withTLS() *ServerSettings {
	return &ServerSettings{Listen: ":8443", TLS: &TLSConfig{CertFile: "tls.crt"}} // want "SL006: config struct &ServerSettings\\{...\\} escapes to heap: it is returned from withTLS" "SL006: config struct &TLSConfig\\{...\\} escapes to heap: it is stored in &ServerSettings\\{...\\}, which is itself on the heap"
}

func defaults() *ServerSettings {
	d := ServerSettings{Listen: ":8080"} // want "SL006: config struct ServerSettings moved to heap: its address is returned from defaults"
	return &d
}

func retries() int {
	var o RetryOpts
	o.Max = 3
	return o.Max
}

func warm() int {
	var c CacheSettings // want "SL006: config struct CacheSettings moved to heap: it is too large for the stack"
	return len(c.Warm)
}

func watch() {
	cfg := HTTPConfig{ReadTimeoutSeconds: 5} // want "SL006: config struct HTTPConfig moved to heap: it is captured by a closure"
	onReload = func() { cfg.ReadTimeoutSeconds++ }
}

func register(o ServerSettings) { // want "SL006: config struct ServerSettings moved to heap: its address is appended to registry \\(interface-converted\\)"
	registry = append(registry, &o)
}

func track() {
	p := &point{1, 2}
	registry = append(registry, p)
}

func database() (string, error) {
	db := dbconf.Default() // want "SL006: config struct dbconf.Database moved to heap: its address is passed to vp.UnmarshalKey \\(interface-converted\\)"
	err := vp.UnmarshalKey("database", &db)
	return db.Primary, err
}

func pool() *dbconf.DBOptions {
	return &dbconf.DBOptions{MaxConns: 10} // want "SL006: config struct &dbconf.DBOptions\\{...\\} escapes to heap: it is returned from pool"
}

// server is not configuration, but holds some.
type server struct{ tls *TLSConfig }

func newServer() *server {
	s := server{tls: &TLSConfig{KeyFile: "tls.key"}} // want "SL006: config struct &TLSConfig\\{...\\} escapes to heap: it is stored in s, which is itself on the heap"
	return &s
}

func timeouts() map[string]*HTTPConfig {
	primary := &HTTPConfig{ReadTimeoutSeconds: 30} // want "SL006: config struct &HTTPConfig\\{...\\} escapes to heap: it is stored in a map \\(map\\[string\\]\\*HTTPConfig\\{...\\}\\)"
	return map[string]*HTTPConfig{"primary": primary}
}

func main() {
	server, err := loadServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	_ = loadGlobal()
	httpConfig, _ := loadHTTP("http.json")
	dbName, _ := database()
	named := generic.NewOptions("retries", retries())
	fmt.Println(server.Listen, httpConfig, withTLS(), defaults(), warm(), dbName, pool(), named)
	watch()
	register(server)
	track()
	_, _ = generic.Load[TLSConfig]("tls")
	_ = dbconf.Peers([]string{"a"})
	fmt.Println(newServer(), timeouts())
	fmt.Println(dbconf.LoadDatabase("db.yaml"))
	fmt.Println(dbconf.LoadLimits(nil))
}
