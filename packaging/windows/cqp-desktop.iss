; Inno Setup 6 script: Windows installer for cqp-desktop, built from dist\cqp-desktop\ (see
; cqp-desktop-windows.spec). Compile on Windows from the repository root:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\cqp-desktop.iss
; Output: dist\cqp-desktop-0.1.0-setup.exe (this file is UTF-8 with BOM, as ISCC 6 expects for accents)
; Installs per user by default (no administrator rights needed on a jury member's laptop); an
; administrator may choose "for all users". Data (database, backups) live in %LOCALAPPDATA%\Ucanss\
; cqp-desktop and are NEVER removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E3C52-8E0B-4B7B-9B9C-3F1C2A6D0C51}
AppName=cqp-desktop
AppVersion={#AppVersion}
AppVerName=cqp-desktop {#AppVersion}
AppPublisher=Ucanss
AppComments=Application hors ligne des jurys professionnels des CQP COS et GC
DefaultDirName={autopf}\cqp-desktop
DefaultGroupName=cqp-desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=cqp-desktop-{#AppVersion}-setup
SetupIconFile=resources\icons\cqp-desktop.ico
UninstallDisplayIcon={app}\cqp-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
MinVersion=10.0

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "Créer une icône sur le Bureau"; GroupDescription: "Raccourcis :"

[Files]
Source: "dist\cqp-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\cqp-desktop"; Filename: "{app}\cqp-desktop.exe"; Comment: "Jurys CQP COS / GC"
Name: "{group}\Vérifier l'installation (auto-test)"; Filename: "{cmd}"; Parameters: "/k ""{app}\cqp-desktop-console.exe"" --self-test"
Name: "{group}\Désinstaller cqp-desktop"; Filename: "{uninstallexe}"
Name: "{autodesktop}\cqp-desktop"; Filename: "{app}\cqp-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\cqp-desktop.exe"; Description: "Lancer cqp-desktop"; Flags: nowait postinstall skipifsilent

[Code]
{ Check the installed copy before its first start (same self-test as `cqp-desktop --self-test`):
  a failure is shown, with where to read the details, instead of a silent broken install. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := 'Vérification de l''installation (auto-test)…';
    if not Exec(ExpandConstant('{app}\cqp-desktop-console.exe'), '--self-test', '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      MsgBox('L''auto-test de cqp-desktop a échoué (code ' + IntToStr(ResultCode) + ').' + #13#10 +
             'Lancez « Vérifier l''installation (auto-test) » depuis le menu Démarrer pour lire le détail ' +
             'et transmettez-le à l''assistance.', mbError, MB_OK);
  end;
end;
