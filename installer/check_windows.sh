#!/usr/bin/env bash
# Proves the Windows installer on Linux: compiles installer/asr_desktop.iss with Inno Setup's
# own compiler under Wine, then installs, upgrades and uninstalls the setup silently in a
# fresh 64-bit Wine prefix under Xvfb, checking what a Windows user would find.
#
#     installer/check_windows.sh [BUNDLE]
#
# BUNDLE is a one-folder PyInstaller build (dist/ASR Desktop); the Linux build of
# installer/asr_desktop.spec does: its size makes the setup's size real. Without it a small
# stand-in folder is packed. The frozen Windows app itself is built and tested only by the
# GitHub workflow (.github/workflows/windows-installer.yml): PyInstaller cannot cross-build.
#
# Needs wine (64- and 32-bit), Xvfb and Inno Setup's compiler. When they are missing and
# this runs as root with apt-get (and npm for Inno Setup), it installs them; otherwise it
# exits 77 with the reason ("skipped"). Exit 0: every check passed; 1: a check failed, and
# the message names the step and quotes the setup log. Nothing is cached between runs.
set -euo pipefail

INNO_VERSION=6.4.1
APP_ID='{F0507686-0694-46ED-9809-D52DC3940AD8}_is1'
SKIP=77
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-}

STEP=prepare
LOG=
STARTED=$(date +%s.%N)
STEP_STARTED=$STARTED
TIMES=()

