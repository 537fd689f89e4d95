package config

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"

	"example.com/app/model"
)

type Settings struct {
	Listen string `json:"listen"`
}

var (
	settings Settings
	names    []string
	verbose  = flag.Bool("v", false, "verbose output")
	errEmpty = errors.New("empty config")
	pool     = sync.Pool{New: func() any { return new(Settings) }}
	sizes    = []int{1, 2, 3}
)

// Entries decoded into a map: as many as the file holds.
var limitsByTenant map[string]int

func init() {
	// One finding for the init's work, the decode a related location: they move out together.
	data, err := os.ReadFile("/etc/app/limits.json") // want "SL001: os.ReadFile in func init reads a file while the package initializes, before main.*\\(1 more in this func init: related locations\\)"
	if err != nil {
		panic(fmt.Errorf("reading limits: %w", err))
	}
	if err := json.Unmarshal(data, &limitsByTenant); err != nil {
		panic(err)
	}
	for _, n := range []string{"a", "b"} {
		names = append(names, n) // a literal of 2 entries: below min-literal-elements
	}
	names = append(names, "c") // a single append is not a loop
	flag.StringVar(&settings.Listen, "listen", ":8080", "address")
}

// A configuration at a fixed path, which a volume or the image puts in place: decoded into a
// struct, settings of a few hundred bytes, as a config file's. Not reported.
func init() {
	data, err := os.ReadFile("/etc/app/config.json")
	if err != nil {
		return
	}
	_ = json.Unmarshal(data, &settings)
}

// So is another package's type named for settings (hypercloud-api-server's mounted version
// config)...
var probes model.ProbeConfig

func init() {
	data, err := os.ReadFile("/etc/app/probes.yaml")
	if err != nil {
		return
	}
	_ = json.Unmarshal(data, &probes)
}

// ...not one named otherwise, which may be a map of as many entries as the file holds.
var routes model.RouteTable

func init() {
	data, _ := os.ReadFile("/etc/app/routes.json") // want "SL001: os.ReadFile in func init reads a file.*\\(1 more in this func init"
	_ = json.Unmarshal(data, &routes)
}

// At a fixed path, a struct not named for settings may be an image's data file, as large
// as its list of products.
type catalogue struct{ Products []string }

var products catalogue

func init() {
	data, _ := os.ReadFile("/usr/share/shop/catalog.json") // want "SL001: os.ReadFile in func init reads a file.*\\(1 more in this func init"
	_ = json.Unmarshal(data, &products)
}

// A pointer to settings holds settings.
var tuning *TuningOptions

type TuningOptions struct{ Workers int }

func init() {
	data, _ := os.ReadFile("/etc/app/tuning.json")
	_ = json.Unmarshal(data, &tuning)
}

// The system's bundle at a fixed path, a few hundred KB of certificates, parsed in init.
var systemRoots = x509.NewCertPool()

func init() {
	bundle, err := os.ReadFile("/etc/ssl/certs/ca-certificates.crt") // want "SL001: os.ReadFile in func init reads a file"
	if err != nil {
		return
	}
	systemRoots.AppendCertsFromPEM(bundle)
}

// A method named init is not package initialization.
type loader struct{ path string }

func (l *loader) init() {
	data, _ := os.ReadFile(l.path)
	_ = json.Unmarshal(data, &settings)
}

// Neither is an ordinary function, even when init calls it: the rule does not follow calls.
func load() {
	data, _ := os.ReadFile("/etc/app/config.json")
	_ = json.Unmarshal(data, &settings)
}

func init() {
	load()
	f, err := os.Open("/etc/app/extra") // want "SL001: os.Open in func init opens a file.*1 more in this func init"
	if err == nil {
		defer f.Close()
		dec := json.NewDecoder(f)
		_ = dec.Decode(&settings)
	}
}

// The kernel's pseudo-files are read in microseconds: the header of a /proc table is no I/O
// worth moving.
var tcpHeader string

func init() {
	f, err := os.Open("/proc/net/tcp")
	if err != nil {
		return
	}
	defer f.Close()
	tcpHeader = f.Name()
}

// The system's tables of names are a few KB; a file beside them may be anything.
var protocols, other *os.File

func init() {
	protocols, _ = os.Open("/etc/protocols")
	other, _ = os.Open("/etc/app/settings.json") // want "SL001: os.Open in func init opens a file"
}

