; Inno Setup script: installs the one-folder build (dist\kredo\ from packaging\kredo.spec,
; built on Windows) per user or for all users, with Start menu entry, file types and the
; openid-credential-offer, openid4vp and haip-vp URL schemes. Build on Windows with Inno Setup 6:
;   pyinstaller --noconfirm --clean packaging\kredo.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\kredo.iss
; The installer lands in dist\installer\. See packaging\README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Kredo"
#define AppId "org.kredo.Kredo"
#define GuiExe "kredo-gui.exe"
#define ProgId "Kredo.Credential"

[Setup]
; AppId identifies the product across upgrades; never change it once released.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Kredo developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=Kredo-{#AppVersion}-setup
SetupIconFile=kredo.ico
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "cs"; MessagesFile: "compiler:Languages\Czech.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open credential files (.jsonld, .vc, .jwt) with Kredo"; GroupDescription: "File types:"

[Files]
Source: "..\..\dist\kredo\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; HKA is HKLM for an all-users install and HKCU for a per-user one.
; The document class the credential extensions point to.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Credential"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; Offered in "Open with" for each extension; the default only when the user chose the task.
Root: HKA; Subkey: "Software\Classes\.jsonld\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.vc\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jwt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jsonld"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.vc"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.jwt"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.jsonld"; ValueType: string; ValueName: "Content Type"; ValueData: "application/ld+json"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.vc"; ValueType: string; ValueName: "Content Type"; ValueData: "application/vc"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.jwt"; ValueType: string; ValueName: "Content Type"; ValueData: "application/jwt"; Flags: uninsdeletevalue; Tasks: associate
; Credential offers from issuers (OpenID4VCI): openid-credential-offer://?credential_offer=...
Root: HKA; Subkey: "Software\Classes\openid-credential-offer"; ValueType: string; ValueName: ""; ValueData: "URL:OpenID credential offer"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\openid-credential-offer"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\openid-credential-offer\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\openid-credential-offer\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; Requests from verifiers (OpenID4VP 1.0): openid4vp://?client_id=...&request_uri=...
Root: HKA; Subkey: "Software\Classes\openid4vp"; ValueType: string; ValueName: ""; ValueData: "URL:OpenID4VP presentation request"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\openid4vp"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\openid4vp\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\openid4vp\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; The same requests under the HAIP profile's scheme: haip-vp://?client_id=...
Root: HKA; Subkey: "Software\Classes\haip-vp"; ValueType: string; ValueName: ""; ValueData: "URL:HAIP presentation request"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\haip-vp"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\haip-vp\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\haip-vp\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
