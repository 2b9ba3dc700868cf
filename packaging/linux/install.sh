#!/bin/sh
# Install Redactor for the current user (no root needed), from the unpacked tarball or the
# tarball itself:
#
#   ./install.sh                                   # run inside the unpacked folder
#   sh install.sh redactor-X-linux-x86_64.tar.gz   # or name the downloaded tarball
#   ./install.sh --uninstall                       # remove it (or ~/.local/lib/redactor/uninstall.sh)
#
# Puts the program in ~/.local/lib/redactor, the commands `redactor` and `redactor-gui` in
# ~/.local/bin, and the menu entry, icons and the .redactor file type in ~/.local/share.
# Uninstalling removes exactly those; your cases, settings and logs are never touched.
set -eu

APP_ID=nl.redactor.Redactor
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
DEST="$HOME/.local/lib/redactor"

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

refresh_caches() {
    # Each tool is optional: desktops without them rescan on their own.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    for exe in redactor redactor-gui; do
        # Only our own links: a `redactor` from somewhere else stays.
        if [ -L "$BIN/$exe" ] && [ "$(readlink "$BIN/$exe")" = "$DEST/$exe" ]; then
            rm -f "$BIN/$exe"
        fi
    done
    rm -rf "$DEST"
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/mime/packages/redactor-mime.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -type f -exec rm -f {} + 2>/dev/null || true
    refresh_caches
    say "Redactor is uninstalled. Your cases and settings were left where they are."
}

# The installed copy is kept as uninstall.sh and uninstalls without being asked twice.
if [ "$(basename "$0")" = uninstall.sh ] && [ $# -eq 0 ]; then
    set -- --uninstall
fi
case "${1:-}" in
    --uninstall) uninstall; exit 0 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

# Where the unpacked bundle is: this script's folder, or a tarball given as argument.
CLEANUP=""
trap '[ -n "$CLEANUP" ] && rm -rf "$CLEANUP"' EXIT
if [ $# -ge 1 ]; then
    [ -f "$1" ] || die "no such file: $1"
    CLEANUP="$(mktemp -d)"
    tar -xzf "$1" -C "$CLEANUP" || die "$1 is not a Redactor tarball"
    SRC="$(find "$CLEANUP" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
else
    SRC="$(cd "$(dirname "$0")" && pwd)"
fi
if ! { [ -x "$SRC/redactor" ] && [ -x "$SRC/redactor-gui" ] && [ -d "$SRC/share" ]; }; then
    die "$SRC does not hold a Redactor bundle (redactor, redactor-gui, share/)"
fi
[ "$SRC" != "$DEST" ] || die "run install.sh from the unpacked tarball, not from $DEST"

# Replace an earlier version in one step, so a failed copy never leaves half an install.
mkdir -p "$(dirname "$DEST")" "$BIN"
NEW="$DEST.new.$$"
rm -rf "$NEW"
cp -R "$SRC" "$NEW"
mv "$NEW/install.sh" "$NEW/uninstall.sh"
rm -rf "$DEST.old"
if [ -e "$DEST" ]; then mv "$DEST" "$DEST.old"; fi
mv "$NEW" "$DEST"
rm -rf "$DEST.old"

ln -sfn "$DEST/redactor" "$BIN/redactor"
ln -sfn "$DEST/redactor-gui" "$BIN/redactor-gui"

# Desktop integration; the menu entry runs the installed program by its full path because
# ~/.local/bin is not on every desktop session's PATH.
mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
awk -v exe="$DEST/redactor-gui" '
    /^#/ { next }
    /^Exec=/ { sub(/^Exec=[^ ]*/, "Exec=\"" exe "\""); print; print "TryExec=" exe; next }
    { print }
' "$SRC/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$SRC/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp "$SRC/share/mime/packages/redactor-mime.xml" "$DATA/mime/packages/"
(cd "$SRC/share/icons" && find hicolor -type f) | while read -r icon; do
    mkdir -p "$DATA/icons/$(dirname "$icon")"
    cp "$SRC/share/icons/$icon" "$DATA/icons/$icon"
done
refresh_caches

VERSION="$("$DEST/redactor" --version 2>/dev/null | sed 's/.*version //')" || VERSION="?"
say "Redactor $VERSION is installed in $DEST."
say "Start it from your applications menu, or run: redactor-gui"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) say "Note: $BIN is not on your PATH; add it to use the 'redactor' command in a terminal." ;;
esac
say "To remove it: $DEST/uninstall.sh"
