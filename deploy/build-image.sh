#!/usr/bin/env bash
# Builds the Incidex container image (PostgreSQL build, the one deploy/ runs) without a Docker daemon or a remote
# image registry, one of two ways on the same locally made base:
#
#   deploy/build-image.sh                   Jib, through quarkus-container-image-jib (the `image` Maven profile)
#   BUILD=dockerfile deploy/build-image.sh  src/main/docker/Dockerfile.jvm, with `podman build`
#
# Either way → target/incidex-image.tar (docker-archive, tagged incidex:latest):
#   docker load -i target/incidex-image.tar   (or podman load, or skopeo copy to your registry)
#
# Where registry.access.redhat.com is reachable, both can start from Quarkus' default base (UBI 9 OpenJDK 17):
#   ./mvnw package -Pimage -DskipTests -Dquarkus.datasource.db-kind=postgresql \
#       -Dquarkus.container-image.image=REGISTRY/incidex:latest -Dquarkus.container-image.push=true
#   docker build -f src/main/docker/Dockerfile.jvm -t incidex:latest .   (after the package step, without -Pimage)
# This script is for machines that reach only Debian's and Maven's repositories (this project's own):
#  1. the base image is made here: debootstrap of a minimal Debian 12 with openjdk-17-jre-headless and user 185
#     (the user the UBI image and Dockerfile.jvm run as), packed as a docker-archive by umoci and skopeo;
#  BUILD=jib (default):
#  2. a registry (Debian's docker-registry, the distribution registry) runs on 127.0.0.1:5000 for the build
#     only, since Jib writes either to a registry or to a Docker daemon;
#  3. Jib starts from the base tarball (quarkus.jib.base-jvm-image=tar://…) and pushes there;
#  4. skopeo copies the image from there into target/incidex-image.tar.
#  BUILD=dockerfile:
#  2. Maven packages the app (target/quarkus-app/);
#  3. podman builds Dockerfile.jvm with --build-arg BASE_IMAGE=docker-archive:…/base.tar into its own vfs storage
#     under IMAGE_WORK (the Dockerfile has no RUN step: no container runtime is started);
#  4. skopeo copies it from that storage into target/incidex-image.tar, and the storage is emptied.
# deploy/check-image.sh then runs the image and asks it for its health and its pages.
#
# Prerequisites (Debian 12, as root: debootstrap and chroot need it):
#   apt-get install debootstrap umoci skopeo, and docker-registry curl (BUILD=jib) or podman (BUILD=dockerfile)
# Settings (environment): BUILD (jib or dockerfile), DEBIAN_MIRROR (default http://deb.debian.org/debian),
# IMAGE_WORK (default target/image: the base rootfs and tarball, kept between runs; delete base.tar to make the
# base again), REGISTRY_PORT (default 5000). MAVEN_ARGS is passed to Maven by its launcher (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
WORK=$(realpath -m "${IMAGE_WORK:-target/image}")
PORT=${REGISTRY_PORT:-5000}
REGISTRY=127.0.0.1:$PORT
OUT=target/incidex-image.tar
BUILD=${BUILD:-jib}
case "$BUILD" in
    jib) tools="debootstrap umoci skopeo curl docker-registry" ;;
    dockerfile) tools="debootstrap umoci skopeo podman" ;;
    *) echo "BUILD is jib or dockerfile, not $BUILD" >&2; exit 1 ;;
esac

for tool in $tools; do
    command -v "$tool" > /dev/null || { echo "missing $tool: apt-get install $tools" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot)" >&2; exit 1; }
mkdir -p "$WORK"
started=$(date +%s)

