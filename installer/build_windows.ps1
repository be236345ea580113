<#
.SYNOPSIS
    Builds the Windows installer of ASR Desktop (อสร. Desktop).

.DESCRIPTION
    From a clone of the repository, on Windows 10/11 x64 with Python 3.11 and Inno Setup 6:

        powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1

    1. makes a build virtual environment (.venv-build) and installs the app with PyInstaller;
    2. builds the one-folder app with installer\asr_desktop.spec into dist\ASR Desktop\;
    3. runs the frozen app's self-test (dist\ASR Desktop\asr-cli.exe self-test);
    4. compiles installer\asr_desktop.iss with Inno Setup into
       dist\installer\ASR-Desktop-Setup-<version>.exe (version from pyproject.toml).

.PARAMETER Python
    The Python 3.11 executable that creates the build environment (default: py -3.11 when
    the Python launcher is there, else python).

.PARAMETER SkipInstaller
    Stop after the self-test, without Inno Setup (to try the frozen app only).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Native {
    # Runs a program and stops the build when it fails ($ErrorActionPreference does not
    # cover the exit codes of native programs in Windows PowerShell 5.1). A simple function
    # (no param block), so arguments such as -m reach the program untouched.
    $program, $rest = $args
    Write-Host "> $program $($rest -join ' ')"
    & $program @rest
    if ($LASTEXITCODE -ne 0) { throw "$program failed with exit code $LASTEXITCODE" }
}

# -- 1. build environment ----------------------------------------------------------------
$Venv = Join-Path $Root ".venv-build"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        Invoke-Native $Python -m venv $Venv
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Native py -3.11 -m venv $Venv
    } else {
        Invoke-Native python -m venv $Venv
    }
}
Invoke-Native $VenvPython -m pip install --quiet --upgrade pip
Invoke-Native $VenvPython -m pip install --quiet . "pyinstaller>=6.10,<7"
$Version = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Write-Host "ASR Desktop $Version"

# -- 2. frozen app -----------------------------------------------------------------------
$Bundle = Join-Path $Root "dist\ASR Desktop"
if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
Invoke-Native $VenvPython -m PyInstaller --noconfirm --clean `
    --distpath (Join-Path $Root "dist") --workpath (Join-Path $Root "build\pyinstaller") `
    installer\asr_desktop.spec

# -- 3. self-test of the frozen app --------------------------------------------------------
$env:PYTHONIOENCODING = "utf-8"
Invoke-Native (Join-Path $Bundle "asr-cli.exe") self-test
if ($SkipInstaller) { return }

# -- 4. installer ------------------------------------------------------------------------
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue | Select-Object -First 1 -ExpandProperty Source)
if (-not $Iscc) {
    $Iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
}
if (-not $Iscc) {
    throw "Inno Setup 6 not found. Install it (winget install JRSoftware.InnoSetup) and run again."
}
Invoke-Native $Iscc "/DAppVersion=$Version" installer\asr_desktop.iss
$Setup = Join-Path $Root "dist\installer\ASR-Desktop-Setup-$Version.exe"
if (-not (Test-Path $Setup)) { throw "Inno Setup did not write $Setup" }
$SizeMB = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "Installer: $Setup ($SizeMB MB)"
