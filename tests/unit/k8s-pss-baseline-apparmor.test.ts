import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-apparmor";
import { container, ephemeralContainer, initContainer, POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const M = "spec.template.metadata";
const KEY = "container.apparmor.security.beta.kubernetes.io/app";
const FIX = "set it to RuntimeDefault or Localhost.";
const ANNOTATION_FIX = "set it to \"runtime/default\" or \"localhost/<profile>\", or remove it and set securityContext.appArmorProfile.type.";
const annotated = (v: unknown) => ({ annotations: { [KEY]: v } });

describe("k8s-pss-baseline-apparmor", () => {
    workloadSuite(policy, {
        spec: podSpec({ securityContext: { appArmorProfile: { type: "Unconfined" } } }),
        podMetadata: annotated("unconfined"),
        want: k => [
            `${k.spec} sets securityContext.appArmorProfile.type: "Unconfined"; ${FIX}`,
            `${k.podMetadata} sets annotations["${KEY}"]: "unconfined"; ${ANNOTATION_FIX}`,
        ],
    });

    runCases(policy, [
        { name: "passes RuntimeDefault and Localhost profiles", spec: podSpec({
            securityContext: { appArmorProfile: { type: "RuntimeDefault" } },
            containers: [container({ securityContext: { appArmorProfile: { type: "Localhost", localhostProfile: "k8s-nginx" } } })],
        }) },
        { name: "passes allowed annotation values", podMetadata: { annotations: {
            [KEY]: "runtime/default",
            "container.apparmor.security.beta.kubernetes.io/init": "localhost/k8s-init",
            "container.apparmor.security.beta.kubernetes.io/side": "",
            "other.example.com/apparmor": "unconfined",
        } } },
        { name: "flags an Unconfined container profile", spec: podSpec({ containers: [container({ securityContext: { appArmorProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.appArmorProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags an init container's profile", spec: podSpec({ initContainers: [initContainer({ securityContext: { appArmorProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.appArmorProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags an ephemeral container's profile", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { appArmorProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.appArmorProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags a profile without a type", spec: podSpec({ securityContext: { appArmorProfile: { localhostProfile: "x" } } }),
            want: [`${S} does not set securityContext.appArmorProfile.type (the profile has no type); ${FIX}`] },
        { name: "flags wrong case (the API rejects it too)", spec: podSpec({ securityContext: { appArmorProfile: { type: "runtimedefault" } } }),
            want: [`${S} sets securityContext.appArmorProfile.type: "runtimedefault"; ${FIX}`] },
        { name: "flags a profile that is not an object", spec: podSpec({ securityContext: { appArmorProfile: untyped("unconfined") } }),
            want: [`${S} sets securityContext.appArmorProfile: "unconfined"; ${FIX}`] },
        { name: "flags an unconfined annotation on a Pod's own metadata", kind: POD, podMetadata: annotated("unconfined"),
            want: [`metadata sets annotations["${KEY}"]: "unconfined"; ${ANNOTATION_FIX}`] },
        { name: "flags each bad annotation", podMetadata: { annotations: { [KEY]: "unconfined", "container.apparmor.security.beta.kubernetes.io/init": "localhost" } }, want: [
            `${M} sets annotations["${KEY}"]: "unconfined"; ${ANNOTATION_FIX}`,
            `${M} sets annotations["container.apparmor.security.beta.kubernetes.io/init"]: "localhost"; ${ANNOTATION_FIX}`,
        ] },
        { name: "flags a non-string annotation value", podMetadata: annotated(1), want: [`${M} sets annotations["${KEY}"]: 1; ${ANNOTATION_FIX}`] },
        { name: "treats a null annotation as empty", podMetadata: annotated(null) },
        { name: "ignores annotations that are not an object", podMetadata: { annotations: [KEY] } },
        { name: "never prints a secret annotation", podMetadata: annotated(secret("unconfined")), want: [`${M} sets annotations["${KEY}"]: [secret]; ${ANNOTATION_FIX}`] },
        { name: "reports only the SDK's note when an annotation is unknown at preview", podMetadata: annotated(unknown),
            unknown: unknownNote(`${M}.annotations.${KEY}`) },
        { name: "reports only the SDK's note when a profile type is unknown at preview", spec: podSpec({ securityContext: { appArmorProfile: { type: unknown } } }),
            unknown: unknownNote(`${S}.securityContext.appArmorProfile.type`) },
    ]);
});
