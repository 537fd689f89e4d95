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

# Binary decoders whose package-level `Unmarshal(data, &v)` allocates the decoded value
# (protobuf, msgpack): with gob's and JSON's decoders, what SL001 counts as decoding.
BINARY_DECODE_FUNCTIONS: dict[str, frozenset[str]] = {
    "google.golang.org/protobuf/proto": frozenset({"Unmarshal"}),
    "github.com/golang/protobuf/proto": frozenset({"Unmarshal"}),
    "github.com/vmihailenco/msgpack": frozenset({"Unmarshal"}),
    "github.com/vmihailenco/msgpack/v4": frozenset({"Unmarshal"}),
    "github.com/vmihailenco/msgpack/v5": frozenset({"Unmarshal"}),
}

# --- the startup model (go.startup) -----------------------------------------
#
# Function values that startup frameworks run while the program starts, each an
# "import/path.Name" entry of one of three forms:
# - "path.Type.Field": a function value in that keyed field of a composite literal of that
#   type (`&cobra.Command{RunE: run}`) runs at startup; a field of another type, or
#   written in a literal whose type is elided, counts by its name;
# - "path.Function": function values passed to it run at startup (`cobra.OnInitialize(f)`,
#   `fx.Invoke(f)`; a function value passed to any call outside the module that is not a
#   handler registration counts as called, so these document more than they add);
# - "path.Type.Method()" or "path.Function()": a call of it runs the methods of the same
#   name of the types of the caller's package and of the packages it imports (kong's
#   `ctx.Run()` runs the `Run` method of the chosen command); "...()->Name" runs the methods
#   named `Name` instead (go-flags' `parser.Parse()` and `flags.Parse(&opts)` run the
#   `Execute(args []string) error` method of the chosen command).
# Wire's injectors (wire_gen.go) are plain calls from main, and the providers listed in
# `wire.Build` and `wire.NewSet` are function values passed to them.
COBRA, URFAVE_CLI = "github.com/spf13/cobra", "github.com/urfave/cli"
GO_FLAGS = "github.com/jessevdk/go-flags"
_COBRA_FIELDS = ("Run", "RunE", "PreRun", "PreRunE", "PersistentPreRun", "PersistentPreRunE")
# MinIO's fork of urfave/cli v1 keeps its App and Command types (minio's operator and sidecar).
_CLI_PATHS = (URFAVE_CLI, f"{URFAVE_CLI}/v2", f"{URFAVE_CLI}/v3", "github.com/minio/cli")
# The fields a command framework runs, as (import path, type, field).
# peterbourgon/ff's commands: `&ffcli.Command{Exec: ...}`, run by `ParseAndRun` or `Run`.
_FF_PATHS = ("github.com/peterbourgon/ff/v2/ffcli", "github.com/peterbourgon/ff/v3/ffcli",
             "github.com/peterbourgon/ff/v4")
# traefik's paerser: `&cli.Command{Run: ...}`, run by the function `cli.Execute(cmd)`.
PAERSER_CLI = "github.com/traefik/paerser/cli"
COMMAND_FIELDS: frozenset[tuple[str, str, str]] = frozenset(
    {(COBRA, "Command", field) for field in _COBRA_FIELDS} |
    {(cli, kind, field) for cli in _CLI_PATHS for kind in ("App", "Command") for field in ("Action", "Before")} |
    {(ff, "Command", "Exec") for ff in _FF_PATHS} |
    {(PAERSER_CLI, "Command", "Run")})
# The fields of COMMAND_FIELDS that prepare a command rather than run it: the root's
# persistent pre-run and urfave's `Before` run before every command, the serving one too, so
# they do not decide whether a path serves (see go.startup's serving paths).
COMMAND_PREPARE_FIELDS: frozenset[str] = frozenset({"PreRun", "PreRunE", "PersistentPreRun", "PersistentPreRunE",
                                                    "Before"})
