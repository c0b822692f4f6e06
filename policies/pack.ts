// The pack's own metadata, shared by index.ts (served to the engine) and the docs.
import type { PolicyPackArgs } from "@pulumi/policy";

export const pack: { name: string; args: Omit<PolicyPackArgs, "policies"> } = {
    name: "aks-security-baseline",
    args: {
        displayName: "AKS Security Baseline",
        description:
            "Holds every Azure (azure-native and classic azure) and Kubernetes resource of a stack to the AKS security baseline: " +
            "identity, network exposure, encryption, monitoring, governance, images and pod security.",
        readme: [
            "# AKS Security Baseline",
            "",
            "Checks AKS clusters, node pools and the resources around them against the AKS security baseline,",
            "for the azure-native provider (every API version and token form), the classic azure provider (v5 and v6)",
            "and Kubernetes workloads.",
            "",
            "Every violation names the property path in your provider, the value found and the value to write.",
            "Tune levels and settings per policy with `--policy-pack-config` or in Pulumi Cloud policy groups;",
            "the policy reference lists each policy's controls, defaults and remediation.",
        ].join("\n"),
        provider: "azure",
        tags: ["azure", "aks", "kubernetes", "security", "baseline"],
        repository: "https://github.com/aks-security-baseline/aks-security-baseline",
    },
};
