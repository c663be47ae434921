{{- define "kubeward-agent.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kubeward-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kubeward-agent.labels" -}}
{{ include "kubeward-agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: cluster-agent
app.kubernetes.io/part-of: kubeward
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "kubeward-agent.serviceAccountName" -}}
{{- default (include "kubeward-agent.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "kubeward-agent.secretName" -}}
{{- default (printf "%s-credential" (include "kubeward-agent.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{- define "kubeward-agent.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end -}}
{{- end -}}

{{/* Fails early on settings that cannot work, so a broken install never reaches the cluster. */}}
{{- define "kubeward-agent.validate" -}}
{{- if not .Values.clusterId -}}
{{- fail "clusterId is required: copy it from the cluster's registration page" -}}
{{- end -}}
{{- if and (not .Values.existingSecret) (not .Values.clusterSecret) -}}
{{- fail "set clusterSecret, or existingSecret naming a Secret you manage" -}}
{{- end -}}
{{- if eq (empty .Values.kafka.bootstrapServers) (empty .Values.relay.url) -}}
{{- fail "set exactly one of kafka.bootstrapServers and relay.url" -}}
{{- end -}}
{{- if and .Values.relay.url (not (hasPrefix "https://" .Values.relay.url)) -}}
{{- fail "relay.url must be https://" -}}
{{- end -}}
{{- if hasKey .Values "imageScanning" -}}
{{- if .Values.imageScanning.enabled -}}
{{- fail "imageScanning.enabled was the placeholder of earlier releases, not yet available under that name: set imageScan.enabled" -}}
{{- end -}}
{{- end -}}
{{- $platform := default .Values.relay.url .Values.imageScan.platformUrl -}}
{{- range $feature := list "imageScan" "sbomPickup" -}}
{{- if (index $.Values $feature).enabled -}}
{{- if not $platform -}}
{{- fail (printf "%s needs imageScan.platformUrl when snapshots go to Kafka" $feature) -}}
{{- end -}}
{{- if not (hasPrefix "https://" $platform) -}}
{{- fail "imageScan.platformUrl must be https://" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if .Values.imageScan.enabled -}}
{{- range .Values.imageScan.pullSecrets -}}
{{- if or (not .namespace) (not .names) -}}
{{- fail "each imageScan.pullSecrets entry needs a namespace and names" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
