import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-host-path-volumes";
import { POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "use a persistentVolumeClaim, configMap, secret, emptyDir or CSI volume instead.";

describe("k8s-pss-baseline-host-path-volumes", () => {
    workloadSuite(policy, {
        spec: podSpec({ volumes: [{ name: "tmp", emptyDir: {} }, { name: "docker", hostPath: { path: "/var/run/docker.sock" } }] }),
        want: k => [`${k.spec}.volumes[1] ("docker") sets hostPath: {"path":"/var/run/docker.sock"}; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes other volume types", spec: podSpec({ volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }, { name: "cfg", configMap: { name: "cfg" } }, { name: "nfs", nfs: { server: "nfs", path: "/" } }] }) },
        { name: "passes a pod without volumes", spec: podSpec({ volumes: undefined }) },
        { name: "flags every hostPath volume, on a Pod", kind: POD, spec: podSpec({ volumes: [{ name: "a", hostPath: { path: "/a" } }, { name: "b", hostPath: { path: "/b", type: "Directory" } }] }), want: [
            `spec.volumes[0] ("a") sets hostPath: {"path":"/a"}; ${FIX}`,
            `spec.volumes[1] ("b") sets hostPath: {"path":"/b","type":"Directory"}; ${FIX}`,
        ] },
        { name: "flags an empty hostPath object", spec: podSpec({ volumes: [{ name: "a", hostPath: {} }] }), want: [`${S}.volumes[0] ("a") sets hostPath: {}; ${FIX}`] },
        { name: "flags a malformed hostPath", spec: podSpec({ volumes: [{ name: "a", hostPath: untyped("/etc") }] }), want: [`${S}.volumes[0] ("a") sets hostPath: "/etc"; ${FIX}`] },
        { name: "names a volume without a name by its path", spec: podSpec({ volumes: [{ hostPath: { path: "/a" } }] }), want: [`${S}.volumes[0] sets hostPath: {"path":"/a"}; ${FIX}`] },
        { name: "treats hostPath: null as unset", spec: podSpec({ volumes: [{ name: "a", hostPath: null }] }) },
        { name: "ignores volumes that are not a list", spec: podSpec({ volumes: untyped({ a: { hostPath: { path: "/" } } }) }) },
        { name: "never prints a secret path", spec: podSpec({ volumes: [{ name: "a", hostPath: secret({ path: "/secret" }) }] }), want: [`${S}.volumes[0] ("a") sets hostPath: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when the volumes are unknown at preview", spec: podSpec({ volumes: unknown }), unknown: unknownNote(`${S}.volumes`) },
        { name: "passes when a non-hostPath source is unknown at preview", spec: podSpec({ volumes: [{ name: "cfg", configMap: { name: unknown } }] }) },
    ]);
});
