export const HELP = `route-designer — design, review and check Kubernetes traffic routing (Gateway API and Istio)

Usage:
  route-designer validate FILE...   diagnostics for every document: YAML syntax, the CRD schemas,
                                    the Gateway API CEL rules
                                    exit 0 no errors (warnings allowed), 1 errors, 2 unusable input/usage

FILE is a file, a directory (its *.yaml, *.yml and *.json files, recursively) or - (stdin).

Options:
  --format text|json     output format (default text; text is file:line:col: severity CODE message)
  -n, --namespace NS     namespace of objects that name none (default: default)
  --assume-external      treat referenced Services, Secrets and GatewayClasses absent from the
                         design as present and valid
  -h, --help             this help
  --version              the version
`;
