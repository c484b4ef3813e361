#!/usr/bin/env bash
# Runs a command where TorchSharp's native library can load.
#
# libLibTorchSharp.so needs GLIBCXX_3.4.32 (the libstdc++ of GCC 13). Hosts that have it run the command as it is.
# Older hosts (Debian 12 ships GCC 12) run it inside a Debian trixie rootfs that this script creates once and caches.
# The command enters the rootfs through a private mount namespace (unshare -m), so every mount disappears with it:
# after a normal exit, a failure or Ctrl-C alike. Inside, only the OS (/usr, /etc, /var) comes from trixie; the host's
# home, /tmp, dotnet install and every non-OS top-level directory (/work, /home, /opt, ...) appear at the same paths.
#
#   compat.sh exec [--with PKG[,PKG]] -- CMD [ARGS]  run CMD natively or inside the rootfs; exit code passes through
#   compat.sh setup [--with PKG[,PKG]]               create the rootfs now (needs root), plus extra trixie packages
#   compat.sh needs-compat [LIBSTDCXX]               exit 0 when the compat rootfs is needed, 1 when the host is enough
#   compat.sh status                                 say what this host uses and where the rootfs lives
#
# Environment: GEOAI_COMPAT=auto|always|never (default auto), GEOAI_CACHE_DIR (default ~/.cache/geoai-bench),
# GEOAI_DEBIAN_MIRROR (default: the Debian mirror in this host's apt sources).
set -euo pipefail
# chroot and unshare live in sbin, which a user's PATH may leave out.
PATH="$PATH:/usr/sbin:/sbin"

readonly REQUIRED_SYMBOL=GLIBCXX_3.4.32
readonly SUITE=trixie
# fontconfig + a font: charts are drawn inside the rootfs, and a minbase system has no fonts.
readonly BASE_PACKAGES=ca-certificates,libicu76,fontconfig,fonts-dejavu-core
# Bump when BASE_PACKAGES or the layout change, so that older cached rootfs are rebuilt instead of half-fitting.
readonly ROOTFS_FORMAT=1
# Top-level host directories that belong to the OS; the rootfs supplies its own. Everything else is bound through.
readonly OS_DIRS=" bin boot dev etc lib lib32 lib64 libx32 lost+found proc run sbin snap sys tmp usr var "

cache_dir=${GEOAI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/geoai-bench}
compat_dir=$cache_dir/compat
rootfs=$compat_dir/$SUITE
marker=$rootfs/.geoai-rootfs-format

say() { printf 'geoai-compat: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

find_libstdcxx() {
    local path
    path=$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }')
    [ -n "$path" ] || for path in /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6 ""; do
        [ -e "$path" ] && break
    done
    printf '%s' "$path"
}

# The symbol version is stored as a plain string in the library's version table, so grep finds it without binutils.
host_has_symbol() { [ -n "$1" ] && [ -r "$1" ] && grep -qaF "$REQUIRED_SYMBOL" "$1"; }

needs_compat() {
    case "${GEOAI_COMPAT:-auto}" in
        always) return 0 ;;
        never) return 1 ;;
        auto) ! host_has_symbol "${1:-$(find_libstdcxx)}" ;;
        *) die "GEOAI_COMPAT must be auto, always or never, not '${GEOAI_COMPAT}'" ;;
    esac
}

# The Debian mirror this host already uses: a source whose suite is the host's own codename (not -security/-updates).
debian_mirror() {
    if [ -n "${GEOAI_DEBIAN_MIRROR:-}" ]; then printf '%s' "$GEOAI_DEBIAN_MIRROR"; return; fi
    local codename
    codename=$(. /etc/os-release 2>/dev/null && printf '%s' "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || return 0
    {
        cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
            sed -E 's/\[[^]]*\]//' | awk -v c="$codename" '$1 == "deb" && $3 == c { print $2; exit }'
        cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v c="$codename" '
            /^[[:space:]]*$/ { if (uri != "" && hit) { print uri; exit } uri = ""; hit = 0; next }
            tolower($1) == "uris:" { uri = $2 }
            tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == c) hit = 1 }
            END { if (uri != "" && hit) print uri }'
    } | head -n 1
}

require_root_for() {
    [ "$(id -u)" -eq 0 ] && return
    die "$1 needs root. Run once: sudo GEOAI_CACHE_DIR='$cache_dir' '$0' setup
       (it creates $rootfs and hands it to you; later runs need no root)."
}

rootfs_ready() { [ -f "$marker" ] && [ "$(cat "$marker")" = "$ROOTFS_FORMAT" ]; }

install_host_package() {
    command -v "$1" >/dev/null && return
    require_root_for "Installing $2"
    say "installing $2 with apt-get"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null ||
        die "apt-get install $2 failed"
}

