#!/bin/sh
# Install the Clinic Intake bundle for the current user (no root needed):
#   ./install.sh             copy this folder to ~/.local/opt/clinic-intake, add a menu entry and `clinic-app`
#   ./install.sh --uninstall remove them again (the vault in ~/.local/share/clinic-intake is kept)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/clinic-intake
bin=$HOME/.local/bin
desktop=$prefix/applications/clinic-intake.desktop
icon_dir=$prefix/icons/hicolor

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target" "$desktop" "$bin/clinic-app" "$icon_dir/256x256/apps/clinic-intake.png" "$icon_dir/scalable/apps/clinic-intake.svg"
  echo "Removed Clinic Intake. Your vault was not touched."
  exit 0
fi

[ -x "$here/clinic-app" ] || { echo "error: run this from the unpacked clinic-intake folder" >&2; exit 1; }
mkdir -p "$target" "$bin" "$prefix/applications" "$icon_dir/256x256/apps" "$icon_dir/scalable/apps"
rm -rf "$target.new" && cp -a "$here" "$target.new" && rm -rf "$target" && mv "$target.new" "$target"
ln -sf "$target/clinic-app" "$bin/clinic-app"
cp "$here/_internal/resources/icons/clinic-intake.png" "$icon_dir/256x256/apps/clinic-intake.png"
cp "$here/_internal/resources/icons/clinic-intake.svg" "$icon_dir/scalable/apps/clinic-intake.svg"
# Menu launchers do not always see ~/.local/bin on PATH: point Exec at the installed binary.
sed -e "s|^Exec=.*|Exec=$target/clinic-app|" -e "s|^TryExec=.*|TryExec=$target/clinic-app|" \
  "$here/clinic-intake.desktop" > "$desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/applications" || true
echo "Installed Clinic Intake in $target; it is in the applications menu, and 'clinic-app' runs it from a terminal."
