{{- define "suite.workload" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-gateway
spec:
  template:
    spec:
      containers:
        - name: gateway
          image: {{ .Values.gateway.image }}
          resources:
            {{- toYaml .Values.gateway.resources | nindent 12 }}
{{- end -}}