# The methods that run a framework's commands, by import path (`rootCmd.Execute()`,
# `app.Run(os.Args)`). What the COMMAND_FIELDS of a package-level variable's literal hold
# (`var rootCmd = &cobra.Command{RunE: run}`, or a wrapper call `RunE: withStore(f)`) runs
# where one of these is called, not where the variable is initialized: such a call reaches
# every such value of the framework in its package and the packages it imports, directly or
# not (subcommands join the root with AddCommand, which the call graph does not follow). A
# value no such call reaches stays with the variable's initializer.
COMMAND_RUNNERS: dict[str, frozenset[str]] = {
    COBRA: frozenset({"Execute", "ExecuteC", "ExecuteContext", "ExecuteContextC"}),
    **{cli: frozenset({"Run", "RunContext"}) for cli in _CLI_PATHS},
    **{ff: frozenset({"ParseAndRun", "Run"}) for ff in _FF_PATHS},
    PAERSER_CLI: frozenset({"Execute"}),
}
STARTUP_EDGES: tuple[str, ...] = (
    *(f"{path}.{kind}.{field}" for path, kind, field in sorted(COMMAND_FIELDS)),
    f"{COBRA}.OnInitialize",
    "go.uber.org/fx.Invoke", "go.uber.org/fx.Provide",
    "github.com/google/wire.Build", "github.com/google/wire.NewSet",
    "github.com/alecthomas/kong.Context.Run()",
    # client-go's leader election runs the leader's work once elected, which a leader-elected
    # controller does before anything else (longhorn's manager, fleet's agent).
    "k8s.io/client-go/tools/leaderelection.LeaderCallbacks.OnStartedLeading",
    # Schema migrations, run by the service at boot before it serves (`m.Migrate()`).
    "src.techknowlogick.com/xormigrate.Migration.Migrate",
    *(f"{gormigrate}.Migration.Migrate" for gormigrate in
      ("github.com/go-gormigrate/gormigrate", "github.com/go-gormigrate/gormigrate/v2")),
    *(f"{GO_FLAGS}.{runner}()->Execute" for runner in
      ("Parser.Parse", "Parser.ParseArgs", "Parse", "ParseArgs")),
    # mitchellh/cli (and HashiCorp's fork): `c.Run()` runs the `Run(args)` method of the
    # command its factory returns.
    *(f"{cli}.CLI.Run()->Run" for cli in ("github.com/mitchellh/cli", "github.com/hashicorp/cli")),
)

