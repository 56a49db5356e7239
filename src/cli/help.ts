export const HELP = `route-designer — design, review and check Kubernetes traffic routing (Gateway API and Istio)

Usage:
  route-designer validate FILE...   the reviewer's verdict: YAML syntax, what the API server refuses
                                    (CRD schemas, CEL rules, names), what a controller writes in status
                                    (unresolved references, routes not accepted), what istioctl analyze
                                    reports (the line ends with [IST0101]) and rules no request reaches;
                                    a design with YAML errors gets the first two only
                                    exit 0 no errors (warnings allowed), 1 errors, 2 unusable input/usage
  route-designer status FILE...     the status a conformant controller would write on every Gateway API
                                    object (GatewayClass, Gateway, ListenerSet, routes, BackendTLSPolicy);
                                    --format json prints a v1 List; exit 0, 2 unusable input/usage
  route-designer simulate FILE... --request 'GET https://shop.example.com/cart?id=1'
                                    which backend a request hits, and why (Gateway API and Istio); exit 0 with an
                                    answer whatever its status, 2 unusable input/usage
      --request TEXT                'METHOD http(s)://host[:port]/path?query' (method default GET; port
                                    1-65535 in decimal, no user:password@, IDN hosts sent as punycode),
                                    'GRPC grpc://host:port/pkg.Service/Method' (grpcs:// over TLS),
                                    'TLS tls://sni:port', 'TCP tcp://host:port', 'UDP udp://host:port'
      -H, --header 'name: value'    a request header (repeatable; no CR, LF or other control character);
                                    'Host: name' overrides the authority (in the mesh the request still
                                    goes to the URL's Service; the Host is what routes match)
      --sni NAME                    TLS server name (default: the URL's host)
      --gateway NS/NAME             the gateway that receives the request (default: the first by
                                    namespace/name whose listeners accept it)
      --mesh --from NS/WORKLOAD     send the request inside the mesh from a workload in NS to the Service
                                    named by the URL's host (short names resolve in NS); TLS connections
                                    there take --sni
      --from-labels k=v,...         labels of that workload (Istio sourceLabels)
      --backend-status LIST         how the backend answers each try, the last repeating, e.g. 503,503,200:
                                    HTTP statuses, gRPC status names (UNAVAILABLE…), reset,
                                    connect-failure, refused-stream; the answer then lists each attempt
                                    (retried or not, and why) and when the client gets its status, after
                                    the rule's timeouts, retries and faults (default: 200 at once)
      --backend-delay LIST          each try's time to answer, the last repeating, e.g. 2s or 2s,0s
  route-designer test TESTS.yaml FILE...
                                    route tests kept in git: each case of TESTS.yaml (a request in simulate's
                                    terms and what it must get: status, route, backends and shares, redirect,
                                    path, host, headers) simulated on the design; a failing case is printed
                                    with what differed and the simulator's trace; --format json prints
                                    {"cases": [...], "passed": n, "failed": n}
                                    exit 0 all hold, 1 any fails, 2 unusable tests file/input/usage
  route-designer diff OLD NEW       which requests behave differently between two versions of a design
                                    (OLD, NEW: a file, a directory or -): each class of requests whose
                                    answer changes, with one request of it as simulate flags and the answer
                                    before and after; then controller status changes and problems added and
                                    fixed; --format json|markdown (markdown: a pull-request comment)
                                    exit 0 no request changes, 4 some do, 1 a version cannot be read (YAML
                                    errors), 2 unusable input/usage (no Kubernetes object in either)
      --git REV [PATH...]           OLD is PATH... (default .) at git revision REV, NEW the working tree's
                                    files there (tracked or untracked, not ignored); paths as git takes them,
                                    relative to the current directory
  route-designer convert FILE... --to gateway-api|istio [--subsets-as-services]
                                    the design in the other dialect: YAML on stdout, the loss report on
                                    stderr (file:line:col: loss CODE message); --format json prints
                                    {"items": [...], "loss": [...]}
                                    exit 0 lossless, 3 something lost, 1 input has errors, 2 unusable input/usage
      --to gateway-api|istio        the dialect to convert to
      --subsets-as-services         one Service per DestinationRule subset (named S-SUBSET) instead of a
                                    loss entry

FILE is a file, a directory (its *.yaml, *.yml and *.json files, recursively) or - (stdin).
Only regular files are read: a FIFO, socket or device named as FILE is refused (pipe it in with -),
one inside a directory is skipped with a note. UTF-8, or UTF-16/UTF-32 with a byte order mark.
No Kubernetes object in the input (an empty file or directory, a mistyped path): exit 2.
A file that cannot be read, or output that cannot be written: one line on stderr, exit 2.
Control characters from the input are printed escaped (\\n, \\x1b, \\u202e).

Options:
  --format text|json     output format (default text; validate's text is file:line:col: severity CODE message)
  -n, --namespace NS     namespace of objects that name none (default: default)
  --assume-external      treat referenced Services, Secrets and GatewayClasses absent from the
                         design as present and valid (validate, status, simulate, test, diff)
  --target TEXT          the cluster the design is meant for, e.g. gateway-api=v1.5,channel=standard,
                         implementation=cilium@1.20 (each part optional): gateway-api=v1.2…v1.6 (default
                         the newest), channel=standard|experimental (default experimental),
                         implementation=PROJECT[@VERSION] (as its conformance report names it; default
                         as without --target), istio=1.22…1.29; validate and diff judge the design
                         for it, simulate and test follow its behaviour, convert writes what it
                         serves; named in the output (text: a 'target:' heading, JSON: "target":
                         {"text", "description"})
  -h, --help             this help
  --version              the version
`;
