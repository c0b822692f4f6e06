import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-volume-types";
import { POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "use a persistentVolumeClaim, csi, configMap, secret, projected, downwardAPI, emptyDir, ephemeral or image volume instead.";
const volumes = (...v: unknown[]) => podSpec({ volumes: untyped(v) });

describe("k8s-pss-restricted-volume-types", () => {
    workloadSuite(policy, {
        spec: volumes({ name: "tmp", emptyDir: {} }, { name: "share", azureFile: { secretName: "sa", shareName: "data" } }),
        want: k => [`${k.spec}.volumes[1] ("share") sets azureFile: {"secretName":"sa","shareName":"data"}; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes every allowed type, and a volume without a source (an emptyDir)", spec: volumes(
            { name: "none" },
            { name: "a", configMap: { name: "cfg" } },
            { name: "b", csi: { driver: "secrets-store.csi.k8s.io", readOnly: true } },
            { name: "c", downwardAPI: { items: [] } },
            { name: "d", emptyDir: { medium: "Memory" } },
            { name: "e", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } },
            { name: "f", image: { reference: "registry.example.com/data:1" } },
            { name: "g", persistentVolumeClaim: { claimName: "data" } },
            { name: "h", projected: { sources: [] } },
            { name: "i", secret: { secretName: "tls" } },
        ) },
        { name: "flags hostPath, on a Pod", kind: POD, spec: volumes({ name: "host", hostPath: { path: "/dev/null" } }), want: [`spec.volumes[0] ("host") sets hostPath: {"path":"/dev/null"}; ${FIX}`] },
        { name: "flags each volume of another type, in order", spec: volumes(
            { name: "nfs", nfs: { server: "nfs", path: "/" } },
            { name: "ok", secret: { secretName: "s" } },
            { name: "disk", azureDisk: { diskName: "d", diskURI: "https://d" } },
            { name: "git", gitRepo: { repository: "https://example.com/r.git" } },
        ), want: [
            `${S}.volumes[0] ("nfs") sets nfs: {"server":"nfs","path":"/"}; ${FIX}`,
            `${S}.volumes[2] ("disk") sets azureDisk: {"diskName":"d","diskURI":"https://d"}; ${FIX}`,
            `${S}.volumes[3] ("git") sets gitRepo: {"repository":"https://example.com/r.git"}; ${FIX}`,
        ] },
        { name: "flags an unknown source key", spec: volumes({ name: "x", madeUp: {} }), want: [`${S}.volumes[0] ("x") sets madeUp: {}; ${FIX}`] },
        { name: "flags the disallowed source of a volume that also has an allowed one", spec: volumes({ name: "x", emptyDir: {}, hostPath: { path: "/" } }),
            want: [`${S}.volumes[0] ("x") sets hostPath: {"path":"/"}; ${FIX}`] },
        { name: "ignores null sources", spec: volumes({ name: "x", nfs: null, emptyDir: {} }) },
        { name: "names a volume without a name by its path", spec: volumes({ nfs: { server: "a", path: "/" } }), want: [`${S}.volumes[0] sets nfs: {"server":"a","path":"/"}; ${FIX}`] },
        { name: "ignores volume entries that are not objects", spec: volumes("nfs", 7) },
        { name: "ignores volumes that are not a list", spec: podSpec({ volumes: untyped({ nfs: { server: "a" } }) }) },
        { name: "never prints a secret source", spec: volumes({ name: "x", nfs: secret({ server: "10.0.0.1", path: "/" }) }), want: [`${S}.volumes[0] ("x") sets nfs: [secret]; ${FIX}`] },
        { name: "does not read an allowed source that is unknown at preview", spec: volumes({ name: "s", secret: unknown }) },
        { name: "reports only the SDK's note when another source is unknown at preview", spec: volumes({ name: "n", nfs: unknown }), unknown: unknownNote(`${S}.volumes.0.nfs`) },
    ]);
});