// The pod's service account files are a few bytes (the namespace) to a few KB (the CA).
var podNamespace string

func init() {
	data, err := os.ReadFile("/var/run/secrets/kubernetes.io/serviceaccount/namespace")
	if err != nil {
		return
	}
	podNamespace = string(data)
}

// Likewise by a constant that names one; not by a constant that names another file, nor by
// a local that shadows the constant.
const (
	tokenFile    = "/var/run/secrets/kubernetes.io/serviceaccount/token"
	settingsFile = "/etc/app/settings.json"
)

var token, settings []byte

func init() {
	token, _ = os.ReadFile(tokenFile)
	settings, _ = os.ReadFile(settingsFile) // want "SL001: os.ReadFile in func init reads a file"
}

func init() {
	tokenFile := os.Getenv("TOKEN_FILE")
	token, _ = os.ReadFile(tokenFile) // want "SL001: os.ReadFile in func init reads a file"
}

// Settings a deployment names in the environment, decoded into a struct: a configuration of a
// few hundred bytes, as a config file viper loads from outside the tree.
var cacheSettings Settings

var limits struct{ Max int }

func init() {
	path := os.Getenv("APP_CACHE_CONFIG")
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		if err := json.Unmarshal(data, &cacheSettings); err != nil {
			panic(err)
		}
	}
	raw, _ := os.ReadFile(os.Getenv("APP_LIMITS"))
	_ = json.Unmarshal(raw, &limits)
}

// Decoded into a map, the file's entries are as many as it holds.
var overrides map[string]string

func init() {
	data, _ := os.ReadFile(os.Getenv("APP_OVERRIDES")) // want "SL001: os.ReadFile in func init reads a file.*\\(1 more in this func init: related locations\\)"
	_ = json.Unmarshal(data, &overrides)
}

// A file named in the environment whose bytes are kept, not decoded.
var banner []byte

func init() {
	data, _ := os.ReadFile(os.Getenv("APP_BANNER")) // want "SL001: os.ReadFile in func init reads a file"
	banner = data
}

// A CA file named in the environment, only parsed to check it: a few KB, whatever is kept of it.
var roots = x509.NewCertPool()

func init() {
	caFile := os.Getenv("APP_CA_FILE")
	if caFile != "" {
		cert, err := os.ReadFile(caFile)
		if err != nil {
			os.Setenv("APP_CA_FILE", "")
		} else if block, _ := pem.Decode(cert); block == nil {
			os.Setenv("APP_CA_FILE", "")
		}
	}
	bundle, _ := os.ReadFile(os.Getenv("APP_CA_BUNDLE"))
	roots.AppendCertsFromPEM(bundle)
}

// Two files read into one local: the first is kept, whatever the second is.
var motd []byte

func init() {
	data, _ := os.ReadFile(os.Getenv("APP_MOTD")) // want "SL001: os.ReadFile in func init reads a file"
	motd = data
	data, _ = os.ReadFile(os.Getenv("APP_CA_CHECK"))
	_, _ = pem.Decode(data)
	var ca, err = os.ReadFile(os.Getenv("APP_CA_VAR"))
	if err == nil {
		_, _ = pem.Decode(ca)
	}
}

// Two CA files read into one local, each only parsed.
func init() {
	ca, err := os.ReadFile(os.Getenv("APP_CA_ONE"))
	if err == nil {
		roots.AppendCertsFromPEM(ca)
	}
	ca, err = os.ReadFile(os.Getenv("APP_CA_TWO"))
	if err == nil {
		roots.AppendCertsFromPEM(ca)
	}
}

// A fallback read into the same local, only when the first file does not parse: the first
// file's bytes, kept when they parse, are what is reported.
var trusted []byte

func init() {
	ca, _ := os.ReadFile(os.Getenv("APP_TRUSTED")) // want "SL001: os.ReadFile in func init reads a file.*\\(1 more in this func init: related locations\\)"
	if !roots.AppendCertsFromPEM(ca) {
		ca, _ = os.ReadFile(os.Getenv("APP_TRUSTED_FALLBACK"))
	}
	trusted = ca
}

// Read into a package-level variable: kept whole, whatever parses it.
var caPEM []byte

func init() {
	var err error
	caPEM, err = os.ReadFile(os.Getenv("APP_CA_PEM")) // want "SL001: os.ReadFile in func init reads a file"
	if err == nil {
		roots.AppendCertsFromPEM(caPEM)
	}
}

