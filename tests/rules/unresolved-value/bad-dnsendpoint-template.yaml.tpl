# args: --input-format dnsendpoint
# A template named with --input-format is read as the YAML it renders to; its placeholders are
# unknown values, as Terraform's are, never bad addresses.
apiVersion: externaldns.k8s.io/v1alpha1
kind: DNSEndpoint
metadata:
  name: web
spec:
  endpoints:
    - dnsName: ${DOMAIN}  # expect: unresolved-value "'${DOMAIN}' is a template placeholder"
      recordType: A
      targets:
        - ${LB_ADDRESS}
    - dnsName: mail.example.com
      recordType: A
      targets:
        - "{{ .Values.mailAddress }}"  # expect: unresolved-value "'{{ .Values.mailAddress }}' is a template placeholder"