# Calls that register request or stream handlers: the function values passed to them run
# per request, after startup, so they are not startup edges. "path.Name" matches the
# package function `Name` and a method `Name` of any type of the package; in `Name`, `*`
# matches any run of characters, and the path `*` any package (gRPC's generated
# `RegisterFooServer` functions live in the service's own packages). The methods of a value
# registered with gRPC are never edges anyway: the call graph follows calls and function
# values, not a value's methods.
_HTTP_METHODS = ("Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace")
HANDLER_REGISTRATIONS: tuple[str, ...] = (
    *(f"{HTTP}.{name}" for name in ("Handle", "HandleFunc", "HandlerFunc")),
    *(f"{chi}.{name}" for chi in ("github.com/go-chi/chi", "github.com/go-chi/chi/v5")
      for name in (*_HTTP_METHODS, "Handle", "HandleFunc", "Method", "MethodFunc", "NotFound", "MethodNotAllowed")),
    *(f"github.com/gorilla/mux.{name}" for name in ("Handle", "HandleFunc", "Handler", "HandlerFunc",
                                                     "NotFoundHandler")),
    *(f"github.com/julienschmidt/httprouter.{name}" for name in
      (*(m.upper() for m in _HTTP_METHODS if m not in ("Connect", "Trace")), "Handle", "Handler", "HandlerFunc")),
    *(f"github.com/uptrace/bunrouter.{name}" for name in
      (*(m.upper() for m in _HTTP_METHODS if m not in ("Connect", "Trace")), "Handle", "Use")),
    # A middleware chain's wrapper of a handler (`chain.ThenFunc(h)`) runs `h` per request.
    *(f"github.com/justinas/alice.{name}" for name in ("Then", "ThenFunc")),
    *(f"github.com/gin-gonic/gin.{name}" for name in
      (*(m.upper() for m in _HTTP_METHODS if m not in ("Connect", "Trace")), "Any", "Handle", "Match", "NoRoute",
       "NoMethod", "Use")),
    *(f"{echo}.{name}" for echo in ("github.com/labstack/echo/v5", "github.com/labstack/echo/v4",
                                    "github.com/labstack/echo")
      for name in (*(m.upper() for m in _HTTP_METHODS), "Any", "Match", "Add", "Use", "Pre")),
    *(f"{fiber}.{name}" for fiber in ("github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3")
      for name in (*_HTTP_METHODS, "All", "Add", "Use")),
    # macaron and flamego (same shape): `m.Get("/", h)`, `m.Combo("/x").Get(h).Post(h2)`; the
    # function given to `m.Group("/g", func() {...})` registers routes, at startup.
    *(f"{macaron}.{name}" for macaron in ("gopkg.in/macaron.v1", "github.com/go-macaron/macaron",
                                          "github.com/flamego/flamego")
      for name in (*_HTTP_METHODS, "Any", "Route", "Handle", "Combo", "NotFound", "InternalServerError", "Use",
                   "Action", "Before")),
    # go-restful: a route's function (`ws.Route(ws.GET("/x").To(h.list))`) and filters.
    *(f"{restful}.{name}" for restful in ("github.com/emicklei/go-restful", "github.com/emicklei/go-restful/v3")
      for name in ("To", "Filter")),
    "google.golang.org/grpc.RegisterService", "*.Register*Server",
    # grpc-gateway's generated `Register…HandlerServer` gives its mux one closure per RPC.
    *(f"{gateway}.{name}" for gateway in ("github.com/grpc-ecosystem/grpc-gateway/v2/runtime",
                                          "github.com/grpc-ecosystem/grpc-gateway/runtime")
      for name in ("Handle", "HandlePath")),
    # Per RPC: gRPC's interceptors.
    *(f"google.golang.org/grpc.{name}" for name in
      ("UnaryInterceptor", "StreamInterceptor", "ChainUnaryInterceptor", "ChainStreamInterceptor")),
    # Per SSH session.
    *(f"{ssh}.{name}" for ssh in ("github.com/gliderlabs/ssh", "github.com/charmbracelet/ssh")
      for name in ("Handle",)),
    "github.com/charmbracelet/wish.WithMiddleware",
    # huma's operations (`huma.Register(api, op, h.List)`, `huma.Get(api, "/x", h.Get)`): per
    # request (midaz's ledger, whose SL003 finding on a page of rows was read as wrong).
    *(f"github.com/danielgtaylor/huma/v2.{name}" for name in ("Register", *_HTTP_METHODS)),
    # Per Nexus operation request.
    "github.com/nexus-rpc/sdk-go/nexus.NewSyncOperation",
    # Per OAuth callback: zitadel's OIDC relying party builds the callback's handler around the
    # function it is given (zrok's `rp.CodeExchangeHandler(p.loginHandler(), ...)`).
    *(f"github.com/zitadel/oidc/{major}/pkg/client/rp.{name}" for major in ("v2", "v3")
      for name in ("CodeExchangeHandler", "UserinfoCallback", "AuthURLHandler")),
    # Per websocket connection, per queued task or message.
    "golang.org/x/net/websocket.Handler", "github.com/hibiken/asynq.HandleFunc",
    *(f"{work}.{name}" for work in ("github.com/gocraft/work",) for name in ("Job", "JobWithOptions", "Middleware")),
    *(f"github.com/ThreeDotsLabs/watermill/message.{name}" for name in ("AddHandler", "AddNoPublisherHandler",
                                                                         "AddConsumerHandler")),
    # A subscription's callback, per message: NATS's and JetStream's `Subscribe(subject, cb)`,
    # paho MQTT's (and its `AddRoute`), and the pub/sub clients projects wrap around them (dendrite's and devtron's
    # own `Subscribe`, any package): a Subscribe stores its callback.
    "*.Subscribe", "*.QueueSubscribe", "*.SubscribeMultiple", "*.AddRoute",
    # When the config file changes: viper's watcher runs the callback (package function or a
    # Viper's method), KubeArmor's reload.
    "github.com/spf13/viper.OnConfigChange",
    # Per tool call, prompt or resource read of an MCP server (coroot's API): mcp-go's and the
    # official SDK's registrations.
    *(f"{mcp}.{name}" for mcp in ("github.com/mark3labs/mcp-go/server", "github.com/modelcontextprotocol/go-sdk/mcp")
      for name in ("AddTool", "AddTools", "AddPrompt", "AddPrompts", "AddResource", "AddResources",
                   "AddResourceTemplate", "AddResourceTemplates")),
    # beego: routes and filters (`web.InsertFilter("*", web.BeforeRouter, f)`) run per request.
    *(f"{beego}.{name}" for beego in ("github.com/beego/beego/v2/server/web", "github.com/astaxie/beego")
      for name in (*_HTTP_METHODS, "Any", "Router", "Handler", "InsertFilter", "InsertFilterChain", "ErrorHandler")),
    # Kubernetes controllers: client-go's list options tweaks run on every List and Watch of an
    # informer; controller-runtime's map functions and predicates on every event, its health
    # checks on every probe.
    *(f"k8s.io/client-go/tools/cache.{name}" for name in ("NewFilteredListWatchFromClient",)),
    "k8s.io/client-go/informers.WithTweakListOptions",
    "k8s.io/client-go/dynamic/dynamicinformer.NewFilteredDynamicSharedInformerFactory",
    "k8s.io/client-go/metadata/metadatainformer.NewFilteredSharedInformerFactory",
    *(f"sigs.k8s.io/controller-runtime/pkg/handler.{name}" for name in
      ("EnqueueRequestsFromMapFunc", "TypedEnqueueRequestsFromMapFunc")),
    *(f"sigs.k8s.io/controller-runtime/pkg/predicate.{name}" for name in
      ("NewPredicateFuncs", "NewTypedPredicateFuncs")),
    # ... the reconciler a controller builder completes (`Complete(r.reconcileReports())`,
    # a reconcile.Func: trivy-operator), per event once the manager runs ...
    *(f"{path}.{name}" for path in ("sigs.k8s.io/controller-runtime", "sigs.k8s.io/controller-runtime/pkg/builder")
      for name in ("Complete",)),
    # ... and its conversion webhooks' functions, per conversion request.
    "sigs.k8s.io/controller-runtime/pkg/webhook/conversion.NewSpokeConverter",
    # Service frameworks keep a service's functions and run them in the service's own
    # goroutine once it is started (`StartAsync`), beside whatever else is starting: dskit's
    # and cortex's services, oklog/run's actors. errgroup's and WaitGroup's `Go` start a
    # goroutine, like a `go` statement.
    *(f"{services}.{name}" for services in ("github.com/grafana/dskit/services",
                                            "github.com/cortexproject/cortex/pkg/util/services")
      for name in ("NewBasicService", "NewIdleService", "NewTimerService")),
    "github.com/oklog/run.Add", "golang.org/x/sync/errgroup.Go", "sync.Go",
    # ... and apimachinery's `wait.Group` (`g.Start(f)`: a goroutine the group waits for).
    *(f"k8s.io/apimachinery/pkg/util/wait.{name}" for name in ("Start", "StartWithContext", "StartWithChannel")),
    # On a schedule, after startup; apimachinery's `wait.Until` family runs its function every
    # period for the life of the process (a controller's or descheduler's main loop).
    *(f"{cron}.AddFunc" for cron in ("github.com/robfig/cron", "github.com/robfig/cron/v3")),
    # gocron's jobs (`s.Every(20).Seconds().Do(f)`; v2's `gocron.NewTask(f)`), run by its scheduler
    # when due, in its goroutines: zadig's cron service polls its API so, read as not startup.
    *(f"{gocron}.Do" for gocron in ("github.com/jasonlvhit/gocron", "github.com/go-co-op/gocron")),
    "github.com/go-co-op/gocron/v2.NewTask",
    *(f"k8s.io/apimachinery/pkg/util/wait.{name}" for name in
      ("Until", "UntilWithContext", "NonSlidingUntil", "NonSlidingUntilWithContext", "JitterUntil",
       "JitterUntilWithContext", "BackoffUntil", "BackoffUntilWithContext", "Forever")),
    # Not handlers, but the same for the model: the function runs later, on the first call of
    # what these return (SL002's own advice), after a delay, or when a value is collected.
    "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues", "time.AfterFunc", "context.AfterFunc",
    "runtime.SetFinalizer", "runtime.AddCleanup",
    # Callbacks: a WebAssembly program's functions that JavaScript calls, and OPA's custom
    # Rego built-ins, called per policy evaluation.
    "syscall/js.FuncOf",
    *(f"{rego}.{name}" for rego in ("github.com/open-policy-agent/opa/rego", "github.com/open-policy-agent/opa/v1/rego")
      for name in ("Function1", "Function2", "Function3", "Function4", "FunctionDyn", "FunctionN")),
    # Codecs registered for a type run per value encoded or decoded (prometheus registers
    # its API's float encoders with jsoniter in init).
    *(f"{jsoniter}.{name}" for jsoniter in ("github.com/json-iterator/go",)
      for name in ("RegisterTypeEncoderFunc", "RegisterTypeDecoderFunc", "RegisterFieldEncoderFunc",
                   "RegisterFieldDecoderFunc")),
    # Workflow engines' workflows and activities run per task their workers are handed, once a
    # worker polls: Cadence's registrations (package functions, often in `init`: cadence's
    # shard scanner registers its activities so, and an SL003 finding in one was read as not
    # startup) and Temporal's (a worker's or registry's methods).
    *(f"go.uber.org/cadence/{kind}.{name}" for kind in ("activity", "workflow")
      for name in ("Register", "RegisterWithOptions")),
    *(f"go.uber.org/cadence/worker.{name}" for name in ("RegisterActivity", "RegisterActivityWithOptions",
                                                         "RegisterWorkflow", "RegisterWorkflowWithOptions")),
    *(f"go.temporal.io/sdk/worker.{name}" for name in ("RegisterActivity", "RegisterActivityWithOptions",
                                                        "RegisterWorkflow", "RegisterWorkflowWithOptions")),
    # A worker pool's function runs per job it is given (ThreatMapper's registry clients hand
    # tunny their image fetch in init, read as wrong when taken for a call).
    "github.com/Jeffail/tunny.NewFunc",
    # An interactive prompt's executor runs per line entered, its completer per key pressed
    # (pachctl's shell completes local paths, read as wrong when taken for startup).
    *(f"github.com/c-bata/go-prompt.{name}" for name in ("New", "Input", "OptionCompletionWordSeparator")),
    # Metrics observed per collection: OpenTelemetry's callbacks (Meridio's load balancer runs
    # `nfqlb flow-list` in one, read as not startup) and Prometheus' function metrics.
    *(f"go.opentelemetry.io/otel/metric.{name}" for name in ("WithInt64Callback", "WithFloat64Callback",
                                                             "RegisterCallback")),
    *(f"github.com/prometheus/client_golang/prometheus.{name}" for name in
      ("NewGaugeFunc", "NewCounterFunc", "NewUntypedFunc")),
    # A loadable cache's load function runs on a miss.
    *(f"github.com/eko/gocache/lib{version}/cache.NewLoadable" for version in ("", "/v2", "/v3", "/v4")),
    # Nor these, which keep or describe a function without calling it: an interpreter's
    # generated symbol table (yaegi's `Symbols["pkg"] = map[string]reflect.Value{"F":
    # reflect.ValueOf(pkg.F)}`, read in init) would otherwise make every exported function
    # of a module startup code.
    "reflect.ValueOf", "reflect.TypeOf",
)


