# The binary is built outside the image; no Dockerfile sits beside the PROJECT file.
FROM ubuntu:24.04
ARG TARGETARCH
COPY bin/manager-linux-${TARGETARCH} /manager
ENTRYPOINT ["/manager"]