// Parsed, then kept whole as well: what is kept is as large as the file.
var pemBlock []byte

func init() {
	raw, _ := os.ReadFile(os.Getenv("APP_PEM")) // want "SL001: os.ReadFile in func init reads a file"
	if block, _ := pem.Decode(raw); block != nil {
		pemBlock = raw
	}
}

// A large make and a read in one init: one finding, in file order.
var (
	lookup    map[string]int
	lookupRaw []byte
)

func init() {
	lookup = make(map[string]int, 1<<20) // want "SL001: make with 1048576 elements \\(at least 24.0 MB\\) in func init.*\\(1 more in this func init: related locations\\)"
	lookupRaw, _ = os.ReadFile("/etc/app/lookup")
}

// An environment variable's value is what the manifest writes, a few bytes and usually unset
// (a debug switch): decoding it is no init work worth moving. Written again before the decode,
// it is data of any size.
var forcedStates map[string]string

func init() {
	if state := os.Getenv("DEBUG_FORCE_STATE"); state != "" {
		_ = json.Unmarshal([]byte(state), &forcedStates)
	}
}

func init() {
	raw := os.Getenv("STATES")
	raw = strings.Repeat(raw, 1000)
	_ = json.Unmarshal([]byte(raw), &forcedStates) // want "SL001: json.Unmarshal in func init decodes data"
}

func init() {
	raw := os.ExpandEnv("$STATES")
	_ = json.Unmarshal([]byte(raw), &forcedStates) // want "SL001: json.Unmarshal in func init decodes data"
}

// Nothing decoded: the error that empty input gives, kept to compare with.
var errEmptyInput error

func init() {
	var unimportant any
	errEmptyInput = json.Unmarshal(nil, &unimportant)
}

// Only whether the file can be read: its bytes are garbage at once (arvados points
// SSL_CERT_FILE at its CA bundle when there is one).
func init() {
	if _, err := os.ReadFile("/etc/app/ca-certificates.crt"); err == nil {
		os.Setenv("SSL_CERT_FILE", "/etc/app/ca-certificates.crt")
	}
}

// A mounted file that overrides a small template written out beside it: of the default's kind
// and size (pytorch-operator's optional init container template).
var podTemplate = `
- name: wait
  image: busybox
  command: ['sh', '-c', 'until nslookup master; do sleep 2; done']`

func init() {
	b, err := os.ReadFile("/etc/config/template.yaml")
	if err == nil {
		podTemplate = string(b)
	}
}

// Not a default it overrides: a local of that name, a variable with no literal default or an
// empty one, bytes kept besides, the override in a function literal or after the local was
// given other bytes.
func init() {
	b, _ := os.ReadFile("/etc/config/other.yaml") // want "SL001: os.ReadFile in func init reads a file"
	var podTemplate string
	podTemplate = string(b)
	_ = podTemplate
}

var emptyDefault = ""

// A default of min-embedded-bytes (4 KB here) or more: the file may be as large.
var largeDefault = "abcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefgh"

func init() {
	b, _ := os.ReadFile("/etc/config/large.txt") // want "SL001: os.ReadFile in func init reads a file"
	largeDefault = string(b)
}

func init() {
	b, _ := os.ReadFile("/etc/config/empty.yaml") // want "SL001: os.ReadFile in func init reads a file"
	emptyDefault = string(b)
}

var kept [][]byte

func init() {
	b, _ := os.ReadFile(os.Getenv("TEMPLATE_FILE")) // want "SL001: os.ReadFile in func init reads a file"
	kept = append(kept, b)
	podTemplate = string(b)
}

func init() {
	b, _ := os.ReadFile("/etc/config/later.yaml") // want "SL001: os.ReadFile in func init reads a file"
	set := func() { podTemplate = string(b) }
	_ = set
}

func init() {
	b, _ := os.ReadFile("/etc/config/replaced.yaml") // want "SL001: os.ReadFile in func init reads a file"
	if len(b) == 0 {
		b := []byte("fallback")
		podTemplate = string(b)
	}
}

var loaded string

func init() {
	b, _ := os.ReadFile("/etc/config/loaded.yaml") // want "SL001: os.ReadFile in func init reads a file"
	loaded = string(b)
}