def handles_requests(signature: str) -> bool:
    """Whether a function (by facts.signature, without qualifiers) is a request handler: its
    parameters begin with net/http's handler's, `(http.ResponseWriter, *http.Request`, or a
    router's `Request` value (httprouter's `func(w, r, httprouter.Params)`, bunrouter's
    `func(w, bunrouter.Request) error`). Its value, passed or stored anywhere, is no startup
    edge, however the registration it goes to is reached (`rt.Server().Mux().HandleFunc("/x",
    h.Serve)`, a receiver the model cannot type)."""
    return signature.split("/", 1)[0].split(",")[:2] in (["ResponseWriter", "*Request"], ["ResponseWriter", "Request"])

# Calls that serve: a program that reaches one (see go.serving) runs until it is stopped, and
# what it runs before is its startup; a program or command that reaches none (a batch CLI,
# a generator, `app list`) is not measured by SL003 and SL008 unless `[startup] programs =
# "all"`. Entries as in HANDLER_REGISTRATIONS ("path.Name": the package function `Name` and a
# method `Name` of any type of the package, `*` any run of characters; "path.Type.Name" names
# the type for the reader, matched as "path.Name"). A method call on a value of unknown type
# counts by its name in a file that imports the package. Controller frameworks' waits for the
# shutdown signal (controller-runtime's `SetupSignalHandler`, wrangler's) mark a controller.
# The standard library's (`signal.Notify`, `NotifyContext`) do not: batch programs catch the
# signal to stop their work cleanly as often as daemons wait for it, and a program that
# listens on no port and runs no server has no readiness for its startup to delay (netassert's
# test run, a chaos experiment and a VM migration helper, each run once per Job, were taken
# for services, and their SL003 and SL008 findings read as wrong).
# The frameworks' waits (functions that return at once); one beside a command framework's
# runner serves nothing by itself (see go.serving).
SIGNAL_WAITS: tuple[str, ...] = (
    "sigs.k8s.io/controller-runtime.SetupSignalHandler",
    "sigs.k8s.io/controller-runtime/pkg/manager/signals.SetupSignalHandler",
    *(f"github.com/rancher/wrangler{v}/pkg/signals.SetupSignalContext" for v in ("", "/v2", "/v3")),
)
_MICRO = ("go-micro.dev/v4", "go-micro.dev/v5", "github.com/micro/go-micro", "github.com/micro/go-micro/v2")
SERVING_CALLS: tuple[str, ...] = (
    # Stream listeners: a UDP socket (`ListenUDP`, `ListenPacket`) is as often a client's (QUIC,
    # STUN dialers open one), so a packet server is told by its other serving calls or the config.
    "net.Listen", "net.ListenTCP", "net.ListenUnix", "net.ListenConfig.Listen", "net/rpc.Accept",
    *(f"{HTTP}.{name}" for name in ("ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS")),
    *(f"{HTTP}.Server.{name}" for name in ("ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS")),
    "google.golang.org/grpc.Server.Serve",
    "sigs.k8s.io/controller-runtime.Manager.Start", "sigs.k8s.io/controller-runtime/pkg/manager.Manager.Start",
    *SIGNAL_WAITS,
    # A client-go informer runs until its stop channel closes: a controller's event loop
    # (directpv's node controller listens on no port).
    "k8s.io/client-go/tools/cache.SharedIndexInformer.Run", "k8s.io/client-go/tools/cache.SharedInformer.Run",
    "github.com/gin-gonic/gin.Engine.Run*",
    *(f"{echo}.Echo.Start*" for echo in ("github.com/labstack/echo/v5", "github.com/labstack/echo/v4",
                                         "github.com/labstack/echo")),
    *(f"{fiber}.App.Listen*" for fiber in ("github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3")),
    *(f"github.com/valyala/fasthttp.{name}" for name in ("ListenAndServe*", "Serve", "ServeTLS")),
    "go.uber.org/fx.App.Run", "go.uber.org/fx.App.Start",
    "github.com/go-kratos/kratos/v2.App.Run",
    *(f"{micro}.Service.Run" for micro in _MICRO),
    *(f"{macaron}.Run" for macaron in ("gopkg.in/macaron.v1", "github.com/go-macaron/macaron",
                                       "github.com/flamego/flamego")),
    *(f"{beego}.Run" for beego in ("github.com/beego/beego/v2/server/web", "github.com/astaxie/beego")),
    *(f"{ssh}.{name}" for ssh in ("github.com/gliderlabs/ssh", "github.com/charmbracelet/ssh")
      for name in ("ListenAndServe", "Serve")),
    "github.com/miekg/dns.Server.ListenAndServe", "github.com/miekg/dns.Server.ActivateAndServe",
    "github.com/soheilhy/cmux.CMux.Serve",
    "github.com/hibiken/asynq.Server.Run", "github.com/hibiken/asynq.Server.Start",
    "go.temporal.io/sdk/worker.Worker.Run", "go.temporal.io/sdk/worker.Worker.Start",
)