say() { printf '[check_windows] %s\n' "$*"; }
skip() {
  say "SKIPPED: $*"
  exit "$SKIP"
}
fail() {
  say "FAILED at step '$STEP': $*"
  if [[ -n $LOG && -f $LOG ]]; then
    say "last lines of $(basename "$LOG"):"
    tail -n 25 "$LOG" | sed 's/^/    /'
  fi
  exit 1
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step() {
  TIMES+=("$(printf '%-17s %6s s' "$STEP" "$(elapsed "$STEP_STARTED")")")
  STEP=$1
  LOG=
  STEP_STARTED=$(date +%s.%N)
  say "-- $STEP"
}

# -- tools ---------------------------------------------------------------------------------

have_wine() {
  command -v wine >/dev/null && [[ -x /usr/lib/wine/wine || -e /usr/lib/i386-linux-gnu/wine ]]
}
need_apt=()
have_wine && dpkg -s wine32:i386 >/dev/null 2>&1 || need_apt+=(wine wine32:i386 wine64)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
if ((${#need_apt[@]})); then
  [[ $(id -u) == 0 ]] || skip "needs ${need_apt[*]} and is not root to install them"
  command -v apt-get >/dev/null || skip "needs ${need_apt[*]} and has no apt-get"
  step install-tools
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
  fi
  # Other apt users on the machine: wait for the lock instead of failing.
  apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
  apt_get update -qq >/dev/null || fail "apt-get update failed"
  apt_get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null ||
    fail "apt-get install ${need_apt[*]} failed"
fi
command -v wine >/dev/null || skip "wine is not installed"

WORK=$(mktemp -d -t asr-wine.XXXXXX)
XVFB_PID=
cleanup() {
  local rc=$?
  if [[ -n ${WINEPREFIX:-} && -d ${WINEPREFIX:-} ]]; then wineserver -k >/dev/null 2>&1 || true; fi
  if [[ -n $XVFB_PID ]]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  if [[ ${ASR_KEEP_WINE_WORK:-} == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT

ISCC_DIR=${ASR_INNO_DIR:-}
if [[ -z $ISCC_DIR ]]; then
  command -v npm >/dev/null || skip "Inno Setup's compiler comes from npm (innosetup@$INNO_VERSION); npm is missing"
  [[ $STEP == install-tools ]] || step install-tools
  (cd "$WORK" && npm pack --silent "innosetup@$INNO_VERSION" >/dev/null 2>&1) ||
    skip "npm pack innosetup@$INNO_VERSION failed (no registry?)"
  tar -xzf "$WORK/innosetup-$INNO_VERSION.tgz" -C "$WORK" package/bin
  ISCC_DIR=$WORK/package/bin
fi
[[ -f $ISCC_DIR/ISCC.exe ]] || fail "no ISCC.exe in $ISCC_DIR"

# -- a fresh 64-bit prefix with its own home, under its own X server --------------------------

step prefix
export HOME=$WORK/home WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko download dialogs, no menu entries in the (temporary) home.
export WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d'
mkdir -p "$HOME"
# The setup's wizard form is built even when silent: without an X display it fails with
# "Error reading FPreparingMemo.Lines.Strings".
display_number=
for n in $(seq 91 140); do
  if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then display_number=$n && break; fi
done
[[ -n $display_number ]] || fail "no free X display number"
Xvfb ":$display_number" -screen 0 1024x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$display_number ]] && break; sleep 0.1; done
[[ -e /tmp/.X11-unix/X$display_number ]] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=:$display_number
wineboot -i >"$WORK/wineboot.log" 2>&1 || fail "wineboot: $(tail -n 5 "$WORK/wineboot.log")"
wine winecfg -v win10 >/dev/null 2>&1 || fail "winecfg -v win10 failed"
wineserver -w
USER_DIR=$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -n 1)
[[ -d $USER_DIR ]] || fail "no user folder in the new prefix"
LOCAL=$USER_DIR/AppData/Local
APP="$LOCAL/Programs/ASR Desktop"
DATA="$LOCAL/ASR Desktop"
START_MENU="$USER_DIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ASR Desktop.lnk"
DESKTOP="$USER_DIR/Desktop/ASR Desktop.lnk"

# Windows paths without asking Wine: the prefix maps Z: to /. (Each winepath call is another
# Wine client, and one that connects while an idle server is shutting down dies with
# "wine client error: recvmsg: Connection reset by peer", as one CI run did.)
[[ $(readlink "$WINEPREFIX/dosdevices/z:") == / ]] || fail "the prefix has no Z: drive for /"
win() { printf 'Z:%s' "${1//\//\\}"; }

# Runs one Wine command (its output to OUT); when Wine's own server dropped the
# connection, which says nothing about the setup, waits for the server to end and runs the
# command once more, saying so in the log.
wine_step() { # out command...
  local out=$1
  shift
  local rc=0
  "$@" >"$out" 2>&1 || rc=$?
  if grep -q "wine client error" "$out"; then
    say "Wine's server dropped the connection ($(grep -m1 "wine client error" "$out")); once more"
    wineserver -k >/dev/null 2>&1 || true
    wineserver -w
    rc=0
    "$@" >"$out" 2>&1 || rc=$?
  fi
  return "$rc"
}

# The office's data as the app leaves it: a database and a backup.
mkdir -p "$DATA/backups"
head -c 65536 /dev/urandom >"$DATA/asr.db"
echo "backup" >"$DATA/backups/asr-2569-01-01.db"
data_sum() { (cd "$DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
DATA_SUM=$(data_sum)

# -- compile ---------------------------------------------------------------------------------

standin() { # a small bundle: two "executables" and an _internal folder
  local folder=$1 version=$2
  mkdir -p "$folder/_internal"
  printf 'ASR Desktop %s\n' "$version" >"$folder/ASR Desktop.exe"
  printf 'asr-cli %s\n' "$version" >"$folder/asr-cli.exe"
  printf '%s\n' "$version" >"$folder/_internal/version.txt"
  printf 'only in %s\n' "$version" >"$folder/_internal/only-$version.txt"
}
compile() { # version bundle
  local version=$1 bundle=$2
  LOG=$WORK/iscc-$version.log
  wine_step "$LOG" wine "$ISCC_DIR/ISCC.exe" /Q "/DAppVersion=$version" \
    "/DCompression=$COMPRESSION" "/DBundleDir=$(win "$bundle")" \
    "/DOutputDir=$(win "$WORK/out")" "$(win "$ROOT/installer/asr_desktop.iss")" ||
    fail "ISCC could not compile asr_desktop.iss for $version"
  # Every step starts with no Wine server left over from the one before.
  wineserver -w
  SETUP=$WORK/out/ASR-Desktop-Setup-$version.exe
  [[ -f $SETUP ]] || fail "ISCC made no $SETUP"
}

step compile
# The shipped setup uses lzma2/max: 76 MB for the 191 MB Linux bundle, but 3 CPU minutes
# (12 wall-clock minutes on a busy two-core machine). The check proves the script, not
# the compression, so it takes lzma2/fast unless ASR_SETUP_COMPRESSION says otherwise.
COMPRESSION=${ASR_SETUP_COMPRESSION:-lzma2/fast}
V1=0.1.0
V2=0.2.0
if [[ -n $BUNDLE ]]; then
  [[ -d $BUNDLE ]] || fail "bundle $BUNDLE is not a folder"
  compile "$V1" "$BUNDLE"
  BUNDLE_KIND="the real bundle ($(du -sm "$BUNDLE" | cut -f1) MB)"
else
  standin "$WORK/bundle-$V1" "$V1"
  compile "$V1" "$WORK/bundle-$V1"
  BUNDLE_KIND="a stand-in bundle"
fi
SETUP1=$SETUP
SETUP1_MB=$(awk -v b="$(stat -c %s "$SETUP1")" 'BEGIN { printf "%.1f", b / 1048576 }')
say "setup for $BUNDLE_KIND ($COMPRESSION): $SETUP1_MB MB"
# The upgrade is a stand-in either way: a second compression of the real bundle adds a
# minute and proves nothing more.
standin "$WORK/bundle-$V2" "$V2"
compile "$V2" "$WORK/bundle-$V2"
SETUP2=$SETUP

# -- helpers for the checks ----------------------------------------------------------------------

run_setup() { # setup log-name extra-args...
  local setup=$1 name=$2
  shift 2
  LOG=$WORK/$name.log
  wine_step "$WORK/$name.out" wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    "/LOG=$(win "$LOG")" "$@" || fail "$(basename "$setup") exited with $?: $(tail -n 3 "$WORK/$name.out")"
  wineserver -w
  [[ -f $LOG ]] || fail "the setup wrote no log"
  grep -q "Installation process succeeded\|Log closed" "$LOG" || fail "the setup log does not end"
}
run_uninstall() { # log-name extra-args...
  local name=$1
  shift
  LOG=$WORK/$name.log
  [[ -f $APP/unins000.exe ]] || fail "no unins000.exe in the install folder"
  wine_step "$WORK/$name.out" wine "$APP/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES \
    /NORESTART "/LOG=$(win "$LOG")" "$@" || fail "unins000.exe exited with $?: $(tail -n 3 "$WORK/$name.out")"
  # The uninstaller runs a copy of itself from a temporary folder; wait for it too.
  wineserver -w
  [[ -f $LOG ]] || fail "the uninstaller wrote no log"
}
# The value of one registry value under HKCU's uninstall key, from the prefix's user.reg
# (the wineserver has saved it after wineserver -w).
uninstall_value() {
  awk -v key="[Software\\\\\\\\Microsoft\\\\\\\\Windows\\\\\\\\CurrentVersion\\\\\\\\Uninstall\\\\\\\\$APP_ID]" \
    -v name="\"$1\"" '
      index($0, key) == 1 { inside = 1; next }
      /^\[/ { inside = 0 }
      inside && index($0, name "=") == 1 {
        value = substr($0, length(name) + 2); gsub(/^"|"$/, "", value); print value; exit
      }' "$WINEPREFIX/user.reg"
}
has_uninstall_key() { grep -qF "Uninstall\\\\$APP_ID]" "$WINEPREFIX/user.reg"; }
expect_value() { # name expected
  local got
  got=$(uninstall_value "$1")
  [[ $got == "$2" ]] || fail "uninstall key: $1 is '$got', expected '$2'"
}
lnk_points_to_app() { # shortcut: the .lnk names the app's exe (UTF-16 or ANSI)
  [[ -f $1 ]] || fail "no shortcut $1"
  iconv -f UTF-16LE -t UTF-8 "$1" 2>/dev/null | grep -aq 'ASR Desktop\\ASR Desktop.exe' ||
    grep -aq 'ASR Desktop\\ASR Desktop.exe' "$1" ||
    fail "shortcut $(basename "$1") does not point to ASR Desktop.exe"
}
data_untouched() {
  [[ -d $DATA ]] || fail "the office's data folder is gone"
  [[ $(data_sum) == "$DATA_SUM" ]] || fail "the office's data changed"
}

# -- install -----------------------------------------------------------------------------------

step install
run_setup "$SETUP1" install /LANG=thai
grep -q "Installation process succeeded" "$LOG" || fail "installation did not succeed"
[[ -f $APP/unins000.exe ]] || fail "nothing installed in %LOCALAPPDATA%\\Programs\\ASR Desktop"
if [[ -n $BUNDLE ]]; then
  missing=$(cd "$BUNDLE" && find . -type f | while read -r f; do [[ -f $APP/$f ]] || echo "$f"; done | head -n 3)
  [[ -z $missing ]] || fail "bundle files not installed: $missing"
else
  grep -qx "$V1" "$APP/_internal/version.txt" || fail "the installed files are not $V1"
fi
lnk_points_to_app "$START_MENU"
lnk_points_to_app "$DESKTOP"
has_uninstall_key || fail "no HKCU uninstall key $APP_ID"
expect_value DisplayVersion "$V1"
expect_value DisplayName "ASR Desktop $V1"
expect_value "Inno Setup: Language" thai
[[ $(uninstall_value InstallLocation) == *'\\AppData\\Local\\Programs\\ASR Desktop\\' ]] ||
  fail "uninstall key: InstallLocation is '$(uninstall_value InstallLocation)'"
# The Thai pages: the uninstaller's messages are Thai (its .dat holds the messages of the
# language the setup ran in, UTF-16; Thai code points have no zero byte).
LC_ALL=C grep -qaF "$(printf 'ถอนการติดตั้ง' | iconv -f UTF-8 -t UTF-16LE)" "$APP/unins000.dat" ||
  fail "the uninstaller's messages are not the Thai ones"
data_untouched
INSTALL_TAIL=$(tail -n 4 "$LOG")

# -- upgrade: a newer version over the old one -------------------------------------------------

step upgrade
run_setup "$SETUP2" upgrade /LANG=thai
grep -q "Installation process succeeded" "$LOG" || fail "the upgrade did not succeed"
grep -qx "$V2" "$APP/_internal/version.txt" || fail "the files were not replaced by $V2"
grep -q "ASR Desktop $V2" "$APP/ASR Desktop.exe" || fail "ASR Desktop.exe was not replaced"
[[ ! -e $APP/_internal/only-$V1.txt ]] || fail "a file of $V1 lingers in _internal"
if [[ -n $BUNDLE ]]; then
  [[ ! -e $APP/_internal/base_library.zip ]] || fail "the old bundle's _internal lingers"
fi
expect_value DisplayVersion "$V2"
[[ $(grep -c "Uninstall\\\\\\\\{F0507686" "$WINEPREFIX/user.reg") == 1 ]] ||
  fail "more than one uninstall key after the upgrade"
[[ $(find "$APP" -maxdepth 1 -name 'unins*.exe' | wc -l) == 1 ]] || fail "a second uninstaller appeared"
lnk_points_to_app "$START_MENU"
data_untouched
UPGRADE_TAIL=$(tail -n 4 "$LOG")

# -- silent uninstall keeps the data ---------------------------------------------------------

step uninstall-keep
run_uninstall uninstall-keep
grep -q "Kept the office's data" "$LOG" || fail "the uninstaller did not say it kept the data"
[[ ! -e $APP/ASR\ Desktop.exe && ! -e $APP/_internal ]] || fail "the program is still installed"
[[ ! -e $START_MENU && ! -e $DESKTOP ]] || fail "a shortcut is left behind"
! has_uninstall_key || fail "the uninstall key is left behind"
data_untouched
KEEP_TAIL=$(tail -n 4 "$LOG")

# -- uninstall with /DELETEDATA removes the data ---------------------------------------------

step uninstall-delete
run_setup "$SETUP2" reinstall
has_uninstall_key || fail "the reinstall made no uninstall key"
run_uninstall uninstall-delete /DELETEDATA
grep -q "Deleted the office's data" "$LOG" || fail "the uninstaller did not delete the data"
[[ ! -e $DATA ]] || fail "%LOCALAPPDATA%\\ASR Desktop is still there"
[[ ! -e $APP/ASR\ Desktop.exe ]] || fail "the program is still installed"
! has_uninstall_key || fail "the uninstall key is left behind"
DELETE_TAIL=$(tail -n 4 "$LOG")

step done
say "setup.exe for $BUNDLE_KIND ($COMPRESSION): $SETUP1_MB MB"
for name in INSTALL UPGRADE KEEP DELETE; do
  tail_var=${name}_TAIL
  say "log tail, $name:"
  printf '%s\n' "${!tail_var}" | sed 's/^/    /'
done
say "times:"
printf '    %s\n' "${TIMES[@]}"
say "all checks passed in $(elapsed "$STARTED") s"
