// Kubernetes workload and cluster-object policies other than the Pod Security Standards.
import { PackPolicy } from "../lib/policy";

export const kubernetesPolicies: PackPolicy[] = [];