# The serving calls that return only when the server stops (the rest open a listener or a
# signal channel and return at once): what their function does after them runs at shutdown.
NON_BLOCKING_SERVING_CALLS: frozenset[str] = frozenset({
    "net.Listen", "net.ListenTCP", "net.ListenUnix", "net.ListenConfig.Listen",
    *SIGNAL_WAITS,
    "go.uber.org/fx.App.Start", "github.com/hibiken/asynq.Server.Start", "go.temporal.io/sdk/worker.Worker.Start",
})

# The words of a manifest's file name, or of the namespace its workload is put in, that make
# it an example to copy or a test's, as a directory of examples or tests is (goldpinger's
# `extras/example-serviceaccounts.yml`, beside its Helm chart; smarter-device-manager's
# `...-pod-k3s-test-xavier.yaml`, pinned to one developer's node; kubeedge's
# `job-conformance.yaml`, a conformance suite's run; serverless-operator's metadata webhook in
# the `serving-tests` namespace, which only its end-to-end scripts apply).
NOT_DEPLOYED_WORDS = frozenset({"example", "examples", "sample", "samples", "test", "tests", "e2e", "conformance"})

# Path components that mark test and tooling code by location: end-to-end apps, fixtures,
# and the programs a project keeps beside its service but never deploys (`hack/` is the
# Kubernetes convention for code generators and release scripts; `examples/` are demos;
# `docs/` holds sample manifests for users, tekton's resolver template; `benchmark/` the load
# generators and exporters a benchmark deploys on a test cluster, volcano's; `demo/` and
# `design/` a demo's and a design proposal's manifests, spire-controller-manager's and
# velero's; `tutorial/` a lesson's, biz-demo's gomall chapters for a local kind cluster; a
# name ending in `-test(s)` or `_test(s)` a suite's, such as rollout-operator's generated
# `rollout-operator-tests/` or `integration_tests/`, and one starting `test-` the
# servers an end-to-end suite deploys, mcp-gateway's `config/test-servers`). An entry may be
# a glob.
# `tools/` and `scripts/` hold developers' programs (m3's `src/cmd/tools`); a package there that
# production code imports is production (see engine.runner._AMBIGUOUS_TEST_DIRS).
# `test_data`: fixtures spelled otherwise than Go's `testdata` (gossamer's RPC tests decode
# their runtime metadata in one such package's init); `test-data` is a `test-*`.
TEST_DIRS: tuple[str, ...] = ("test", "tests", "testing", "e2e", "integration", "*-test", "*-tests", "*_test", "test-*",
                              "test_data",
                              "*_tests", "systemtest", "systemtests", "smoketest", "smoketests", "testutil",
                              "testutils", "testhelpers", "testharness", "fixtures", "hack", "tools", "dev-tools",
                              "devtools", "scripts", "examples",
                              "example", "samples", "tutorial", "tutorials", "docs", "benchmark", "benchmarks", "demo",
                              "demos", "design")


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