# ---- 1. The base image: Debian 12 minbase + OpenJDK 17 JRE, user 185 with home /home/jboss (Jib's working
# directory for Quarkus apps; the H2 build writes ./data there).
if [ ! -f "$WORK/base.tar" ]; then
    rm -rf "$WORK/rootfs" "$WORK/oci"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
        bookworm "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log"
    chroot "$WORK/rootfs" groupadd --system --gid 185 jboss
    chroot "$WORK/rootfs" useradd --system --uid 185 --gid 185 --create-home --home-dir /home/jboss \
        --shell /usr/sbin/nologin jboss
    # Only what running Java needs: no package caches or lists, docs, manuals or translations.
    chroot "$WORK/rootfs" apt-get clean
    rm -rf "$WORK"/rootfs/var/lib/apt/lists/* "$WORK"/rootfs/usr/share/{doc,man,info,locale}/* \
        "$WORK"/rootfs/var/log/* "$WORK"/rootfs/var/cache/debconf/*-old
    tar --numeric-owner --xattrs -C "$WORK/rootfs" \
        --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' --exclude='./tmp/*' \
        -cf "$WORK/rootfs.tar" .
    umoci init --layout "$WORK/oci"
    umoci new --image "$WORK/oci:bookworm"
    umoci raw add-layer --image "$WORK/oci:bookworm" "$WORK/rootfs.tar"
    umoci config --image "$WORK/oci:bookworm" --author incidex --os linux --architecture amd64 \
        --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        --config.env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 --config.env LANG=C.UTF-8 \
        --config.workingdir /home/jboss
    umoci gc --layout "$WORK/oci"
    # Jib reads a base tarball in the `docker save` layout (manifest.json), not an OCI archive.
    skopeo copy --quiet "oci:$WORK/oci:bookworm" "docker-archive:$WORK/base.tar.part:incidex-base:bookworm"
    mv "$WORK/base.tar.part" "$WORK/base.tar"
    rm -rf "$WORK/rootfs" "$WORK/rootfs.tar" "$WORK/oci"
fi
base_done=$(date +%s)

if [ "$BUILD" = dockerfile ]; then
    # ---- 2. The PostgreSQL build of the app, as the Jib step below makes it, for the Dockerfile to copy.
    ./mvnw -B -ntp package -DskipTests -Dquarkus.datasource.db-kind=postgresql
    package_done=$(date +%s)

    # ---- 3. The Dockerfile on the local base. Storage as deploy/check-image.sh's (vfs under $WORK, runc and
    # cgroupfs: see its comments), though a build without RUN steps starts no container.
    podman_() { podman --root "$WORK/containers" --runroot "$WORK/run" --storage-driver vfs --runtime runc \
        --cgroup-manager cgroupfs "$@"; }
    podman_ build --quiet -f src/main/docker/Dockerfile.jvm \
        --build-arg BASE_IMAGE="docker-archive:$WORK/base.tar" -t incidex:latest . > /dev/null
    build_done=$(date +%s)

    # ---- 4. Out of podman's storage into the same tarball as Jib's; vfs keeps full copies of every layer, so
    # they go.
    rm -f "$OUT"
    skopeo copy --quiet "containers-storage:[vfs@$WORK/containers+$WORK/run]localhost/incidex:latest" \
        "docker-archive:$OUT:incidex:latest"
    podman_ rmi --all --force > /dev/null
    echo "image: $OUT (incidex:latest, from Dockerfile.jvm), $(du -m "$OUT" | cut -f1) MiB;" \
        "base $((base_done - started)) s, Maven package $((package_done - base_done)) s," \
        "podman build $((build_done - package_done)) s, total $(($(date +%s) - started)) s"
    exit 0
fi

# ---- 2. A registry on loopback for Jib to push to, for this build only.
registry_pid=
if ! curl -fsS "http://$REGISTRY/v2/" > /dev/null 2>&1; then
    cat > "$WORK/registry.yml" << EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/registry
http:
  addr: $REGISTRY
EOF
    docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
    registry_pid=$!
    trap 'kill $registry_pid 2> /dev/null || true' EXIT
    for _ in $(seq 50); do curl -fsS "http://$REGISTRY/v2/" > /dev/null 2>&1 && break; sleep 0.2; done
fi

# ---- 3. Jib: the app's layers on the base, pushed to the loopback registry.
./mvnw -B -ntp package -Pimage -DskipTests -Dquarkus.datasource.db-kind=postgresql \
    -Dquarkus.jib.base-jvm-image="tar://$WORK/base.tar" \
    -Dquarkus.container-image.image="$REGISTRY/incidex:latest" \
    -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true
jib_done=$(date +%s)

# ---- 4. Out of the registry into a tarball any container tool loads.
rm -f "$OUT"
skopeo copy --quiet --src-tls-verify=false "docker://$REGISTRY/incidex:latest" "docker-archive:$OUT:incidex:latest"
echo "image: $OUT (incidex:latest), $(du -m "$OUT" | cut -f1) MiB;" \
    "base $((base_done - started)) s, Jib build $((jib_done - base_done)) s, total $(($(date +%s) - started)) s"
