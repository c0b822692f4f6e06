import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-host-probes-lifecycle";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "remove it so the kubelet connects to the pod's own IP.";

describe("k8s-pss-baseline-host-probes-lifecycle", () => {
    workloadSuite(policy, {
        spec: podSpec({ containers: [container({ livenessProbe: { httpGet: { host: "169.254.169.254", port: 80, path: "/metadata" } } })] }),
        want: k => [`${k.spec}.containers[0] ("app") sets livenessProbe.httpGet.host: "169.254.169.254"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes probes and hooks without a host", spec: podSpec({ containers: [container({
            livenessProbe: { httpGet: { port: 8080, path: "/healthz" } },
            readinessProbe: { tcpSocket: { port: 8080 } },
            startupProbe: { exec: { command: ["true"] } },
            lifecycle: { preStop: { sleep: { seconds: 5 } }, postStart: { httpGet: { port: 8080 } } },
        })] }) },
        { name: "passes an empty host", spec: podSpec({ containers: [container({ readinessProbe: { httpGet: { host: "", port: 8080 } } })] }) },
        { name: "flags every probe and hook host of a container, in order", spec: podSpec({ containers: [container({
            livenessProbe: { httpGet: { host: "a", port: 1 }, tcpSocket: { host: "b", port: 2 } },
            readinessProbe: { tcpSocket: { host: "8.8.8.8", port: 53 } },
            startupProbe: { httpGet: { host: "localhost", port: 3 } },
            lifecycle: { postStart: { httpGet: { host: "bad.host", port: 4 } }, preStop: { tcpSocket: { host: "::1", port: 5 } } },
        })] }), want: [
            `${S}.containers[0] ("app") sets livenessProbe.httpGet.host: "a"; ${FIX}`,
            `${S}.containers[0] ("app") sets livenessProbe.tcpSocket.host: "b"; ${FIX}`,
            `${S}.containers[0] ("app") sets readinessProbe.tcpSocket.host: "8.8.8.8"; ${FIX}`,
            `${S}.containers[0] ("app") sets startupProbe.httpGet.host: "localhost"; ${FIX}`,
            `${S}.containers[0] ("app") sets lifecycle.postStart.httpGet.host: "bad.host"; ${FIX}`,
            `${S}.containers[0] ("app") sets lifecycle.preStop.tcpSocket.host: "::1"; ${FIX}`,
        ] },
        { name: "flags an init container (a sidecar's probe)", spec: podSpec({ initContainers: [initContainer({ restartPolicy: "Always", readinessProbe: { tcpSocket: { host: "8.8.8.8", port: 53 } } })] }),
            want: [`${S}.initContainers[0] ("init") sets readinessProbe.tcpSocket.host: "8.8.8.8"; ${FIX}`] },
        { name: "does not look at ephemeral containers, which may not have probes or hooks", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ livenessProbe: { httpGet: { host: "x", port: 1 } } })] }) },
        // malformed
        { name: "flags a non-string host", spec: podSpec({ containers: [container({ livenessProbe: { httpGet: { host: untyped(127), port: 80 } } })] }),
            want: [`${S}.containers[0] ("app") sets livenessProbe.httpGet.host: 127; ${FIX}`] },
        { name: "treats host: null as unset", spec: podSpec({ containers: [container({ livenessProbe: { httpGet: { host: null, port: 80 } } })] }) },
        { name: "ignores a probe that is not an object", spec: podSpec({ containers: [container({ livenessProbe: untyped("http://bad.host/") })] }) },
        // secrets and unknowns
        { name: "never prints a secret host", spec: podSpec({ containers: [container({ livenessProbe: { httpGet: { host: secret("10.0.0.1"), port: 80 } } })] }),
            want: [`${S}.containers[0] ("app") sets livenessProbe.httpGet.host: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when a host is unknown at preview", spec: podSpec({ containers: [container({ livenessProbe: { httpGet: { host: unknown, port: 80 } } })] }),
            unknown: unknownNote(`${S}.containers.0.livenessProbe.httpGet.host`) },
    ]);
});