# --- reading, decoding, compiling: measurable work (SL002) and run-time input (SL003) ----
#
# What a sync.Once's function must do for SL002 to report it: work whose cost grows with
# its input (a file, a document, a pattern, a process). Each table is by import path, and
# every name is what a call `pkg.Name(...)` does; the decoders reuse the tables above.
READ_CALLS: dict[str, frozenset[str]] = {
    "os": FILE_READS["os"] | {"ReadDir"},
    "io": frozenset({"ReadAll"}),
    "io/ioutil": FILE_READS["io/ioutil"] | {"ReadDir", "ReadAll"},
    "io/fs": FILE_READS["io/fs"] | {"ReadDir", "WalkDir", "Glob"},
    "path/filepath": frozenset({"Walk", "WalkDir", "Glob"}),
}
# Methods that read from a file system whatever the receiver (embed.FS, fs.FS, os.DirFS,
# afero): the name is the fs package's interface.
READ_METHODS: frozenset[str] = frozenset({"ReadFile", "ReadDir"})
DECODE_CALLS: dict[str, frozenset[str]] = {
    **DECODE_FUNCTIONS, **BINARY_DECODE_FUNCTIONS,
    "google.golang.org/protobuf/encoding/protojson": frozenset({"Unmarshal"}),
}
# `Decode` on a decoder of STREAM_DECODERS (`json.NewDecoder(r).Decode(&v)`).
DECODE_METHOD = "Decode"
COMPILE_CALLS: dict[str, frozenset[str]] = {
    "regexp": frozenset({"Compile", "MustCompile", "CompilePOSIX", "MustCompilePOSIX"}),
    **{path: frozenset({"ParseFiles", "ParseGlob", "ParseFS"}) for path in TEMPLATES},
}
# Template methods that parse (`template.New("x").Parse(text)`), in a file importing TEMPLATES.
TEMPLATE_PARSE_METHODS: frozenset[str] = frozenset({"Parse", "ParseFiles", "ParseGlob", "ParseFS"})
# `exec.Command(...)` (or a local set from it) then one of these runs the process and waits.
PROCESS_CONSTRUCTORS: dict[str, frozenset[str]] = {"os/exec": frozenset({"Command", "CommandContext"})}
PROCESS_METHODS: frozenset[str] = frozenset({"Output", "CombinedOutput", "Run"})

