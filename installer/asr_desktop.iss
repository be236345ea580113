; Inno Setup 6 script: the per-user Windows installer of ASR Desktop (อสร. Desktop).
;
; Built by installer\build_windows.ps1 after PyInstaller has made dist\ASR Desktop\:
;   iscc /DAppVersion=0.1.0 installer\asr_desktop.iss
; gives dist\installer\ASR-Desktop-Setup-0.1.0.exe.
;
; - No administrator rights: PrivilegesRequired=lowest installs into
;   %LOCALAPPDATA%\Programs\ASR Desktop with Start-menu and desktop shortcuts for the
;   current user only. The folder is spelled {localappdata}\Programs, not {userpf}: on
;   Windows both are the same folder, but Wine cannot expand {userpf} (it lacks
;   FOLDERID_UserProgramFiles), and installer/check_windows.sh runs this setup under Wine.
; - Updating = running a newer setup over the old one (same AppId). The office's data
;   lives elsewhere (%LOCALAPPDATA%\ASR Desktop, see services/paths.py) and is never touched
;   by an install or an update.
; - Uninstalling keeps that data unless the user ticks the box on the uninstaller's own
;   page, or passes /DELETEDATA on the uninstaller's command line (a silent uninstall shows
;   no page: `unins000.exe /VERYSILENT /DELETEDATA`), see [Code].
; - Thai and English pages. Inno Setup 6 ships no Thai messages file (Thai is only among
;   the unofficial, user-contributed translations), so languages\Thai.isl holds our own
;   translation, layered over the English defaults: any message it lacks shows in English.
;
; This file and Thai.isl are UTF-8 with a byte-order mark, which Inno Setup 6 needs to
; read Thai text.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\ASR Desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
#ifndef Compression
  ; installer/check_windows.sh passes a faster one: lzma2/max takes minutes on a CI machine.
  #define Compression "lzma2/max"
#endif
#define AppName "ASR Desktop"
#define AppExe "ASR Desktop.exe"
; The data folder of services/paths.py: %LOCALAPPDATA%\ASR Desktop
#define DataDir "{localappdata}\ASR Desktop"

[Setup]
; Never change AppId: Windows finds the installed copy by it when an update runs.
AppId={{F0507686-0694-46ED-9809-D52DC3940AD8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ASR Desktop project
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=ASR-Desktop-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\asr-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
RestartApplications=no

[Languages]
; Thai first: a Thai Windows picks it without asking; on any other Windows the language
; dialog opens with Thai selected.
Name: "thai"; MessagesFile: "compiler:Default.isl,languages\Thai.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AppDisplayName=ASR Desktop
english.DeleteDataTitle=Your office's data
english.DeleteDataExplain=The database and its backups are in%n%1%n%nThey are kept so that a reinstall, or a newer version, opens them again. Tick the box only if this computer should no longer hold the volunteers' data.
english.DeleteDataCheck=&Also delete the database and all backups (cannot be undone)
english.DeleteDataConfirm=All volunteer records and backups on this computer will be deleted and cannot be recovered.%n%nDelete them?
english.DataKeptNote=The office's data was kept in %1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole bundle, so no file of an older version lingers beside the
; new one. Only {app} is touched; the office's data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDisplayName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDisplayName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppDisplayName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteOfficeData: Boolean;

{ True when the uninstaller's command line holds /DELETEDATA (in any case). The
  uninstaller re-runs itself from a temporary folder and passes its parameters on, so the
  copy that does the work sees the switch too. }
function DeleteDataSwitch(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount() do
    if CompareText(ParamStr(I), '/DELETEDATA') = 0 then
      Result := True;
end;

{ The uninstaller's own page: one explanation and one check box, unticked unless the
  command line asked for the data to go. }
function AskDeleteOfficeData(const DataDir: String; const Ticked: Boolean): Boolean;
var
  Form: TSetupForm;
  Explain: TNewStaticText;
  Check: TNewCheckBox;
  OkButton: TNewButton;
begin
  Result := False;
#if VER >= EncodeVer(6, 6, 0, 0)
  { Inno Setup 6.6 takes the size when the form is made. }
  Form := CreateCustomForm(ScaleX(460), ScaleY(250), False, True);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(250);
#endif
  try
    Form.Caption := CustomMessage('DeleteDataTitle');

    Explain := TNewStaticText.Create(Form);
    Explain.Parent := Form;
    Explain.Left := ScaleX(16);
    Explain.Top := ScaleY(16);
    Explain.Width := Form.ClientWidth - ScaleX(32);
    Explain.WordWrap := True;
    Explain.AutoSize := True;
    Explain.Caption := FmtMessage(CustomMessage('DeleteDataExplain'), [DataDir]);

    Check := TNewCheckBox.Create(Form);
    Check.Parent := Form;
    Check.Left := ScaleX(16);
    Check.Top := Form.ClientHeight - ScaleY(80);
    Check.Width := Form.ClientWidth - ScaleX(32);
    Check.Height := ScaleY(24);
    Check.Caption := CustomMessage('DeleteDataCheck');
    Check.Checked := Ticked;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(26);
    OkButton.Left := Form.ClientWidth - OkButton.Width - ScaleX(16);
    OkButton.Top := Form.ClientHeight - OkButton.Height - ScaleY(14);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    Form.ActiveControl := OkButton;
    Form.ShowModal();
    Result := Check.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  DataDir := ExpandConstant('{#DataDir}');
  case CurUninstallStep of
    usUninstall:
      begin
        { After the user confirmed the uninstall, before any file is removed. A silent
          uninstall deletes the data only when the command line says /DELETEDATA. }
        DeleteOfficeData := False;
        if UninstallSilent() then
          DeleteOfficeData := DeleteDataSwitch()
        else if DirExists(DataDir) then
          if AskDeleteOfficeData(DataDir, DeleteDataSwitch()) then
            DeleteOfficeData :=
              MsgBox(CustomMessage('DeleteDataConfirm'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
      end;
    usPostUninstall:
      begin
        if DeleteOfficeData then
        begin
          if DelTree(DataDir, True, True, True) then
            Log('Deleted the office''s data: ' + DataDir)
          else
            Log('Could not delete all of the office''s data: ' + DataDir);
        end
        else if DirExists(DataDir) then
        begin
          Log('Kept the office''s data: ' + DataDir);
          if not UninstallSilent() then
            MsgBox(FmtMessage(CustomMessage('DataKeptNote'), [DataDir]), mbInformation, MB_OK);
        end;
      end;
  end;
end;
