// The baseline's controls as data (../shared/CONTROLS.md, section 3). Policies cite them by
// id; the docs and the coverage matrix are generated from this list and the policies.

export type ControlId =
    | "IAM-1" | "IAM-2" | "IAM-3" | "IAM-4"
    | "NET-1" | "NET-2" | "NET-3" | "NET-4" | "NET-5" | "NET-6"
    | "DATA-1" | "DATA-2" | "DATA-3"
    | "LOG-1" | "LOG-2" | "LOG-3" | "LOG-4" | "LOG-5"
    | "GOV-1" | "GOV-2" | "GOV-3"
    | "IMG-1" | "IMG-2" | "IMG-3"
    | "NODE-1" | "NODE-2"
    | "POD-1" | "POD-2"
    | "BAK-1" | "BAK-2"
    | "END-1"
    | "CLU-1" | "CLU-2"
    | "OPS-1" | "OPS-2" | "OPS-3";

export interface Control {
    id: ControlId;
    area: string;
    title: string;
    /** What the baseline document asks, condensed. */
    text: string;
    /** Set when no policy can enforce the control from infrastructure code, with the reason. */
    notEnforceable?: string;
    /** Set when only part of the control can be expressed in infrastructure code. */
    partial?: string;
}

export const FRAMEWORK_NAME = "AKS Security Baseline";
export const FRAMEWORK_VERSION = "1.0";

