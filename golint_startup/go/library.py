"""Facts about Go libraries, as data: which calls decode, load config, set memory limits.

Rules read these tables instead of keeping their own copies, so a library added here is
known to every rule that cares.
"""

from __future__ import annotations

JSON, XML, GOB = "encoding/json", "encoding/xml", "encoding/gob"
YAML_V2, YAML_V3, K8S_YAML = "gopkg.in/yaml.v2", "gopkg.in/yaml.v3", "sigs.k8s.io/yaml"
# The yaml packages' new home (same API), and goccy's.
GO_YAML_V2, GO_YAML_V3, GOCCY_YAML = "go.yaml.in/yaml/v2", "go.yaml.in/yaml/v3", "github.com/goccy/go-yaml"
BURNTSUSHI_TOML = "github.com/BurntSushi/toml"
GO_TOML, GO_TOML_V2 = "github.com/pelletier/go-toml", "github.com/pelletier/go-toml/v2"
VIPER = "github.com/spf13/viper"
TEMPLATES = ("text/template", "html/template")
HTTP = "net/http"

# Package-level functions that decode data into a value whose address is an argument.
DECODE_FUNCTIONS: dict[str, frozenset[str]] = {
    JSON: frozenset({"Unmarshal"}),
    XML: frozenset({"Unmarshal"}),
    YAML_V2: frozenset({"Unmarshal", "UnmarshalStrict"}),
    YAML_V3: frozenset({"Unmarshal"}),
    GO_YAML_V2: frozenset({"Unmarshal", "UnmarshalStrict"}),
    GO_YAML_V3: frozenset({"Unmarshal"}),
    GOCCY_YAML: frozenset({"Unmarshal", "UnmarshalWithOptions"}),
    K8S_YAML: frozenset({"Unmarshal", "UnmarshalStrict"}),
    BURNTSUSHI_TOML: frozenset({"Decode", "DecodeFile", "DecodeFS", "DecodeReader", "Unmarshal"}),
    GO_TOML: frozenset({"Unmarshal"}),
    GO_TOML_V2: frozenset({"Unmarshal"}),
    VIPER: frozenset({"Unmarshal", "UnmarshalKey", "UnmarshalExact"}),
}

# Packages whose `NewDecoder(r)` returns a decoder with a `Decode(&v)` method.
STREAM_DECODERS: frozenset[str] = frozenset(
    {JSON, XML, GOB, YAML_V2, YAML_V3, GO_YAML_V2, GO_YAML_V3, GOCCY_YAML, BURNTSUSHI_TOML, GO_TOML_V2})

# Calls that load configuration, and those that give the runtime a memory limit (SL004).
DEBUG = "runtime/debug"
RUNTIME = "runtime"
AUTOMEMLIMIT = "github.com/KimMachineGun/automemlimit"

DEFAULT_LOADS = tuple(f"{VIPER}.{name}" for name in
                      ("ReadInConfig", "ReadConfig", "MergeInConfig", "ReadRemoteConfig", "WatchRemoteConfig"))
DEFAULT_LIMITS = (f"{DEBUG}.SetMemoryLimit",) + tuple(
    f"{AUTOMEMLIMIT}/memlimit.{name}" for name in
    ("Set", "SetGoMemLimit", "SetGoMemLimitWithEnv", "SetGoMemLimitWithOpts", "SetGoMemLimitWithProvider"))
DEFAULT_LIMIT_IMPORTS = (AUTOMEMLIMIT,)

# Library functions and variables whose results are slices, by (import path, name): the
# index of each slice result.
LIBRARY_SLICES = {
    ("os", "Args"): (0,), ("os", "Environ"): (0,), ("os", "ReadDir"): (0,), ("io/ioutil", "ReadDir"): (0,),
    ("path/filepath", "Glob"): (0,), ("path/filepath", "SplitList"): (0,),
    ("strings", "Split"): (0,), ("strings", "SplitN"): (0,), ("strings", "SplitAfter"): (0,),
    ("strings", "SplitAfterN"): (0,), ("strings", "Fields"): (0,), ("strings", "FieldsFunc"): (0,),
    ("bytes", "Split"): (0,), ("bytes", "SplitN"): (0,), ("bytes", "Fields"): (0,),
    ("bytes", "FieldsFunc"): (0,), ("slices", "Sorted"): (0,), ("slices", "Collect"): (0,),
}

# Calls that load configuration into a value whose address is an argument (SL006): what
# they fill is a config struct by definition. Package-level functions by import path.
CONFIG_LOADERS: dict[str, frozenset[str]] = {
    VIPER: frozenset({"Unmarshal", "UnmarshalKey", "UnmarshalExact"}),
    "github.com/kelseyhightower/envconfig": frozenset({"Process", "MustProcess"}),
    "github.com/sethvargo/go-envconfig": frozenset({"Process", "ProcessWith", "MustProcess"}),
    "github.com/ilyakaznacheev/cleanenv": frozenset({"ReadConfig", "ReadEnv", "UpdateEnv"}),
    "github.com/jinzhu/configor": frozenset({"Load"}),
    **{path: frozenset({"Parse", "ParseWithOptions", "ParseWithFuncs", "Must"})
       for path in ("github.com/caarlos0/env", *(f"github.com/caarlos0/env/v{n}" for n in range(6, 12)))},
}
# Methods that load configuration, by the package that must be imported for a call
# `x.Method(...)` to be taken for one (the receiver's type is not known from the tree).
CONFIG_LOADER_METHODS: dict[str, frozenset[str]] = {
    VIPER: frozenset({"Unmarshal", "UnmarshalKey", "UnmarshalExact"}),
    "github.com/knadh/koanf": frozenset({"Unmarshal", "UnmarshalWithConf"}),
    "github.com/knadh/koanf/v2": frozenset({"Unmarshal", "UnmarshalWithConf"}),
    "github.com/jinzhu/configor": frozenset({"Load"}),
}
# Calls that read a whole file: a generic decoder in the same function is fed by a file.
FILE_READS: dict[str, frozenset[str]] = {
    "os": frozenset({"ReadFile", "Open", "OpenFile"}),
    "io/ioutil": frozenset({"ReadFile"}),
    "io/fs": frozenset({"ReadFile"}),
    BURNTSUSHI_TOML: frozenset({"DecodeFile"}),
}
