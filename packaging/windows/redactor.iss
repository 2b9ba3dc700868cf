; Inno Setup 6 script: the per-user Windows installer of Redactor.
;
; Built by `python packaging\build.py --windows`, which passes the version (read from
; redactor\__init__.py) and the folders:
;   iscc /DAppVersion=0.0.0 /DSourceDir=<PyInstaller bundle> /DOutputDir=<dist> redactor.iss
;
; - Installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\Redactor; a Start-menu entry; optionally a desktop icon.
; - Registers the .redactor case file type under HKEY_CURRENT_USER.
; - The uninstaller removes the program and those registry keys, and nothing else: cases
;   (wherever the user saved them), settings and logs under %APPDATA%/%LOCALAPPDATA%\Redactor
;   stay.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (packaging\build.py does this)
#endif
#ifndef RepoDir
  #define RepoDir AddBackslash(SourcePath) + "..\.."
#endif
#ifndef SourceDir
  #define SourceDir RepoDir + "\packaging\dist\redactor"
#endif
#ifndef OutputDir
  #define OutputDir RepoDir + "\packaging\dist"
#endif

#define AppName "Redactor"
#define GuiExe "redactor-gui.exe"
#define ProgId "Redactor.Case"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{98958052-3F9D-4AC5-9F0A-210728533372}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Redactor developers
AppCopyright=Licensed under the GNU AGPL-3.0-or-later
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-user: no UAC prompt, {autopf} becomes %LOCALAPPDATA%\Programs, {autoprograms} the
; user's Start menu, and registry entries go to HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile={#RepoDir}\LICENSE
SetupIconFile={#RepoDir}\resources\icons\redactor.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#OutputDir}
OutputBaseFilename=redactor-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; Close a running Redactor before files are replaced on upgrade.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
english.CaseFile=Redactor case
dutch.CaseFile=Redactor-zaak
english.AssocTask=Open .redactor case files with Redactor
dutch.AssocTask=.redactor-zaakbestanden openen met Redactor

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocFileExtension,{#AppName},.redactor}"

[InstallDelete]
; An upgrade replaces the bundle as a whole: files a newer build no longer ships must not linger
; and be picked up (stale Qt plug-ins or libraries). Only the program folder is touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Redact PDF documents for release"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; File association, per user (HKA is HKCU in a non-administrative install). Uninstalling
; removes the ProgId key and our values under .redactor; other programs' entries stay.
Root: HKA; Subkey: "Software\Classes\.redactor"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\.redactor\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:CaseFile}"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"",0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: association
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".redactor"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes what it installed and
; leaves the user's cases, settings and logs alone.
