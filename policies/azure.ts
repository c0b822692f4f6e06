// Azure Container Registry, Key Vault and network resource policies.
import { PackPolicy } from "../lib/policy";

export const azurePolicies: PackPolicy[] = [];
