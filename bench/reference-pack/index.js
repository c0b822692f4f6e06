"use strict";
// The benchmark's reference pack: what the smallest useful CrossGuard pack costs. ONE resource
// policy, plain compiled JavaScript, the same @pulumi/policy and @pulumi/pulumi as the main pack.
// There is no node_modules here on purpose: Node resolves both packages (and the CLI's
// run-policy-pack runner) from /work/main/node_modules by walking up from this directory, exactly
// as it resolves the main pack's; bench/run.ts checks that both resolve to the same files.
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("reference-pack", {
    policies: [
        {
            name: "reference-aks-rbac-enabled",
            description: "AKS clusters keep Kubernetes RBAC enabled.",
            enforcementLevel: "advisory",
            validateResource: (args, reportViolation) => {
                if (args.type !== "azure-native:containerservice:ManagedCluster") {
                    return;
                }
                if (args.props.enableRBAC === false) {
                    reportViolation("The cluster sets enableRBAC: false; set it to true.");
                }
            },
        },
    ],
});