export const controls: readonly Control[] = [
    { id: "IAM-1", area: "Identity and access", title: "Entra ID (AAD) authentication for the API server",
        text: "Integrate AKS with Microsoft Entra ID for user authentication and authorization to the Kubernetes API server." },
    { id: "IAM-2", area: "Identity and access", title: "RBAC and least privilege for users, groups and service accounts",
        text: "Define Kubernetes and Azure RBAC roles and bindings with least privilege; review them regularly.",
        partial: "The regular review of roles is a process; the role definitions and bindings themselves are checked." },
    { id: "IAM-3", area: "Identity and access", title: "Multi-factor authentication for all access",
        text: "Require MFA for all access to the cluster and the Azure resources it uses.",
        notEnforceable: "MFA is enforced by Entra ID Conditional Access, which is not an azure-native, azure or kubernetes resource of the stack. The pack enforces the precondition: Entra ID integration with local accounts disabled, so every login goes through Entra where MFA applies." },
    { id: "IAM-4", area: "Identity and access", title: "Separate identities per application (managed and workload identity)",
        text: "Use managed identities for the cluster and separate workload identities per application instead of shared service principals." },
    { id: "NET-1", area: "Network", title: "VNet integration in a dedicated VNet",
        text: "Deploy the cluster into a virtual network you control to isolate its traffic." },
    { id: "NET-2", area: "Network", title: "Kubernetes network policies",
        text: "Enforce Kubernetes network policies to restrict pod-to-pod traffic to what is allowed." },
    { id: "NET-3", area: "Network", title: "Private Link, private endpoints and private cluster",
        text: "Reach the API server and the Azure services the cluster uses over Azure Private Link, not the public internet." },
    { id: "NET-4", area: "Network", title: "Restricted API server access",
        text: "Limit inbound access to the Kubernetes API server to authorized IP ranges, Bastion or private networks." },
    { id: "NET-5", area: "Network", title: "NSGs restrict inbound and outbound traffic",
        text: "Use network security groups and controlled egress to restrict traffic to and from the cluster network." },
    { id: "NET-6", area: "Network", title: "API server on the minimum ports",
        text: "Expose the Kubernetes API server on the minimum necessary ports.",
        partial: "The AKS API server is a managed endpoint on port 443 that customer NSGs cannot front (the baseline's 6443 does not apply to AKS); the pack restricts who can reach it (private cluster, authorized IP ranges) and NSG rules that open management ports." },
    { id: "DATA-1", area: "Data protection", title: "Encryption at rest",
        text: "Encrypt node disks, persistent volumes and registry content at rest, with customer-managed keys where required." },
    { id: "DATA-2", area: "Data protection", title: "TLS in transit",
        text: "Use TLS for all data in transit inside and outside the cluster.",
        partial: "Ingress TLS is checkable; pod-to-pod encryption (mTLS, WireGuard) has no setting in the GA AKS API." },
    { id: "DATA-3", area: "Data protection", title: "Secrets in Key Vault and KMS, none in manifests or images",
        text: "Keep secrets in Azure Key Vault or Kubernetes secrets encrypted with KMS; never in manifests or images.",
        partial: "Detecting credentials written as literals is heuristic (name and pattern based)." },
    { id: "LOG-1", area: "Logging and monitoring", title: "Azure Monitor and Container Insights",
        text: "Send cluster metrics and container logs to Azure Monitor and a Log Analytics workspace." },
    { id: "LOG-2", area: "Logging and monitoring", title: "Control-plane diagnostic settings",
        text: "Enable diagnostic settings to capture API server, audit, controller manager and other control-plane logs." },
    { id: "LOG-3", area: "Logging and monitoring", title: "Microsoft Defender for Cloud",
        text: "Enable Defender for Cloud (Defender for Containers) to monitor security configuration and detect threats." },
    { id: "LOG-4", area: "Logging and monitoring", title: "SIEM (Sentinel) integration",
        text: "Integrate monitoring with a SIEM such as Microsoft Sentinel for centralized security analysis.",
        partial: "Only the presence of a Sentinel onboarding for the stack's workspace can be checked; the workspace is often managed elsewhere." },
    { id: "LOG-5", area: "Logging and monitoring", title: "RBAC audit logging",
        text: "Enable audit logging of RBAC actions in the cluster (kube-audit logs)." },
    { id: "GOV-1", area: "Governance", title: "Azure Policy for AKS",
        text: "Use Azure Policy and the Azure Policy add-on to enforce security configuration on the cluster." },
    { id: "GOV-2", area: "Governance", title: "Regular security assessments",
        text: "Conduct regular security assessments and audits.",
        notEnforceable: "A recurring process performed by people; no resource property expresses it." },
    { id: "GOV-3", area: "Governance", title: "Data governance with Microsoft Purview",
        text: "Use Microsoft Purview to govern and classify data.",
        notEnforceable: "Purview is an organization-level service; the Microsoft cloud security benchmark baseline for AKS marks data discovery and classification as not supported for AKS (DP-1)." },
    { id: "IMG-1", area: "Images", title: "Trusted registry and vulnerability scanning",
        text: "Pull images only from Azure Container Registry (or another trusted registry) and scan them for vulnerabilities.",
        partial: "Scan results are runtime data; the pack requires the scanning plan, registry hardening and trusted image sources." },
    { id: "IMG-2", area: "Images", title: "Image signing and verification",
        text: "Sign container images and verify signatures before deployment.",
        partial: "ACR content trust (Docker Content Trust) is deprecated (removal 2028-03-31) and cannot be combined with customer-managed keys; Notation/Ratify image integrity is preview-only and verified in the cluster, not in infrastructure code." },
    { id: "IMG-3", area: "Images", title: "Regularly updated images, no mutable tags",
        text: "Keep images updated with security fixes; pin images and remove stale ones.",
        partial: "Updating images regularly is a process; pinned tags, pull policy, Image Cleaner and registry retention are checked." },
    { id: "NODE-1", area: "Nodes", title: "Node image upgrades, patching and supported versions",
        text: "Apply node image and security updates automatically and stay on a supported Kubernetes version." },
    { id: "NODE-2", area: "Nodes", title: "Restricted SSH to nodes",
        text: "Restrict SSH access to nodes; use key-based authentication and Bastion.",
        partial: "The classic azure provider (6.x) exposes no SSH-access setting for node pools." },
    { id: "POD-1", area: "Pods", title: "Pod Security Admission / Pod Security Standards",
        text: "Enforce Pod Security Standards (PodSecurityPolicy was removed in Kubernetes 1.25)." },
    { id: "POD-2", area: "Pods", title: "Least-privileged containers",
        text: "Run containers with the least privileged user and capabilities necessary." },
    { id: "BAK-1", area: "Backup and recovery", title: "Regular backups (AKS Backup or Velero)",
        text: "Back up Kubernetes configuration and persistent volumes regularly." },
    { id: "BAK-2", area: "Backup and recovery", title: "Disaster recovery plan, tested",
        text: "Develop and test a disaster recovery plan.",
        notEnforceable: "A plan and its tests are a process; no resource property expresses them." },
    { id: "END-1", area: "Endpoint security", title: "Secured workstations and Defender for Endpoint",
        text: "Secure the workstations and devices that access the cluster with endpoint protection.",
        notEnforceable: "Workstations are not Azure or Kubernetes resources of the stack (MCSB ES-1..3 are not applicable to AKS)." },
    { id: "CLU-1", area: "Cluster", title: "Disable unused Kubernetes APIs",
        text: "Disable unused Kubernetes APIs to reduce the attack surface.",
        partial: "AKS cannot disable API groups; the pack flags alpha, beta and removed API versions and unused insecure add-ons." },
    { id: "CLU-2", area: "Cluster", title: "Managed cluster DNS (kube-dns / CoreDNS)",
        text: "Use a cluster DNS add-on to manage DNS inside the cluster securely.",
        notEnforceable: "CoreDNS is deployed and managed by AKS on every cluster; there is no setting to check." },
    { id: "OPS-1", area: "Operations", title: "Security automation (Azure Automation, GitOps)",
        text: "Automate security practices with Azure Automation or GitOps tools.",
        notEnforceable: "A way of working; the presence of a GitOps extension does not prove the control." },
    { id: "OPS-2", area: "Operations", title: "Runtime defence",
        text: "Deploy a runtime defence solution for containers.",
        notEnforceable: "Only the presence of a third-party chart could be detected, which does not prove runtime protection; Defender for Containers (LOG-3) covers the managed option." },
    { id: "OPS-3", area: "Operations", title: "Secure coding practices",
        text: "Follow secure coding practices in containerized applications.",
        notEnforceable: "Application source code is outside infrastructure code." },
];

const byId = new Map(controls.map(c => [c.id, c]));

export function control(id: ControlId): Control {
    const c = byId.get(id);
    if (!c) {
        throw new Error(`unknown control ${id}`);
    }
    return c;
}