# --- run-time input (SL003) ---------------------------------------------------
#
# Calls whose results hold input read at run time, whose size the code cannot know when it is
# written (go.inputs follows them through a function's locals), by (import path, name):
# "read" when the result is what was read (file contents, a directory listing, matched
# names), "derived" when it is cut or parsed from the first argument, and so is input when
# that is. Opening a file is not reading it: os.Open and OpenFile stay out.
_READ_FUNCTIONS = {(path, name) for path, names in READ_CALLS.items() for name in names
                   if name not in {"Open", "OpenFile", "Walk", "WalkDir"}} | \
    {(path, name) for path, name in LIBRARY_SLICES if path in {"os", "io/ioutil", "path/filepath"}
     and name not in {"Args", "Environ", "SplitList"}}
_DERIVED_FUNCTIONS = {(path, name) for path, name in LIBRARY_SLICES if path in {"strings", "bytes", "slices"}} | \
    {(path, name) for path in ("strings", "bytes") for name in ("Lines", "SplitSeq", "FieldsSeq", "TrimSpace")} | \
    {("strconv", name) for name in ("Atoi", "ParseInt", "ParseUint")}
INPUT_SOURCES: dict[tuple[str, str], str] = {
    **{call: "read" for call in _READ_FUNCTIONS},
    **{call: "derived" for call in _DERIVED_FUNCTIONS},
}
# What encodes a value into a document those decoders read: a round trip through one, of a
# value holding no input, reads none.
_MARSHALERS = ("Marshal", "MarshalIndent")
ENCODE_CALLS: dict[str, frozenset[str]] = {path: frozenset(_MARSHALERS) for path in DECODE_CALLS}
# Methods that read, by name alone (the receiver's type is not in the tree): embed.FS's and
# fs.FS's ReadFile, ReadDir and Glob, csv.Reader's ReadAll, *os.File's Readdir/Readdirnames.
INPUT_METHODS: frozenset[str] = READ_METHODS | {"Glob", "ReadAll", "Readdir", "Readdirnames"}
# Decoders that fill the value whose address (or pointer) is their last argument: the package
# functions that decode documents, not those that load configuration (a config's values are
# set by whoever writes it, like flags), and `Decode(&v)` of a stream decoder.
INPUT_DECODERS: dict[str, frozenset[str]] = {
    path: names - CONFIG_LOADERS.get(path, frozenset())
    for path, names in DECODE_CALLS.items()
    if names - CONFIG_LOADERS.get(path, frozenset())
}
INPUT_DECODE_METHODS: frozenset[str] = frozenset({DECODE_METHOD})
# Loops whose condition is one of these methods (`for sc.Scan()`, `for rows.Next()`) run once
# per line or row of input: a slice appended to in them holds input.
INPUT_LOOP_METHODS: frozenset[str] = frozenset({"Scan", "Next"})
# Package functions that cost far more than an append, in time and in garbage: a file system,
# network or process operation, a document encoded or decoded, a pattern or template compiled.
# A loop that calls one on every iteration gains next to nothing from a preallocated slice
# (SL003): algorand's dispenser makes a temporary directory per configured site, threadfin
# round-trips each of its filters through JSON (both read by hand as not worth a change).
_ENCODERS = (*_MARSHALERS, "NewEncoder", "NewDecoder")
COSTLY_CALLS: dict[str, frozenset[str]] = {
    path: frozenset(names) for path, names in {
        **{path: set(names) for path, names in READ_CALLS.items()},
        "os": READ_CALLS["os"] | {"Create", "CreateTemp", "WriteFile", "Mkdir", "MkdirAll", "MkdirTemp", "Remove",
                                  "RemoveAll", "Rename", "Stat", "Lstat", "Chmod", "Chown", "Symlink", "Readlink",
                                  "Link", "Truncate", "StartProcess"},
        "io/ioutil": READ_CALLS["io/ioutil"] | {"WriteFile", "TempDir", "TempFile"},
        "os/exec": {"Command", "CommandContext", "LookPath"},
        "net": {"Dial", "DialTimeout", "DialTCP", "DialUDP", "Listen", "ListenPacket", "LookupHost", "LookupIP",
                "LookupAddr", "LookupCNAME", "LookupSRV", "LookupTXT", "ResolveTCPAddr", "ResolveUDPAddr"},
        HTTP: {"Get", "Post", "PostForm", "Head"},
        **{path: set(names) | set(_ENCODERS) for path, names in DECODE_CALLS.items()},
        **{path: set(names) for path, names in COMPILE_CALLS.items()},
    }.items()
}
