// Large literal data of the AKS baseline reference implementation (mspnp/aks-baseline), kept out of
// index.ts for readability. Generated mechanically from the source files named on each export
// (Bicep literals parsed to JSON; YAML ConfigMaps parsed with js-yaml); values are unchanged.

// workload-team/modules/alerts.bicep: kubernetesAlertRuleGroupName_Pod_level properties.rules
export const podLevelRules = [
    {
        "alert": "KubeJobStale",
        "expression": "sum by(namespace,cluster)(kube_job_spec_completions{job=\"kube-state-metrics\"}) - sum by(namespace,cluster)(kube_job_status_succeeded{job=\"kube-state-metrics\"})  > 0 ",
        "for": "PT360M",
        "annotations": {
            "description": "Number of stale jobs older than six hours is greater than 0. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeContainerAverageCPUHigh",
        "expression": "sum (rate(container_cpu_usage_seconds_total{image!=\"\", container!=\"POD\"}[5m])) by (pod,cluster,container,namespace) / sum(container_spec_cpu_quota{image!=\"\", container!=\"POD\"}/container_spec_cpu_period{image!=\"\", container!=\"POD\"}) by (pod,cluster,container,namespace) > .95",
        "for": "PT5M",
        "annotations": {
            "description": "Average CPU usage per container is greater than 95%. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeContainerAverageMemoryHigh",
        "expression": "avg by (namespace, controller, container, cluster)(((container_memory_working_set_bytes{container!=\"\", image!=\"\", container!=\"POD\"} / on(namespace,cluster,pod,container) group_left kube_pod_container_resource_limits{resource=\"memory\", node!=\"\"})*on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, \"controller\", \"$1\", \"owner_name\", \"(.*)\")) > .95)",
        "for": "PT10M",
        "annotations": {
            "description": "Average Memory usage per container is greater than 95%. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePodFailedState",
        "expression": "sum by (cluster, namespace, controller) (kube_pod_status_phase{phase=\"failed\"} * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, \"controller\", \"$1\", \"owner_name\", \"(.*)\"))  > 0",
        "for": "PT5M",
        "annotations": {
            "description": "Number of pods in failed state are greater than 0. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePVUsageHigh",
        "expression": "avg by (namespace, controller, container, cluster)(((kubelet_volume_stats_used_bytes{job=\"kubelet\"} / on(namespace,cluster,pod,container) group_left kubelet_volume_stats_capacity_bytes{job=\"kubelet\"}) * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, \"controller\", \"$1\", \"owner_name\", \"(.*)\"))) > .8",
        "for": "PT15M",
        "annotations": {
            "description": "Average PV usage on pod {{ $labels.pod }} in container {{ $labels.container }}  is greater than 80%. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePodReadyStateLow",
        "expression": "sum by (cluster,namespace,deployment)(kube_deployment_status_replicas_ready) / sum by (cluster,namespace,deployment)(kube_deployment_spec_replicas) <.8 or sum by (cluster,namespace,deployment)(kube_daemonset_status_number_ready) / sum by (cluster,namespace,deployment)(kube_daemonset_status_desired_number_scheduled) <.8 ",
        "for": "PT5M",
        "annotations": {
            "description": "Ready state of pods is less than 80%. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePodContainerRestart",
        "expression": "sum by (namespace, controller, container, cluster)(increase(kube_pod_container_status_restarts_total{job=\"kube-state-metrics\"}[1h])* on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, \"controller\", \"$1\", \"owner_name\", \"(.*)\")) > 0",
        "for": "PT15M",
        "annotations": {
            "description": "Pod container restarted in the last 1 hour. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePodCrashLooping",
        "expression": "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\", job=\"kube-state-metrics\"}[5m]) >= 1",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) in {{ $labels.cluster}} is restarting {{ printf \"%.2f\" $value }} / second. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePodNotReadyByController",
        "expression": "sum by (namespace, controller, cluster) (max by(namespace, pod, cluster) (kube_pod_status_phase{job=\"kube-state-metrics\", phase=~\"Pending|Unknown\"}  ) * on(namespace, pod, cluster) group_left(controller)label_replace(kube_pod_owner,\"controller\",\"$1\",\"owner_name\",\"(.*)\")) > 0",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $labels.namespace }}/{{ $labels.pod }} in {{ $labels.cluster}} by controller is not ready. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeStatefulSetGenerationMismatch",
        "expression": "kube_statefulset_status_observed_generation{job=\"kube-state-metrics\"} != kube_statefulset_metadata_generation{job=\"kube-state-metrics\"}",
        "for": "PT15M",
        "annotations": {
            "description": "StatefulSet generation for {{ $labels.namespace }}/{{ $labels.statefulset }} does not match, this indicates that the StatefulSet has failed but has not been rolled back. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeJobFailed",
        "expression": "kube_job_failed{job=\"kube-state-metrics\"}  > 0",
        "for": "PT15M",
        "annotations": {
            "description": "Job {{ $labels.namespace }}/{{ $labels.job_name }} in {{ $labels.cluster}} failed to complete. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeletPodStartUpLatencyHigh",
        "expression": "histogram_quantile(0.99, sum(rate(kubelet_pod_worker_duration_seconds_bucket{job=\"kubelet\"}[5m])) by (cluster, instance, le)) * on(cluster, instance) group_left(node) kubelet_node_name{job=\"kubelet\"} > 60",
        "for": "PT10M",
        "annotations": {
            "description": "Kubelet Pod startup latency is too high. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeDeploymentReplicasMismatch",
        "expression": "(  kube_deployment_spec_replicas{job=\"kube-state-metrics\"}    >  kube_deployment_status_replicas_available{job=\"kube-state-metrics\"}) and (  changes(kube_deployment_status_replicas_updated{job=\"kube-state-metrics\"}[10m])    ==  0)",
        "for": "PT15M",
        "annotations": {
            "description": "Deployment {{ $labels.namespace }}/{{ $labels.deployment }} in {{ $labels.cluster}} replica mismatch. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeStatefulSetReplicasMismatch",
        "expression": "(  kube_statefulset_status_replicas_ready{job=\"kube-state-metrics\"}    !=  kube_statefulset_status_replicas{job=\"kube-state-metrics\"}) and (  changes(kube_statefulset_status_replicas_updated{job=\"kube-state-metrics\"}[10m])    ==  0)",
        "for": "PT15M",
        "annotations": {
            "description": "StatefulSet {{ $labels.namespace }}/{{ $labels.statefulset }} in {{ $labels.cluster}} replica mismatch. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeHpaReplicasMismatch",
        "expression": "(kube_horizontalpodautoscaler_status_desired_replicas{job=\"kube-state-metrics\"}  !=kube_horizontalpodautoscaler_status_current_replicas{job=\"kube-state-metrics\"})  and(kube_horizontalpodautoscaler_status_current_replicas{job=\"kube-state-metrics\"}  >kube_horizontalpodautoscaler_spec_min_replicas{job=\"kube-state-metrics\"})  and(kube_horizontalpodautoscaler_status_current_replicas{job=\"kube-state-metrics\"}  <kube_horizontalpodautoscaler_spec_max_replicas{job=\"kube-state-metrics\"})  and changes(kube_horizontalpodautoscaler_status_current_replicas{job=\"kube-state-metrics\"}[15m]) == 0",
        "for": "PT15M",
        "annotations": {
            "description": "Horizontal Pod Autoscaler in {{ $labels.cluster}} has not matched the desired number of replicas for longer than 15 minutes. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeHpaMaxedOut",
        "expression": "kube_horizontalpodautoscaler_status_current_replicas{job=\"kube-state-metrics\"}  ==kube_horizontalpodautoscaler_spec_max_replicas{job=\"kube-state-metrics\"}",
        "for": "PT15M",
        "annotations": {
            "description": "Horizontal Pod Autoscaler in {{ $labels.cluster}} has been running at max replicas for longer than 15 minutes. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/pod-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    }
];

// workload-team/modules/alerts.bicep: kubernetesAlertRuleGroupName_Node_level properties.rules
export const nodeLevelRules = [
    {
        "alert": "KubeNodeUnreachable",
        "expression": "(kube_node_spec_taint{job=\"kube-state-metrics\",key=\"node.kubernetes.io/unreachable\",effect=\"NoSchedule\"} unless ignoring(key,value) kube_node_spec_taint{job=\"kube-state-metrics\",key=~\"ToBeDeletedByClusterAutoscaler|cloud.google.com/impending-node-termination|aws-node-termination-handler/spot-itn\"}) == 1",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $labels.node }} in {{ $labels.cluster}} is unreachable and some workloads may be rescheduled. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/node-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeNodeReadinessFlapping",
        "expression": "sum(changes(kube_node_status_condition{status=\"true\",condition=\"Ready\"}[15m])) by (cluster, node) > 2",
        "for": "PT15M",
        "annotations": {
            "description": "The readiness status of node {{ $labels.node }} in {{ $labels.cluster}} has changed more than 2 times in the last 15 minutes. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/node-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeNodeDiskUsageHigh",
        "expression": "100 - ((node_filesystem_avail_bytes{mountpoint=\"/\"} / node_filesystem_size_bytes{mountpoint=\"/\"}) * 100) > 80",
        "for": "PT15M",
        "annotations": {
            "description": "The disk usage on node {{ $labels.instance }} in {{ $labels.job }} has exceeded 80% and current usage is {{ $value | humanizePercentage }}%). For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/node-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    }
];

// workload-team/modules/alerts.bicep: kubernetesAlertRuleGroupName_Cluster_level properties.rules
export const clusterLevelRules = [
    {
        "alert": "KubeContainerOOMKilledCount",
        "expression": "sum by (cluster,container,controller,namespace)(kube_pod_container_status_last_terminated_reason{reason=\"OOMKilled\"} * on(cluster,namespace,pod) group_left(controller) label_replace(kube_pod_owner, \"controller\", \"$1\", \"owner_name\", \"(.*)\")) > 0",
        "for": "PT5M",
        "annotations": {
            "description": "Number of OOM killed containers is greater than 0. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeCPUQuotaOvercommit",
        "expression": "sum(min without(resource) (kube_resourcequota{job=\"kube-state-metrics\", type=\"hard\", resource=~\"(cpu|requests.cpu)\"}))  /sum(kube_node_status_allocatable{resource=\"cpu\", job=\"kube-state-metrics\"})  > 1.5",
        "for": "PT5M",
        "annotations": {
            "description": "Cluster {{ $labels.cluster}} has overcommitted CPU resource requests for Namespaces. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "labels": {
            "severity": "warning"
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "actions": []
    },
    {
        "alert": "KubeMemoryQuotaOvercommit",
        "expression": "sum(min without(resource) (kube_resourcequota{job=\"kube-state-metrics\", type=\"hard\", resource=~\"(memory|requests.memory)\"}))  /sum(kube_node_status_allocatable{resource=\"memory\", job=\"kube-state-metrics\"})  > 1.5",
        "for": "PT5M",
        "annotations": {
            "description": "Cluster {{ $labels.cluster}} has overcommitted memory resource requests for Namespaces. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeClientErrors",
        "expression": "(sum(rate(rest_client_requests_total{code=~\"5..\"}[5m])) by (cluster, instance, job, namespace)  / sum(rate(rest_client_requests_total[5m])) by (cluster, instance, job, namespace)) > 0.01",
        "for": "PT15M",
        "annotations": {
            "description": "Kubernetes API server client '{{ $labels.job }}/{{ $labels.instance }}' is experiencing {{ $value | humanizePercentage }} errors. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePersistentVolumeFillingUp",
        "expression": "kubelet_volume_stats_available_bytes{job=\"kubelet\"}/kubelet_volume_stats_capacity_bytes{job=\"kubelet\"} < 0.15 and kubelet_volume_stats_used_bytes{job=\"kubelet\"} > 0 and predict_linear(kubelet_volume_stats_available_bytes{job=\"kubelet\"}[6h], 4 * 24 * 3600) < 0 unless on(namespace, persistentvolumeclaim) kube_persistentvolumeclaim_access_mode{ access_mode=\"ReadOnlyMany\"} == 1 unless on(namespace, persistentvolumeclaim) kube_persistentvolumeclaim_labels{label_excluded_from_alerts=\"true\"} == 1",
        "for": "PT60M",
        "annotations": {
            "description": "Based on recent sampling, the PersistentVolume claimed by {{ $labels.persistentvolumeclaim }} in Namespace {{ $labels.namespace }} is expected to fill up within four days. Currently {{ $value | humanizePercentage }} is available. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT15M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePersistentVolumeInodesFillingUp",
        "expression": "kubelet_volume_stats_inodes_free{job=\"kubelet\"} / kubelet_volume_stats_inodes{job=\"kubelet\"} < 0.03",
        "for": "PT15M",
        "annotations": {
            "description": "The PersistentVolume claimed by {{ $labels.persistentvolumeclaim }} in Namespace {{ $labels.namespace }} only has {{ $value | humanizePercentage }} free inodes. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubePersistentVolumeErrors",
        "expression": "kube_persistentvolume_status_phase{phase=~\"Failed|Pending\",job=\"kube-state-metrics\"} > 0",
        "for": "PT05M",
        "annotations": {
            "description": "The persistent volume {{ $labels.persistentvolume }} has status {{ $labels.phase }}. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 4,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeContainerWaiting",
        "expression": "sum by (namespace, pod, container, cluster) (kube_pod_container_status_waiting_reason{job=\"kube-state-metrics\"}) > 0",
        "for": "PT60M",
        "annotations": {
            "description": "pod/{{ $labels.pod }} in namespace {{ $labels.namespace }} on container {{ $labels.container}} has been in waiting state for longer than 1 hour. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeDaemonSetNotScheduled",
        "expression": "kube_daemonset_status_desired_number_scheduled{job=\"kube-state-metrics\"} - kube_daemonset_status_current_number_scheduled{job=\"kube-state-metrics\"} > 0",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $value }} Pods of DaemonSet {{ $labels.namespace }}/{{ $labels.daemonset }} are not scheduled. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeDaemonSetMisScheduled",
        "expression": "kube_daemonset_status_number_misscheduled{job=\"kube-state-metrics\"} > 0",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $value }} Pods of DaemonSet {{ $labels.namespace }}/{{ $labels.daemonset }} are running where they are not supposed to run. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    },
    {
        "alert": "KubeQuotaAlmostFull",
        "expression": "kube_resourcequota{job=\"kube-state-metrics\", type=\"used\"}  / ignoring(instance, job, type)(kube_resourcequota{job=\"kube-state-metrics\", type=\"hard\"} > 0)  > 0.9 < 1",
        "for": "PT15M",
        "annotations": {
            "description": "{{ $value | humanizePercentage }} usage of {{ $labels.resource }} in namespace {{ $labels.namespace }} in {{ $labels.cluster}}. For more information on this alert, please refer to this [link](https://aka.ms/aks-alerts/cluster-level-recommended-alerts)."
        },
        "enabled": true,
        "severity": 3,
        "resolveConfiguration": {
            "autoResolved": true,
            "timeToResolve": "PT10M"
        },
        "labels": {
            "severity": "warning"
        },
        "actions": []
    }
];

// workload-team/modules/alerts.bicep: sqrPodFailed properties.criteria.allOf[0].query (Bicep interpolates clusterName)
export function podFailedQuery(clusterName: string): string {
    return "//https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-log-alerts \r\n let endDateTime = now(); let startDateTime = ago(1h); let trendBinSize = 1m; let clusterName = \"${clusterName}\"; KubePodInventory | where TimeGenerated < endDateTime | where TimeGenerated >= startDateTime | where ClusterName == clusterName | distinct ClusterName, TimeGenerated | summarize ClusterSnapshotCount = count() by bin(TimeGenerated, trendBinSize), ClusterName | join hint.strategy=broadcast ( KubePodInventory | where TimeGenerated < endDateTime | where TimeGenerated >= startDateTime | distinct ClusterName, Computer, PodUid, TimeGenerated, PodStatus | summarize TotalCount = count(), PendingCount = sumif(1, PodStatus =~ \"Pending\"), RunningCount = sumif(1, PodStatus =~ \"Running\"), SucceededCount = sumif(1, PodStatus =~ \"Succeeded\"), FailedCount = sumif(1, PodStatus =~ \"Failed\") by ClusterName, bin(TimeGenerated, trendBinSize) ) on ClusterName, TimeGenerated | extend UnknownCount = TotalCount - PendingCount - RunningCount - SucceededCount - FailedCount | project TimeGenerated, TotalCount = todouble(TotalCount) / ClusterSnapshotCount, PendingCount = todouble(PendingCount) / ClusterSnapshotCount, RunningCount = todouble(RunningCount) / ClusterSnapshotCount, SucceededCount = todouble(SucceededCount) / ClusterSnapshotCount, FailedCount = todouble(FailedCount) / ClusterSnapshotCount, UnknownCount = todouble(UnknownCount) / ClusterSnapshotCount| summarize AggregatedValue = avg(FailedCount) by bin(TimeGenerated, trendBinSize)".split("${clusterName}").join(clusterName);
}

// cluster-manifests/kube-system/ama-metrics-prometheus-config-configmap.yaml: data
export const amaMetricsPrometheusConfigData: Record<string, string> = {
    "prometheus-config": "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: \"azure-npm-node-metrics\"\n    metrics_path: /node-metrics\n    kubernetes_sd_configs:\n    - role: node\n    relabel_configs:\n    - source_labels: [__address__]\n      action: replace\n      regex: ([^:]+)(?::\\d+)?\n      replacement: \"$1:10091\"\n      target_label: __address__\n  - job_name: \"azure-npm-cluster-metrics\"\n    metrics_path: /cluster-metrics\n    kubernetes_sd_configs:\n    - role: service\n    relabel_configs:\n    - source_labels: [__meta_kubernetes_namespace]\n      regex: kube-system\n      action: keep\n    - source_labels: [__meta_kubernetes_service_name]\n      regex: npm-metrics-cluster-service\n      action: keep\n  # Comment from here to the end to collect advanced metrics: number of entries for each IPSet\n    metric_relabel_configs:\n    - source_labels: [__name__]\n      regex: npm_ipset_counts\n      action: drop"
};

// cluster-manifests/kube-system/ama-metrics-prometheus-config-node-configmap.yaml: data
export const amaMetricsPrometheusConfigNodeData: Record<string, string> = {
    "prometheus-config": "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: \"azure-npm-node-metrics-from-pod-config\"\n    metrics_path: /node-metrics\n    kubernetes_sd_configs:\n    - role: pod\n    relabel_configs:\n    - source_labels: [__meta_kubernetes_namespace]\n      regex: kube-system\n      action: keep\n    - source_labels: [__name__]\n      action: keep\n      regex: '(__meta_kubernetes_pod_annotationpresent_azure.*)'\n    - source_labels: [__address__]\n      action: replace\n      regex: ([^:]+)(?::\\d+)?\n      replacement: \"$1:10091\"\n      target_label: __address__"
};

// cluster-manifests/kube-system/ama-metrics-settings-configmap.yaml: data
export const amaMetricsSettingsData: Record<string, string> = {
    "schema-version": "v1",
    "config-version": "ver1",
    "prometheus-collector-settings": "cluster_alias = \"\"",
    "default-scrape-settings-enabled": "kubelet = true\ncoredns = false\ncadvisor = true\nkubeproxy = false\napiserver = false\nkubestate = true\nnodeexporter = true\nwindowsexporter = false\nwindowskubeproxy = false\nkappiebasic = true\nnetworkobservabilityRetina = true\nnetworkobservabilityHubble = false\nnetworkobservabilityCilium = false\nprometheuscollectorhealth = false\ncontrolplane-apiserver = true\ncontrolplane-cluster-autoscaler = false\ncontrolplane-kube-scheduler = false\ncontrolplane-kube-controller-manager = false\ncontrolplane-etcd = true",
    "pod-annotation-based-scraping": "podannotationnamespaceregex = \"kube-system|a0008\"",
    "default-targets-metrics-keep-list": "kubelet = \"\"\ncoredns = \"\"\ncadvisor = \"\"\nkubeproxy = \"\"\napiserver = \"\"\nkubestate = \"\"\nnodeexporter = \"\"\nwindowsexporter = \"\"\nwindowskubeproxy = \"\"\npodannotations = \"\"\nkappiebasic = \"\"\nnetworkobservabilityRetina = \"\" # networkobservability_forward_count|networkobservability_forward_bytes|networkobservability_drop_count|networkobservability_drop_bytes|networkobservability_tcp_state|networkobservability_tcp_connection_remote|networkobservability_tcp_connection_stats|networkobservability_ip_connection_stats|networkobservability_udp_connection_stats|networkobservability_udp_active_sockets|networkobservability_interface_stats\nnetworkobservabilityHubble = \"\"\nnetworkobservabilityCilium = \"\"\ncontrolplane-apiserver = \"\"\ncontrolplane-cluster-autoscaler = \"\"\ncontrolplane-kube-scheduler = \"\"\ncontrolplane-kube-controller-manager = \"\"\ncontrolplane-etcd = \"\"\nminimalingestionprofile = true",
    "default-targets-scrape-interval-settings": "kubelet = \"30s\"\ncoredns = \"30s\"\ncadvisor = \"30s\"\nkubeproxy = \"30s\"\napiserver = \"30s\"\nkubestate = \"30s\"\nnodeexporter = \"30s\"\nwindowsexporter = \"30s\"\nwindowskubeproxy = \"30s\"\nkappiebasic = \"30s\"\nnetworkobservabilityRetina = \"30s\"\nnetworkobservabilityHubble = \"30s\"\nnetworkobservabilityCilium = \"30s\"\nprometheuscollectorhealth = \"30s\"\npodannotations = \"30s\"",
    "debug-mode": "enabled = false"
};

// cluster-manifests/kube-system/container-azm-ms-agentconfig.yaml: data
export const containerAzmMsAgentConfigData: Record<string, string> = {
    "schema-version": "v1",
    "config-version": "ver1",
    "prometheus-data-collection-settings": "# Custom Prometheus metrics data collection settings\n[prometheus_data_collection_settings.cluster]\n    # Cluster level scrape endpoint(s). These metrics will be scraped from agent's Replicaset (singleton)\n    # Any errors related to prometheus scraping can be found in the KubeMonAgentEvents table in the Log Analytics workspace that the cluster is sending data to.\n\n    #Interval specifying how often to scrape for metrics. This is duration of time and can be specified for supporting settings by combining an integer value and time unit as a string value. Valid time units are ns, us (or µs), ms, s, m, h.\n    interval = \"1m\"\n\n    ## Uncomment the following settings with valid string arrays for prometheus scraping\n    #fieldpass = [\"metric_to_pass1\", \"metric_to_pass12\"]\n\n    #fielddrop = [\"metric_to_drop\"]\n\n    # An array of urls to scrape metrics from.\n    # urls = [\"http://myurl:9101/metrics\"]\n\n    # An array of Kubernetes services to scrape metrics from.\n    # kubernetes_services = [\"http://my-service-dns.my-namespace:9102/metrics\"]\n\n    # When monitor_kubernetes_pods = true, replicaset will scrape Kubernetes pods for the following prometheus annotations:\n    # - prometheus.io/scrape: Enable scraping for this pod\n    # - prometheus.io/scheme: Default is http\n    #     set this to `https` & most likely set the tls config.\n    # - prometheus.io/path: If the metrics path is not /metrics, define it with this annotation.\n    # - prometheus.io/port: If port is not 9102 use this annotation\n    monitor_kubernetes_pods = true\n\n    ## Restricts Kubernetes monitoring to namespaces for pods that have annotations set and are scraped using the monitor_kubernetes_pods setting.\n    ## This will take effect when monitor_kubernetes_pods is set to true\n    ##   ex: monitor_kubernetes_pods_namespaces = [\"default1\", \"default2\", \"default3\"]\n    monitor_kubernetes_pods_namespaces = [\"a0008\",\"cluster-baseline-settings\"]\n\n    ## Label selector to target pods which have the specified label\n    ## This will take effect when monitor_kubernetes_pods is set to true\n    ## Reference the docs at https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors\n    # kubernetes_label_selector = \"env=dev,app=nginx\"\n\n    ## Field selector to target pods which have the specified field\n    ## This will take effect when monitor_kubernetes_pods is set to true\n    ## Reference the docs at https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/\n    ## eg. To scrape pods on a specific node\n    # kubernetes_field_selector = \"spec.nodeName=$HOSTNAME\"\n\n[prometheus_data_collection_settings.node]\n    # Node level scrape endpoint(s). These metrics will be scraped from agent's DaemonSet running in every node in the cluster\n    # Any errors related to prometheus scraping can be found in the KubeMonAgentEvents table in the Log Analytics workspace that the cluster is sending data to.\n\n    #Interval specifying how often to scrape for metrics. This is duration of time and can be specified for supporting settings by combining an integer value and time unit as a string value. Valid time units are ns, us (or µs), ms, s, m, h.\n    interval = \"1m\"\n\n    ## Uncomment the following settings with valid string arrays for prometheus scraping\n\n    # An array of urls to scrape metrics from. $NODE_IP (all upper case) will substitute of running Node's IP address\n    urls = [\"http://$NODE_IP:9103/metrics\"]\n    #fieldpass = [\"metric_to_pass1\", \"metric_to_pass12\"]\n\n    #fielddrop = [\"metric_to_drop\"]",
    "integrations": "[integrations.azure_network_policy_manager]\n    collect_basic_metrics = false\n    collect_advanced_metrics = false\n[integrations.azure_subnet_ip_usage]\n    enabled = true",
    "agent-settings": "# prometheus scrape fluent bit settings for high scale\n# buffer size should be greater than or equal to chunk size else we set it to chunk size.\n# settings scoped to prometheus sidecar container. all values in mb\n[agent_settings.prometheus_fbit_settings]\n  tcp_listener_chunk_size = 10\n  tcp_listener_buffer_size = 10\n  tcp_listener_mem_buf_limit = 200\n\n# prometheus scrape fluent bit settings for high scale\n# buffer size should be greater than or equal to chunk size else we set it to chunk size.\n# settings scoped to daemonset container. all values in mb\n# [agent_settings.node_prometheus_fbit_settings]\n  # tcp_listener_chunk_size = 1\n  # tcp_listener_buffer_size = 1\n  # tcp_listener_mem_buf_limit = 10\n\n# prometheus scrape fluent bit settings for high scale\n# buffer size should be greater than or equal to chunk size else we set it to chunk size.\n# settings scoped to replicaset container. all values in mb\n# [agent_settings.cluster_prometheus_fbit_settings]\n  # tcp_listener_chunk_size = 1\n  # tcp_listener_buffer_size = 1\n  # tcp_listener_mem_buf_limit = 10\n\n# The following settings are \"undocumented\", we don't recommend uncommenting them unless directed by Microsoft.\n# They increase the maximum stdout/stderr log collection rate but will also cause higher cpu/memory usage.\n## Ref for more details about Ignore_Older -  https://docs.fluentbit.io/manual/v/1.7/pipeline/inputs/tail\n# [agent_settings.fbit_config]\n#   log_flush_interval_secs = \"1\"                 # default value is 15\n#   tail_mem_buf_limit_megabytes = \"10\"           # default value is 10\n#   tail_buf_chunksize_megabytes = \"1\"            # default value is 32kb (comment out this line for default)\n#   tail_buf_maxsize_megabytes = \"1\"              # default value is 32kb (comment out this line for default)\n#   tail_ignore_older = \"5m\"                      # default value same as fluent-bit default i.e.0m\n\n# On both AKS & Arc K8s enviornments, if Cluster has configured with Forward Proxy then Proxy settings automatically applied and used for the agent\n# Certain configurations, proxy config should be ignored for example Cluster with AMPLS + Proxy\n# in such scenarios, use the following config to ignore proxy settings\n# [agent_settings.proxy_config]\n#    ignore_proxy_settings = \"true\"  # if this is not applied, default value is false\n\n# The following settings are \"undocumented\", we don't recommend uncommenting them unless directed by Microsoft.\n# Configuration settings for the waittime for the network listeners to be available\n# [agent_settings.network_listener_waittime]\n#   tcp_port_25226 = 45                           # Port 25226 is used for telegraf to fluent-bit data in ReplicaSet\n#   tcp_port_25228 = 60                           # Port 25228 is used for telegraf to fluentd data\n#   tcp_port_25229 = 45                           # Port 25229 is used for telegraf to fluent-bit data in DaemonSet\n\n# The following settings are \"undocumented\", we don't recommend uncommenting them unless directed by Microsoft.\n# [agent_settings.mdsd_config]\n#   monitoring_max_event_rate = \"50000\" # default 20K eps\n#   backpressure_memory_threshold_in_mb = \"1500\" # default 3500MB\n#   upload_max_size_in_mb = \"20\"  # default 2MB\n#   upload_frequency_seconds = \"1\" # default 60 upload_frequency_seconds\n#   compression_level = \"0\"  # supported levels 0 to 9 and 0 means no compression"
};

// workload-team/modules/policy-K8sCustomIngressTlsHostsHaveDefinedDomainSuffix.bicep: pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix properties.policyRule
export const customIngressTlsPolicyRule = {
    "if": {
        "field": "type",
        "in": [
            "Microsoft.ContainerService/managedClusters"
        ]
    },
    "then": {
        "effect": "[parameters('effect')]",
        "details": {
            "templateInfo": {
                "sourceType": "Base64Encoded",
                "content": "YXBpVmVyc2lvbjogdGVtcGxhdGVzLmdhdGVrZWVwZXIuc2gvdjFiZXRhMQpraW5kOiBDb25zdHJhaW50VGVtcGxhdGUKbWV0YWRhdGE6CiAgbmFtZTogazhzY3VzdG9taW5ncmVzc3Rsc2hvc3RzaGF2ZWRlZmluZWRkb21haW5zdWZmaXgKc3BlYzoKICBjcmQ6CiAgICBzcGVjOgogICAgICBuYW1lczoKICAgICAgICBraW5kOiBrOHNjdXN0b21pbmdyZXNzdGxzaG9zdHNoYXZlZGVmaW5lZGRvbWFpbnN1ZmZpeAogICAgICB2YWxpZGF0aW9uOgogICAgICAgIG9wZW5BUElWM1NjaGVtYToKICAgICAgICAgIHR5cGU6IG9iamVjdAogICAgICAgICAgcHJvcGVydGllczoKICAgICAgICAgICAgYWxsb3dlZERvbWFpblN1ZmZpeGVzOgogICAgICAgICAgICAgIHR5cGU6IGFycmF5CiAgICAgICAgICAgICAgaXRlbXM6CiAgICAgICAgICAgICAgICB0eXBlOiBzdHJpbmcKICB0YXJnZXRzOgogICAgLSB0YXJnZXQ6IGFkbWlzc2lvbi5rOHMuZ2F0ZWtlZXBlci5zaAogICAgICByZWdvOiB8CiAgICAgICAgcGFja2FnZSBrOHNjdXN0b21pbmdyZXNzdGxzaG9zdHNoYXZlZGVmaW5lZGRvbWFpbnN1ZmZpeAoKICAgICAgICB2aW9sYXRpb25beyJtc2ciOiBtc2csICJkZXRhaWxzIjoge319XSB7CiAgICAgICAgICBhbGxvd2VkRG9tYWluU3VmZml4ZXMgOj0gaW5wdXQucGFyYW1ldGVycy5hbGxvd2VkRG9tYWluU3VmZml4ZXMKICAgICAgICAgIGFsbERlZmluZWRIb3N0cyA6PSB7biB8IG4gOj0gaW5wdXQucmV2aWV3Lm9iamVjdC5zcGVjLnRsc1tfXS5ob3N0c1tfXX0KICAgICAgICAgIG1hdGNoZWRIb3N0cyA6PSB7IHsiaG9zdCI6IGgsICJtYXRjaGVkRG9tYWlucyI6IGR9IHwKICAgICAgICAgICAgaCA6PSBhbGxEZWZpbmVkSG9zdHNbX10gOwogICAgICAgICAgICBkIDo9IHsgbiB8IG4gOj0gYWxsb3dlZERvbWFpblN1ZmZpeGVzW19dIDsgZW5kc3dpdGgoaCwgbil9CiAgICAgICAgICB9CiAgICAgICAgICB1bm1hdGNoZWRIb3N0cyA6PSB7IGggfAogICAgICAgICAgICBoIDo9IG1hdGNoZWRIb3N0c1t4XS5ob3N0IDsgCiAgICAgICAgICAgIGQgOj0gbWF0Y2hlZEhvc3RzW3hdLm1hdGNoZWREb21haW5zIDsgCiAgICAgICAgICAgIGNvdW50KGQpID09IDAKICAgICAgICAgIH0KICAgICAgICAgIGNvdW50KHVubWF0Y2hlZEhvc3RzKSA+IDAKICAgICAgICAgIG1zZyA6PSBzcHJpbnRmKCJUTFMgaG9zdCBtdXN0IGhhdmUgb25lIG9mIGRlZmluZWQgZG9tYWluIHN1ZmZpeGVzLiBWYWxpZCBkb21haW4gbmFtZXMgYXJlICV2OyBkZWZpbmVkIFRMUyBob3N0cyBhcmUgJXY7IGluY29tcGxpYW50IGhvc3RzIGFyZSAldi4iLCBbYWxsb3dlZERvbWFpblN1ZmZpeGVzLCBhbGxEZWZpbmVkSG9zdHMsIHVubWF0Y2hlZEhvc3RzXSkKICAgICAgICB9"
            },
            "apiGroups": [
                "networking.k8s.io"
            ],
            "kinds": [
                "Ingress"
            ],
            "namespaces": "[parameters('namespaces')]",
            "excludedNamespaces": "[parameters('excludedNamespaces')]",
            "labelSelector": "[parameters('labelSelector')]",
            "values": {
                "allowedDomainSuffixes": "[parameters('allowedDomainSuffixes')]"
            }
        }
    }
};

// workload-team/modules/policy-K8sCustomIngressTlsHostsHaveDefinedDomainSuffix.bicep: pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix properties.parameters
export const customIngressTlsPolicyParameters = {
    "effect": {
        "type": "String",
        "metadata": {
            "displayName": "Effect",
            "description": "'audit' allows a non-compliant resource to be created or updated, but flags it as non-compliant. 'deny' blocks the non-compliant resource creation or update. 'disabled' turns off the policy."
        },
        "allowedValues": [
            "audit",
            "Audit",
            "deny",
            "Deny",
            "disabled",
            "Disabled"
        ],
        "defaultValue": "audit"
    },
    "excludedNamespaces": {
        "type": "Array",
        "metadata": {
            "displayName": "Namespace exclusions",
            "description": "List of Kubernetes namespaces to exclude from policy evaluation."
        },
        "defaultValue": [
            "kube-system",
            "gatekeeper-system",
            "azure-arc"
        ]
    },
    "namespaces": {
        "type": "Array",
        "metadata": {
            "displayName": "Namespace inclusions",
            "description": "List of Kubernetes namespaces to only include in policy evaluation. An empty list means the policy is applied to all resources in all namespaces."
        },
        "defaultValue": []
    },
    "labelSelector": {
        "type": "Object",
        "metadata": {
            "displayName": "Kubernetes label selector",
            "description": "Label query to select Kubernetes resources for policy evaluation. An empty label selector matches all Kubernetes resources."
        },
        "defaultValue": {},
        "schema": {
            "description": "A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all resources.",
            "type": "object",
            "properties": {
                "matchLabels": {
                    "description": "matchLabels is a map of {key,value} pairs.",
                    "type": "object",
                    "additionalProperties": {
                        "type": "string"
                    },
                    "minProperties": 1
                },
                "matchExpressions": {
                    "description": "matchExpressions is a list of values, a key, and an operator.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "key": {
                                "description": "key is the label key that the selector applies to.",
                                "type": "string"
                            },
                            "operator": {
                                "description": "operator represents a key's relationship to a set of values.",
                                "type": "string",
                                "enum": [
                                    "In",
                                    "NotIn",
                                    "Exists",
                                    "DoesNotExist"
                                ]
                            },
                            "values": {
                                "description": "values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty.",
                                "type": "array",
                                "items": {
                                    "type": "string"
                                }
                            }
                        },
                        "required": [
                            "key",
                            "operator"
                        ],
                        "additionalProperties": false
                    },
                    "minItems": 1
                }
            },
            "additionalProperties": false
        }
    },
    "allowedDomainSuffixes": {
        "type": "Array",
        "metadata": {
            "displayName": "List of compliant domain suffixes",
            "description": "List of compliant domain suffixes"
        }
    }
};

// displayName and description of the built-in policy (set) definitions the RI assigns. The Bicep reads them
// from the `existing` definitions (pd*.properties.displayName/description); copied here from
// github.com/Azure/azure-policy built-in-policies/ at commit f4a50bacae07ddb096943c597669bcae494a6e29.
export const builtInPolicies: Record<string, { displayName: string; description: string }> = {
    "42b8ef37-b724-4e24-bbc8-7a7708edfe00": {
        "displayName": "Kubernetes cluster pod security restricted standards for Linux-based workloads",
        "description": "This initiative includes the policies for the Kubernetes cluster pod security restricted standards. This policy is generally available for Kubernetes Service (AKS), and preview for Azure Arc enabled Kubernetes. For instructions on using this policy, visit https://aka.ms/kubepolicydoc."
    },
    "1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d": {
        "displayName": "Kubernetes clusters should be accessible only over HTTPS",
        "description": "Use of HTTPS ensures authentication and protects data in transit from network layer eavesdropping attacks. This capability is currently generally available for Kubernetes Service (AKS), and in preview for Azure Arc enabled Kubernetes. For more info, visit https://aka.ms/kubepolicydoc"
    },
    "3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e": {
        "displayName": "Kubernetes clusters should use internal load balancers",
        "description": "Use internal load balancers to make a Kubernetes service accessible only to applications running in the same virtual network as the Kubernetes cluster. For more information, see https://aka.ms/kubepolicydoc."
    },
    "df49d893-a74c-421d-bc95-c663042e5b80": {
        "displayName": "Kubernetes cluster containers should run with a read only root file system",
        "description": "Run containers with a read only root file system to protect from changes at run-time with malicious binaries being added to PATH in a Kubernetes cluster. This policy is generally available for Kubernetes Service (AKS), and preview for Azure Arc enabled Kubernetes. For more information, see https://aka.ms/kubepolicydoc."
    },
    "e345eecc-fa47-480f-9e88-67dcc122b164": {
        "displayName": "Kubernetes cluster containers CPU and memory resource limits should not exceed the specified limits",
        "description": "Enforce container CPU and memory resource limits to prevent resource exhaustion attacks in a Kubernetes cluster. This policy is generally available for Kubernetes Service (AKS), and preview for Azure Arc enabled Kubernetes. For more information, see https://aka.ms/kubepolicydoc."
    },
    "febd0533-8e55-448f-b837-bd0e06f16469": {
        "displayName": "Kubernetes cluster containers should only use allowed images",
        "description": "Use images from trusted registries to reduce the Kubernetes cluster's exposure risk to unknown vulnerabilities, security issues and malicious images. For more information, see https://aka.ms/kubepolicydoc."
    },
    "098fc59e-46c7-4d99-9b16-64990e543d75": {
        "displayName": "Kubernetes cluster pod hostPath volumes should only use allowed host paths",
        "description": "Limit pod HostPath volume mounts to the allowed host paths in a Kubernetes Cluster. This policy is generally available for Kubernetes Service (AKS), and Azure Arc enabled Kubernetes. For more information, see https://aka.ms/kubepolicydoc."
    },
    "d46c275d-1680-448d-b2ec-e495a3b6cc89": {
        "displayName": "Kubernetes cluster services should only use allowed external IPs",
        "description": "Use allowed external IPs to avoid the potential attack (CVE-2020-8554) in a Kubernetes cluster. For more information, see https://aka.ms/kubepolicydoc."
    },
    "1ddac26b-ed48-4c30-8cc5-3a68c79b8001": {
        "displayName": "Kubernetes clusters should not allow endpoint edit permissions of ClusterRole/system:aggregate-to-edit",
        "description": "ClusterRole/system:aggregate-to-edit should not allow endpoint edit permissions due to CVE-2021-25740, Endpoint & EndpointSlice permissions allow cross-Namespace forwarding, https://github.com/kubernetes/kubernetes/issues/103675. This policy is generally available for Kubernetes Service (AKS), and preview for Azure Arc enabled Kubernetes. For more information, see https://aka.ms/kubepolicydoc."
    },
    "9f061a12-e40d-4183-a00e-171812443373": {
        "displayName": "Kubernetes clusters should not use the default namespace",
        "description": "Prevent usage of the default namespace in Kubernetes clusters to protect against unauthorized access for ConfigMap, Pod, Secret, Service, and ServiceAccount resource types. For more information, see https://aka.ms/kubepolicydoc."
    },
    "a1840de2-8088-4ea8-b153-b4c723e9cb01": {
        "displayName": "Azure Kubernetes Service clusters should have Defender profile enabled",
        "description": "Microsoft Defender for Containers provides cloud-native Kubernetes security capabilities including environment hardening, workload protection, and run-time protection. When you enable the SecurityProfile.AzureDefender on your Azure Kubernetes Service cluster, an agent is deployed to your cluster to collect security event data. Learn more about Microsoft Defender for Containers in https://docs.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction?tabs=defender-for-container-arch-aks"
    },
    "450d2877-ebea-41e8-b00c-e286317d21bf": {
        "displayName": "Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration",
        "description": "AKS-managed Microsoft Entra ID integration can manage the access to the clusters by configuring Kubernetes role-based access control (Kubernetes RBAC) based on a user's identity or directory group membership. Learn more at: https://aka.ms/aks-managed-aad."
    },
    "993c2fcd-2b29-49d2-9eb0-df2c3a730c32": {
        "displayName": "Azure Kubernetes Service Clusters should have local authentication methods disabled",
        "description": "Disabling local authentication methods improves security by ensuring that Azure Kubernetes Service Clusters should exclusively require Azure Active Directory identities for authentication. Learn more at: https://aka.ms/aks-disable-local-accounts."
    },
    "0a15ec92-a229-4763-bb14-0ea34a568f8d": {
        "displayName": "Azure Policy Add-on for Kubernetes service (AKS) should be installed and enabled on your clusters",
        "description": "Azure Policy Add-on for Kubernetes service (AKS) extends Gatekeeper v3, an admission controller webhook for Open Policy Agent (OPA), to apply at-scale enforcements and safeguards on your clusters in a centralized, consistent manner."
    },
    "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea": {
        "displayName": "Authorized IP ranges should be defined on Kubernetes Services",
        "description": "Restrict access to the Kubernetes Service Management API by granting API access only to IP addresses in specific ranges. It is recommended to limit access to authorized IP ranges to ensure that only applications from allowed networks can access the cluster."
    },
    "fb893a29-21bb-418c-a157-e99480ec364c": {
        "displayName": "Kubernetes Services should be upgraded to a non-vulnerable Kubernetes version",
        "description": "Upgrade your Kubernetes service cluster to a later Kubernetes version to protect against known vulnerabilities in your current Kubernetes version. Vulnerability CVE-2019-9946 has been patched in Kubernetes versions 1.11.9+, 1.12.7+, 1.13.5+, and 1.14.0+"
    },
    "ac4a19c2-fa67-49b4-8ae5-0b2e78c49457": {
        "displayName": "Role-Based Access Control (RBAC) should be used on Kubernetes Services",
        "description": "To provide granular filtering on the actions that users can perform, use Role-Based Access Control (RBAC) to manage permissions in Kubernetes Service Clusters and configure relevant authorization policies."
    },
    "da6e2401-19da-4532-9141-fb8fbde08431": {
        "displayName": "Azure Kubernetes Service Clusters should use managed identities",
        "description": "Use managed identities to wrap around service principals, simplify cluster management and avoid the complexity required to managed service principals. Learn more at: https://aka.ms/aks-update-managed-identities"
    },
    "9f2dea28-e834-476c-99c5-3507b4728395": {
        "displayName": "Container registries should have anonymous authentication disabled.",
        "description": "Disable anonymous pull for your registry so that data is not accessible by unauthenticated user. Disabling local authentication methods like admin user, repository scoped access tokens and anonymous pull improves security by ensuring that container registries exclusively require Azure Active Directory identities for authentication. Learn more at: https://aka.ms/acr/authentication."
    },
    "dc921057-6b28-4fbe-9b83-f7bec05db6c2": {
        "displayName": "Container registries should have local admin account disabled.",
        "description": "Disable admin account for your registry so that it is not accessible by local admin. Disabling local authentication methods like admin user, repository scoped access tokens and anonymous pull improves security by ensuring that container registries exclusively require Azure Active Directory identities for authentication. Learn more at: https://aka.ms/acr/authentication."
    }
};
