import { describe, expect, it } from 'vitest';
import canary from '../../../../public/examples/canary.yaml?raw';
import crossNamespace from '../../../../public/examples/cross-namespace.yaml?raw';
import headerRouting from '../../../../public/examples/header-routing.yaml?raw';
import httpsRedirect from '../../../../public/examples/https-redirect.yaml?raw';
import istioSubsets from '../../../../public/examples/istio-subsets.yaml?raw';
import meshRoute from '../../../../public/examples/mesh-route.yaml?raw';
import shop from '../../../../public/examples/shop.yaml?raw';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeConflictingGateways } from './conflicting-gateways.js';
import { analyzeConflictingPortProtocol } from './conflicting-port-protocol.js';
import { analyzeCredentialNotFound } from './credential-not-found.js';
import { analyzeDuplicateCertificate } from './duplicate-certificate.js';
import { analyzeInvalidCredential } from './invalid-credential.js';
import { analyzeNoCaCertificate } from './no-ca-certificate.js';
import { analyzeServiceEntryAddresses } from './service-entry-addresses.js';

const ANALYZERS = [analyzeConflictingGateways, analyzeDuplicateCertificate, analyzeCredentialNotFound, analyzeInvalidCredential, analyzeServiceEntryAddresses, analyzeConflictingPortProtocol, analyzeNoCaCertificate];
const EXAMPLES = { canary, crossNamespace, headerRouting, httpsRedirect, istioSubsets, meshRoute, shop };

// A false problem on a published example is a bug.
describe('the gateway, ServiceEntry and DestinationRule checks on the app’s examples', () => {
  it.each(Object.entries(EXAMPLES))('%s', (_, text) => {
    const input = analyzerInput(text);
    expect(where(ANALYZERS.flatMap((a) => a(input)))).toEqual([]);
  });
});

// Istio's samples (istio/istio samples/), in the shapes that meet these checks.
describe('… and on Istio’s samples', () => {
  it('Bookinfo’s gateway and destination rules, httpbin behind a TLS gateway with its Secret in istio-system', () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: mygateway, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: https, protocol: HTTPS}, tls: {mode: SIMPLE, credentialName: httpbin-credential}, hosts: [httpbin.example.com]}]
---
apiVersion: v1
kind: Secret
metadata: {name: httpbin-credential, namespace: istio-system}
type: kubernetes.io/tls
data: {tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1BQUEKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQ==, tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCkFBQUEKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQ==}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: googleapis, namespace: default}
spec:
  hosts: [www.googleapis.com]
  ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]
  resolution: DNS
`;
    const input = analyzerInput(yaml);
    expect(where(ANALYZERS.flatMap((a) => a(input)))).toEqual([]);
  });

  it('Bookinfo’s TLS origination to googleapis (a public CA) is a note, not a warning', () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: originate-tls-for-googleapis, namespace: default}
spec:
  host: www.googleapis.com
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    portLevelSettings: [{port: {number: 443}, tls: {mode: SIMPLE}}]
`;
    expect(ANALYZERS.flatMap((a) => a(analyzerInput(yaml))).map((d) => `${d.severity} ${d.istioCode ?? ''}`)).toEqual(['info IST0129']);
  });
});
