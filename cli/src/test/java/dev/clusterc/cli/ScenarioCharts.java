package dev.clusterc.cli;

import java.util.Map;

/**
 * The charts the scenario tests serve ({@link ChartServer}), as files: {@code widget} ships a CRD
 * (in {@code crds/}, as real charts do), an operator Deployment and a CR of the CRD; {@code workload}
 * is one Deployment whose image, selector tier and node selector come from values, with a claim
 * when {@code claimClass} is set.
 */
final class ScenarioCharts {
  static final Map<String, String> WIDGET = Map.of(
      "values.yaml", "size: small\n",
      "crds/widgets.yaml", """
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata:
            name: widgets.example.clusterc.dev
          spec:
            group: example.clusterc.dev
            scope: Namespaced
            names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
            versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: {type: string}
          """,
      "templates/operator.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: {{ .Release.Name }}-operator
          spec:
            replicas: 2
            selector:
              matchLabels: {app: {{ .Release.Name }}-operator}
            template:
              metadata:
                labels: {app: {{ .Release.Name }}-operator}
              spec:
                containers:
                - name: operator
                  image: registry.example.org/widget-operator:1.0.0
          """,
      "templates/widget.yaml", """
          apiVersion: example.clusterc.dev/v1
          kind: Widget
          metadata:
            name: {{ .Release.Name }}-default
          spec:
            size: {{ .Values.size | quote }}
          """);

  static final Map<String, String> WORKLOAD = Map.of(
      "values.yaml", "image: nginx:1.27\ntier: one\nzone: \"\"\nclaimClass: \"\"\n",
      "templates/deployment.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: {{ .Release.Name }}
          spec:
            replicas: 1
            selector:
              matchLabels: {app: {{ .Release.Name }}, tier: {{ .Values.tier | quote }}}
            template:
              metadata:
                labels: {app: {{ .Release.Name }}, tier: {{ .Values.tier | quote }}}
              spec:
                {{- if .Values.zone }}
                nodeSelector: {topology.kubernetes.io/zone: {{ .Values.zone | quote }}}
                {{- end }}
                containers:
                - name: app
                  image: {{ .Values.image | quote }}
          """,
      "templates/claim.yaml", """
          {{- if .Values.claimClass }}
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: {{ .Release.Name }}-data
          spec:
            storageClassName: {{ .Values.claimClass | quote }}
            accessModes: [ReadWriteOnce]
            resources:
              requests: {storage: 1Gi}
          {{- end }}
          """);

  private ScenarioCharts() {}
}
