#!/bin/sh
# Adds The Road Out to your desktop's applications menu, pointing at this folder.
# Undo: rm ~/.local/share/applications/the-road-out.desktop
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/the-road-out.png" "$icons/the-road-out.png"
sed -e "s|^Exec=.*|Exec=\"$here/the-road-out\"|" -e "s|^Icon=.*|Icon=$icons/the-road-out.png|" \
    "$here/the-road-out.desktop" > "$apps/the-road-out.desktop"
echo "Added The Road Out to $apps"