# Creates the rootfs once. A temporary directory is filled and renamed into place only after the marker is written,
# so a crash leaves nothing that looks complete; an exclusive lock keeps concurrent callers from building twice.
ensure_rootfs() {
    rootfs_ready && return
    require_root_for "Creating the compat rootfs ($rootfs)"
    mkdir -p "$compat_dir"
    exec 8>"$compat_dir/build.lock"
    flock 8
    if rootfs_ready; then exec 8>&-; return; fi
    install_host_package debootstrap debootstrap
    local mirror partial=$rootfs.partial log=$compat_dir/debootstrap.log start=$SECONDS
    mirror=$(debian_mirror)
    [ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources* for this host; set GEOAI_DEBIAN_MIRROR=<url>"
    say "host libstdc++ lacks $REQUIRED_SYMBOL: creating a Debian $SUITE rootfs in $rootfs from $mirror (once, ~1 min)"
    rm -rf "$partial" "$rootfs"
    if ! debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$partial" "$mirror" >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        rm -rf "$partial"
        die "debootstrap failed (full log: $log)"
    fi
    # Let the user who asked through sudo enter the rootfs later without root (unshare -r maps them to root inside).
    if [ -n "${SUDO_UID:-}" ]; then chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$partial" "$compat_dir"; fi
    echo "$ROOTFS_FORMAT" >"$partial/.geoai-rootfs-format"
    mv "$partial" "$rootfs"
    say "rootfs ready in $((SECONDS - start)) s ($(du -sh "$rootfs" | cut -f1))"
    exec 8>&-
}

# Extra trixie packages some commands need (the tests need chromium); each is installed once and recorded.
ensure_packages() {
    local wanted=() pkg
    for pkg in ${1//,/ }; do [ -f "$rootfs/.geoai-package-$pkg" ] || wanted+=("$pkg"); done
    [ ${#wanted[@]} -gt 0 ] || return 0
    require_root_for "Installing ${wanted[*]} into the compat rootfs"
    exec 8>"$compat_dir/build.lock"
    if ! flock -n 8; then
        say "waiting for the geoai commands now running to finish: installing ${wanted[*]} needs the rootfs to itself (once)"
        flock 8
    fi
    say "installing ${wanted[*]} into the compat rootfs"
    if ! (run_in_rootfs sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null && apt-get clean' \
        sh "${wanted[@]}"); then
        die "apt-get install ${wanted[*]} failed inside $rootfs"
    fi
    for pkg in "${wanted[@]}"; do touch "$rootfs/.geoai-package-$pkg"; done
    exec 8>&-
}

dotnet_root() {
    local dotnet
    dotnet=$(command -v dotnet 2>/dev/null) || return 0
    dirname "$(readlink -f "$dotnet")"
}

# Host paths to see inside at the same place: every non-OS top-level directory, home, /tmp, and the dotnet install.
host_binds() {
    local dir name
    for dir in /*/; do
        name=${dir#/}; name=${name%/}
        case "$OS_DIRS" in *" $name "*) continue ;; esac
        [ -d "$dir" ] && [ ! -L "${dir%/}" ] && printf '%s\n' "/$name"
    done
    printf '%s\n' /tmp "$HOME"
    dotnet_root
}

# Runs inside a fresh mount namespace: mounts into the rootfs, then chroots and runs the command from the caller's cwd.
enter_namespace() {
    local target cwd=$1; shift
    mount --rbind /proc "$rootfs/proc"
    mount --rbind /dev "$rootfs/dev"
    mount --rbind /sys "$rootfs/sys"
    while IFS= read -r target; do
        [ -n "$target" ] && [ -d "$target" ] || continue
        mkdir -p "$rootfs$target"
        mount --rbind "$target" "$rootfs$target"
    done < <(host_binds | sort -u)
    # NuGet here goes through a TLS proxy whose CA only the host's store holds.
    mount --bind /etc/ssl/certs "$rootfs/etc/ssl/certs"
    for target in /etc/resolv.conf /etc/hosts; do
        [ -e "$target" ] || continue
        rm -f "$rootfs$target"; touch "$rootfs$target"
        mount --bind "$target" "$rootfs$target"
    done
    local droot
    droot=$(dotnet_root)
    exec chroot "$rootfs" /usr/bin/env -u LD_LIBRARY_PATH \
        PATH="${droot:+$droot:}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        ${droot:+DOTNET_ROOT="$droot"} \
        GEOAI_COMPAT_ACTIVE=1 \
        MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false \
        /bin/sh -c 'cd "$1" 2>/dev/null || cd /; shift; exec "$@"' sh "$cwd" "$@"
}

run_in_rootfs() {
    local userns=()
    # Without root, a user namespace maps the caller to root inside, which is enough for bind mounts and chroot.
    [ "$(id -u)" -eq 0 ] || userns=(-r)
    exec unshare "${userns[@]}" -m --propagation private "$BASH" "$0" __enter "$PWD" "$@"
}

cmd_exec() {
    local extras=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --with) extras=$2; shift 2 ;;
            --) shift; break ;;
            *) break ;;
        esac
    done
    [ $# -gt 0 ] || die "exec needs a command after --"
    if ! needs_compat; then
        export GEOAI_COMPAT_ACTIVE=1
        exec "$@"
    fi
    ensure_rootfs
    [ -z "$extras" ] || ensure_packages "$extras"
    # Held for the command's lifetime: a rebuild (exclusive lock) waits until no command uses the rootfs.
    if [ -r "$compat_dir/build.lock" ]; then exec 9<"$compat_dir/build.lock"; flock -s 9; fi
    run_in_rootfs "$@"
}

cmd_status() {
    local lib
    lib=$(find_libstdcxx)
    if needs_compat "$lib"; then
        echo "host libstdc++ ${lib:-(not found)} lacks $REQUIRED_SYMBOL (or GEOAI_COMPAT=always): commands run in $rootfs"
        if rootfs_ready; then echo "rootfs: ready (format $ROOTFS_FORMAT)"; else echo "rootfs: not created yet"; fi
    else
        echo "host libstdc++ $lib provides $REQUIRED_SYMBOL: commands run natively"
    fi
}

case "${1:-}" in
    exec) shift; cmd_exec "$@" ;;
    setup)
        shift
        [ "${1:-}" != "--with" ] || { ensure_rootfs; ensure_packages "$2"; exit 0; }
        ensure_rootfs ;;
    needs-compat) shift; needs_compat "${1:-}" ;;
    status) cmd_status ;;
    __enter) shift; enter_namespace "$@" ;;
    *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
