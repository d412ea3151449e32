<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="cs" sourcelanguage="en">
<context>
    <name>Annex</name>
    <message>
        <location filename="../../ui/annex_labels.py" line="14" />
        <source>EDC (sealed)</source>
        <translation>EDC (zapečetěný)</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../ui/card_delegate.py" line="84" />
        <source>%1 ECTS</source>
        <translation>%1 ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/card_delegate.py" line="87" />
        <source>EQF %1</source>
        <translation>EQF %1</translation>
    </message>
</context>
<context>
    <name>CheckCard</name>
    <message>
        <location filename="../../ui/verify_panel.py" line="74" />
        <source>Details</source>
        <translation>Podrobnosti</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="76" />
        <source>Show details</source>
        <translation>Zobrazit podrobnosti</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <location filename="../../ui/share_wizard.py" line="113" />
        <source>Choose credentials</source>
        <translation>Vyberte certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="114" />
        <source>Tick the credentials the employer should see.</source>
        <translation>Zaškrtněte certifikáty, které má zaměstnavatel vidět.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="117" />
        <source>Credentials to share</source>
        <translation>Certifikáty ke sdílení</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="125" />
        <source>(untitled)</source>
        <translation>(bez názvu)</translation>
    </message>
</context>
<context>
    <name>CreateWalletDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="51" />
        <source>Create your Kredo wallet</source>
        <translation>Vytvořte si peněženku Kredo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="54" />
        <source>Kredo keeps your credentials in an encrypted wallet on this computer.</source>
        <translation>Kredo uchovává vaše certifikáty v šifrované peněžence v tomto počítači.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="58" />
        <source>Keep the wallet key in the system keyring</source>
        <translation>Uložit klíč peněženky do systémové klíčenky</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="59" />
        <source>Protect the wallet with a passphrase</source>
        <translation>Chránit peněženku heslem</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="70" />
        <source>Passphrase</source>
        <translation>Heslo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="72" />
        <source>Repeat the passphrase</source>
        <translation>Zopakujte heslo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="73" />
        <source>Passphrase:</source>
        <translation>Heslo:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="74" />
        <source>Repeat:</source>
        <translation>Znovu:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="98" />
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Zvolte heslo o délce alespoň 8 znaků.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="101" />
        <source>The two passphrases differ.</source>
        <translation>Hesla se neshodují.</translation>
    </message>
</context>
<context>
    <name>CredentialListModel</name>
    <message>
        <location filename="../../ui/credential_model.py" line="140" />
        <source>(untitled)</source>
        <translation>(bez názvu)</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/detail_panel.py" line="97" />
        <location filename="../../ui/detail_panel.py" line="177" />
        <source>Select a credential to see it in full.</source>
        <translation>Vyberte certifikát a uvidíte ho celý.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="100" />
        <source>Credential details</source>
        <translation>Podrobnosti certifikátu</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="104" />
        <source>Language of the credential</source>
        <translation>Jazyk certifikátu</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="109" />
        <source>Micro-credential elements</source>
        <translation>Prvky mikrocertifikátu</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="113" />
        <source>Credential language:</source>
        <translation>Jazyk certifikátu:</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="127" />
        <source>Overview</source>
        <translation>Přehled</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="132" />
        <source>Verification</source>
        <translation>Ověření</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="138" />
        <source>Original credential</source>
        <translation>Původní certifikát</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="140" />
        <source>Copy</source>
        <translation>Kopírovat</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="144" />
        <source>Raw</source>
        <translation>Zdroj</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="149" />
        <location filename="../../ui/detail_panel.py" line="151" />
        <source>Note</source>
        <translation>Poznámka</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="153" />
        <source>Tags (comma separated)</source>
        <translation>Štítky (oddělené čárkou)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="155" />
        <source>Tags</source>
        <translation>Štítky</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="160" />
        <source>Save note and tags</source>
        <translation>Uložit poznámku a štítky</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="163" />
        <source>Notes and tags</source>
        <translation>Poznámky a štítky</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="202" />
        <source>In collections: %1</source>
        <translation>Ve sbírkách: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="246" />
        <source>Badge image</source>
        <translation>Obrázek odznaku</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="246" />
        <source>Credential page</source>
        <translation>Stránka certifikátu</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/share_wizard.py" line="260" />
        <source>Ready to share</source>
        <translation>Připraveno ke sdílení</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="261" />
        <source>Preparing…</source>
        <translation>Připravuji…</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="265" />
        <source>Save as…</source>
        <translation>Uložit jako…</translation>
    </message>
</context>
<context>
    <name>EuropassDialog</name>
    <message>
        <location filename="../../ui/export_dialogs.py" line="78" />
        <source>Export to Europass</source>
        <translation>Export do Europassu</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="80" />
        <source>Sealed credentials for the Europass wallet (the files exactly as you received them)</source>
        <translation>Zapečetěné certifikáty pro peněženku Europass (soubory přesně tak, jak jste je obdrželi)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="81" />
        <source>A Europass CV built from these credentials (XML)</source>
        <translation>Životopis Europass sestavený z těchto certifikátů (XML)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="84" />
        <source>What will be exported</source>
        <translation>Co bude exportováno</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="85" />
        <source>Credential</source>
        <translation>Certifikát</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="85" />
        <source>Europass</source>
        <translation>Europass</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="87" />
        <source>Given name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="89" />
        <source>Family name</source>
        <translation>Příjmení</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="91" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="92" />
        <source>Also a CV PDF carrying the XML</source>
        <translation>Také životopis v PDF s přiloženým XML</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="93" />
        <source>Open the folder after export</source>
        <translation>Po exportu otevřít složku</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="96" />
        <source>Given name:</source>
        <translation>Jméno:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="97" />
        <source>Family name:</source>
        <translation>Příjmení:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="98" />
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="105" />
        <source>Export…</source>
        <translation>Exportovat…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="146" />
        <source>will be exported unchanged</source>
        <translation>bude exportován beze změny</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="154" />
        <source>Save the Europass CV</source>
        <translation>Uložit životopis Europass</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="159" />
        <source>Choose a folder</source>
        <translation>Vyberte složku</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="176" />
        <source>%1 file(s) written, %2 not exportable. The README.txt says where to upload them.</source>
        <translation>Zapsané soubory: %1, nelze exportovat: %2. Soubor README.txt říká, kam je nahrát.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="199" />
        <source>The Europass CV was written to %1.</source>
        <translation>Životopis Europass byl zapsán do %1.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/share_wizard.py" line="215" />
        <source>How do you want to share?</source>
        <translation>Jak chcete sdílet?</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="218" />
        <source>A signed presentation file (for e-mail or upload)</source>
        <translation>Podepsaná prezentace v souboru (pro e-mail nebo nahrání)</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="219" />
        <source>A QR code on this screen, for the employer to scan</source>
        <translation>QR kód na této obrazovce, který zaměstnavatel naskenuje</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="220" />
        <source>A PDF document with the credential attached (one credential)</source>
        <translation>Dokument PDF s přiloženým certifikátem (jeden certifikát)</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="221" />
        <source>Copy the signed presentation to the clipboard</source>
        <translation>Zkopírovat podepsanou prezentaci do schránky</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="233" />
        <source>Challenge</source>
        <translation>Výzva</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="234" />
        <source>optional: given by the employer</source>
        <translation>nepovinné: zadá zaměstnavatel</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="236" />
        <source>Domain</source>
        <translation>Doména</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="237" />
        <source>optional: the employer's web address</source>
        <translation>nepovinné: webová adresa zaměstnavatele</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="239" />
        <source>Shared with</source>
        <translation>Sdíleno s</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="240" />
        <source>optional: for your own share log</source>
        <translation>nepovinné: pro váš záznam sdílení</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="242" />
        <source>Holder profile</source>
        <translation>Profil držitele</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="243" />
        <source>Challenge:</source>
        <translation>Výzva:</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="244" />
        <source>Domain:</source>
        <translation>Doména:</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="245" />
        <source>Shared with:</source>
        <translation>Sdíleno s:</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="246" />
        <source>Holder profile:</source>
        <translation>Profil držitele:</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../ui/import_flow.py" line="44" />
        <source>Import finished</source>
        <translation>Import dokončen</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="49" />
        <source>Imported: %1 · Already in the wallet: %2 · Not imported: %3</source>
        <translation>Importováno: %1 · Už v peněžence: %2 · Neimportováno: %3</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="57" />
        <source>File</source>
        <translation>Soubor</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="57" />
        <source>Result</source>
        <translation>Výsledek</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="58" />
        <source>Import results</source>
        <translation>Výsledky importu</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="59" />
        <source>imported</source>
        <translation>importováno</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="59" />
        <source>already in the wallet</source>
        <translation>už v peněžence</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="61" />
        <source>not imported</source>
        <translation>neimportováno</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="44" />
        <source>Kredo — locked</source>
        <translation>Kredo — zamčeno</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="45" />
        <source>Your wallet is locked.</source>
        <translation>Peněženka je zamčená.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="49" />
        <source>Nothing of your credentials is in memory until you unlock it.</source>
        <translation>Dokud ji neodemknete, není v paměti nic z vašich certifikátů.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="51" />
        <source>Unlock</source>
        <translation>Odemknout</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Kredo — micro-credential wallet</source>
        <translation>Kredo — peněženka mikrocertifikátů</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>Search credentials…</source>
        <translation>Hledat v certifikátech…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>Search credentials</source>
        <translation>Hledat v certifikátech</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>Any status</source>
        <translation>Jakýkoli stav</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Format</source>
        <translation>Formát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Any format</source>
        <translation>Jakýkoli formát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>EQF level</source>
        <translation>Úroveň EQF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>Any EQF level</source>
        <translation>Jakákoli úroveň EQF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>EQF %1</source>
        <translation>EQF %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>ECTS</source>
        <translation>ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>Any ECTS</source>
        <translation>Jakékoli ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>≥ %1 ECTS</source>
        <translation>≥ %1 ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>Sort</source>
        <translation>Řazení</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>Best match / import order</source>
        <translation>Nejlepší shoda / pořadí importu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>Newest first</source>
        <translation>Nejnovější první</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>Title</source>
        <translation>Název</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Issuer</source>
        <translation>Vydavatel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Most ECTS</source>
        <translation>Nejvíce ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Credentials</source>
        <translation>Certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>Your wallet is empty. Drop credential files or folders here, paste a credential (Ctrl+V), or use File → Import.</source>
        <translation>Peněženka je prázdná. Přetáhněte sem soubory nebo složky s certifikáty, vložte certifikát (Ctrl+V), nebo použijte Soubor → Importovat.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>&amp;Import…</source>
        <translation>&amp;Importovat…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>Import credential files or folders</source>
        <translation>Importovat soubory nebo složky s certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191" />
        <source>&amp;Paste credential</source>
        <translation>&amp;Vložit certifikát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Import a credential from the clipboard</source>
        <translation>Importovat certifikát ze schránky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>&amp;Verify</source>
        <translation>&amp;Ověřit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>Check the selected credential offline</source>
        <translation>Ověřit vybraný certifikát bez připojení</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196" />
        <source>&amp;Share…</source>
        <translation>&amp;Sdílet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197" />
        <source>Share the selected credentials with an employer</source>
        <translation>Sdílet vybrané certifikáty se zaměstnavatelem</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>Verify someone else's credential…</source>
        <translation>Ověřit cizí certifikát…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>Scan a QR code or open a file</source>
        <translation>Naskenovat QR kód nebo otevřít soubor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201" />
        <source>Receive from an issuer…</source>
        <translation>Přijmout od vydavatele…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202" />
        <source>Receive a credential with an OpenID4VCI offer</source>
        <translation>Přijmout certifikát z nabídky OpenID4VCI</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>S&amp;tacks…</source>
        <translation>Ku&amp;mulace…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>ECTS totals and goals for selected credentials</source>
        <translation>Součty ECTS a cíle pro vybrané certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205" />
        <source>Export as &amp;PDF…</source>
        <translation>Exportovat do &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206" />
        <source>Export to &amp;Europass…</source>
        <translation>Exportovat do &amp;Europassu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207" />
        <source>Add to &amp;collection…</source>
        <translation>Přidat do &amp;sbírky…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>&amp;Delete</source>
        <translation>&amp;Smazat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>&amp;Backup…</source>
        <translation>&amp;Zálohovat…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211" />
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Obnovit ze zálohy…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>Se&amp;ttings…</source>
        <translation>Nas&amp;tavení…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>&amp;Lock</source>
        <translation>&amp;Zamknout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>Lock the wallet now</source>
        <translation>Zamknout peněženku hned</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>&amp;About Kredo</source>
        <translation>&amp;O aplikaci Kredo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>&amp;Find</source>
        <translation>&amp;Hledat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221" />
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>&amp;Credential</source>
        <translation>&amp;Certifikát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>&amp;Tools</source>
        <translation>&amp;Nástroje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>Main toolbar</source>
        <translation>Hlavní panel nástrojů</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="292" />
        <location filename="../../ui/main_window.py" line="353" />
        <source>%n credential(s)</source>
        <translation><numerusform>%n certifikát</numerusform><numerusform>%n certifikáty</numerusform><numerusform>%n certifikátů</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374" />
        <source>Import credentials</source>
        <translation>Importovat certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375" />
        <source>Credentials (*.json *.jsonld *.jwt *.vc *.xml *.png *.svg *.txt);;All files (*)</source>
        <translation>Certifikáty (*.json *.jsonld *.jwt *.vc *.xml *.png *.svg *.txt);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395" />
        <source>The clipboard holds no credential.</source>
        <translation>Ve schránce není žádný certifikát.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401" />
        <source>Imported “%1”.</source>
        <translation>Importováno „%1“.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413" />
        <source>Select one or more credentials first.</source>
        <translation>Nejprve vyberte jeden nebo více certifikátů.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422" />
        <source>Delete credentials</source>
        <translation>Smazat certifikáty</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="423" />
        <source>Delete %n credential(s) from this wallet? This cannot be undone.</source>
        <translation><numerusform>Smazat %n certifikát z této peněženky? Nelze to vrátit.</numerusform><numerusform>Smazat %n certifikáty z této peněženky? Nelze to vrátit.</numerusform><numerusform>Smazat %n certifikátů z této peněženky? Nelze to vrátit.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438" />
        <source>Add to collection</source>
        <translation>Přidat do sbírky</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439" />
        <source>Collection name (new or existing):</source>
        <translation>Název sbírky (nové nebo existující):</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <location filename="../../ui/qr_widget.py" line="46" />
        <source>QR code</source>
        <translation>QR kód</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/receive_dialog.py" line="43" />
        <source>Receive a credential from an issuer</source>
        <translation>Přijmout certifikát od vydavatele</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="45" />
        <source>Paste the credential offer (openid-credential-offer://…) from the issuer's page or QR code. Kredo contacts the issuer only after you agree.</source>
        <translation>Vložte nabídku certifikátu (openid-credential-offer://…) ze stránky nebo QR kódu vydavatele. Kredo se s vydavatelem spojí až s vaším souhlasem.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="49" />
        <source>Credential offer</source>
        <translation>Nabídka certifikátu</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="53" />
        <source>Contact the issuer…</source>
        <translation>Spojit se s vydavatelem…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="59" />
        <source>Transaction code (PIN)</source>
        <translation>Kód transakce (PIN)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="60" />
        <source>PIN sent to you by the issuer</source>
        <translation>PIN, který vám poslal vydavatel</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="62" />
        <source>Receive and check</source>
        <translation>Přijmout a ověřit</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="65" />
        <source>Add to my wallet</source>
        <translation>Přidat do mé peněženky</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="68" />
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="84" />
        <source>Go online</source>
        <translation>Připojit se</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="85" />
        <source>Kredo will contact the issuer named in the offer. Continue?</source>
        <translation>Kredo se spojí s vydavatelem uvedeným v nabídce. Pokračovat?</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="92" />
        <source>Asking the issuer…</source>
        <translation>Ptám se vydavatele…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="99" />
        <source>Issuer: %1 (%2)</source>
        <translation>Vydavatel: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="105" />
        <source>The issuer asks for a transaction code (PIN).</source>
        <translation>Vydavatel žádá kód transakce (PIN).</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="117" />
        <source>Receiving…</source>
        <translation>Přijímám…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="132" />
        <source>%1 credential(s) will be issued later.</source>
        <translation>Vydání certifikátů později: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="151" />
        <source>%1 credential(s) added to your wallet.</source>
        <translation>Přidáno do peněženky: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_dialog.py" line="157" />
        <source>The issuer could not be reached or refused.</source>
        <translation>Vydavatel je nedostupný nebo odmítl.</translation>
    </message>
</context>
<context>
    <name>RevealPage</name>
    <message>
        <location filename="../../ui/share_wizard.py" line="163" />
        <source>Choose what to reveal</source>
        <translation>Vyberte, co ukázat</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="164" />
        <source>These credentials can show only some of their claims. Untick what the employer does not need to see.</source>
        <translation>Tyto certifikáty umějí ukázat jen některé své údaje. Odškrtněte, co zaměstnavatel vidět nepotřebuje.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="167" />
        <source>Claims to reveal</source>
        <translation>Údaje k odhalení</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="168" />
        <source>Claim</source>
        <translation>Údaj</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="168" />
        <source>Value</source>
        <translation>Hodnota</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <location filename="../../ui/scan_dialog.py" line="74" />
        <source>Verify someone else's credential</source>
        <translation>Ověřit cizí certifikát</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="81" />
        <source>Scan the QR code an applicant shows you, or open the file they sent. Kredo checks it here, offline; it is not added to your wallet unless you ask.</source>
        <translation>Naskenujte QR kód, který vám uchazeč ukáže, nebo otevřete soubor, který poslal. Kredo ho ověří zde, bez připojení; do vaší peněženky ho přidá, jen když o to požádáte.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="85" />
        <source>Open image, PDF or file…</source>
        <translation>Otevřít obrázek, PDF nebo soubor…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="87" />
        <source>Paste image</source>
        <translation>Vložit obrázek</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="89" />
        <source>Capture the screen</source>
        <translation>Zachytit obrazovku</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="92" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="93" />
        <location filename="../../ui/scan_dialog.py" line="225" />
        <source>Start camera</source>
        <translation>Zapnout kameru</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="105" />
        <source>Frames of a multi-part code</source>
        <translation>Části vícedílného kódu</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="106" />
        <source>%v of %m parts</source>
        <translation>%v z %m částí</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="111" />
        <source>Verification reports</source>
        <translation>Zprávy o ověření</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="112" />
        <source>Save report…</source>
        <translation>Uložit zprávu…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="114" />
        <source>Add to my wallet…</source>
        <translation>Přidat do mé peněženky…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="120" />
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="140" />
        <source>Open</source>
        <translation>Otevřít</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="141" />
        <source>Images, PDFs and credentials (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.json *.jsonld *.jwt *.vc);;All files (*)</source>
        <translation>Obrázky, PDF a certifikáty (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.json *.jsonld *.jwt *.vc);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="147" />
        <source>Reading…</source>
        <translation>Čtu…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="159" />
        <source>The clipboard holds no picture.</source>
        <translation>Ve schránce není žádný obrázek.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="166" />
        <source>No screen to capture.</source>
        <translation>Není co zachytit.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="172" />
        <source>The picture could not be read.</source>
        <translation>Obrázek nelze přečíst.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="175" />
        <source>picture</source>
        <translation>obrázek</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="190" />
        <source>No camera found</source>
        <translation>Nebyla nalezena kamera</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="209" />
        <source>The camera cannot be used: %1</source>
        <translation>Kameru nelze použít: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="212" />
        <source>The camera could not be started.</source>
        <translation>Kameru se nepodařilo zapnout.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="217" />
        <source>Stop camera</source>
        <translation>Vypnout kameru</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="247" />
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="256" />
        <source>Nothing could be read.</source>
        <translation>Nic se nepodařilo přečíst.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="276" />
        <source>From %1, checked just now (offline).</source>
        <translation>Z %1, ověřeno právě teď (bez připojení).</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="278" />
        <source>Credential %1</source>
        <translation>Certifikát %1</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="294" />
        <source>Save report</source>
        <translation>Uložit zprávu</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="308" />
        <source>The report could not be written.</source>
        <translation>Zprávu se nepodařilo zapsat.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="316" />
        <source>Add to my wallet</source>
        <translation>Přidat do mé peněženky</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="317" />
        <source>Add this credential to your own wallet? Do this only for credentials that are yours.</source>
        <translation>Přidat tento certifikát do vaší peněženky? Udělejte to jen u certifikátů, které jsou vaše.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_dialog.py" line="326" />
        <source>Added to your wallet.</source>
        <translation>Přidáno do vaší peněženky.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76" />
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78" />
        <source>General</source>
        <translation>Obecné</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79" />
        <source>Security</source>
        <translation>Zabezpečení</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80" />
        <source>Trust</source>
        <translation>Důvěra</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81" />
        <source>Backup</source>
        <translation>Záloha</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98" />
        <source>Language</source>
        <translation>Jazyk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99" />
        <source>Follow the system</source>
        <translation>Podle systému</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103" />
        <source>Lock after minutes of inactivity</source>
        <translation>Zamknout po minutách nečinnosti</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105" />
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107" />
        <source>Allow online checks (revocation lists, issuer keys)</source>
        <translation>Povolit ověřování online (seznamy odvolání, klíče vydavatelů)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108" />
        <source>The colours follow the system's light or dark theme.</source>
        <translation>Barvy se řídí světlým nebo tmavým motivem systému.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112" />
        <source>Language:</source>
        <translation>Jazyk:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113" />
        <source>Lock after:</source>
        <translation>Zamknout po:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120" />
        <source>Keep the wallet key in the system keyring (opens without a passphrase)</source>
        <translation>Uchovávat klíč peněženky v systémové klíčence (otevře se bez hesla)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125" />
        <location filename="../../ui/settings_dialog.py" line="305" />
        <source>System keyring</source>
        <translation>Systémová klíčenka</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131" />
        <source>Current passphrase</source>
        <translation>Současné heslo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="133" />
        <source>New passphrase</source>
        <translation>Nové heslo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="135" />
        <source>Repeat the new passphrase</source>
        <translation>Zopakujte nové heslo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="136" />
        <source>Change passphrase</source>
        <translation>Změnit heslo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="138" />
        <source>Passphrase</source>
        <translation>Heslo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140" />
        <source>Current:</source>
        <translation>Současné:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="141" />
        <source>New:</source>
        <translation>Nové:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="142" />
        <source>Repeat:</source>
        <translation>Znovu:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="147" />
        <source>Result</source>
        <translation>Výsledek</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158" />
        <location filename="../../ui/settings_dialog.py" line="171" />
        <source>Issuers you trust</source>
        <translation>Vydavatelé, kterým důvěřujete</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160" />
        <source>Issuer identifier</source>
        <translation>Identifikátor vydavatele</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="161" />
        <source>DID or web address of an issuer</source>
        <translation>DID nebo webová adresa vydavatele</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162" />
        <source>Add</source>
        <translation>Přidat</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="164" />
        <location filename="../../ui/settings_dialog.py" line="180" />
        <source>Remove</source>
        <translation>Odebrat</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165" />
        <source>Remove the selected issuer</source>
        <translation>Odebrat vybraného vydavatele</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="177" />
        <source>Issuer registries you imported</source>
        <translation>Registry vydavatelů, které jste importovali</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="178" />
        <source>Import a registry file…</source>
        <translation>Importovat soubor registru…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="181" />
        <source>Remove the selected registry</source>
        <translation>Odebrat vybraný registr</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="188" />
        <source>A registry file (DCC format) lists issuers a network vouches for. Kredo keeps it inside the encrypted wallet.</source>
        <translation>Soubor registru (formát DCC) uvádí vydavatele, za které se síť institucí zaručuje. Kredo ho uchovává uvnitř šifrované peněženky.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="191" />
        <source>Issuer registries</source>
        <translation>Registry vydavatelů</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="205" />
        <source>A backup is one encrypted file with every credential, note, tag and collection, protected by a passphrase of its own. Keep it somewhere other than this computer.</source>
        <translation>Záloha je jeden šifrovaný soubor se všemi certifikáty, poznámkami, štítky a sbírkami, chráněný vlastním heslem. Uložte ji jinam než na tento počítač.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="208" />
        <source>Back up now…</source>
        <translation>Zálohovat nyní…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="210" />
        <source>Restore from a backup…</source>
        <translation>Obnovit ze zálohy…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings_dialog.py" line="244" />
        <source>%1 — %n issuer(s), from %2</source>
        <translation><numerusform>%1 — %n vydavatel, ze souboru %2</numerusform><numerusform>%1 — %n vydavatelé, ze souboru %2</numerusform><numerusform>%1 — %n vydavatelů, ze souboru %2</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="275" />
        <source>No system keyring is available on this computer; the passphrase protects the wallet.</source>
        <translation>Na tomto počítači není k dispozici systémová klíčenka; peněženku chrání heslo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="279" />
        <source>The wallet opens without asking. Turn this off to be asked for the passphrase every time.</source>
        <translation>Peněženka se otevře bez ptaní. Vypněte to, chcete-li být pokaždé požádáni o heslo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="283" />
        <source>The wallet asks for its passphrase every time it opens.</source>
        <translation>Peněženka se při každém otevření ptá na heslo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="292" />
        <location filename="../../ui/settings_dialog.py" line="296" />
        <source>The wallet's passphrase:</source>
        <translation>Heslo peněženky:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="312" />
        <source>Choose a passphrase for the wallet (at least 8 characters):</source>
        <translation>Zvolte heslo peněženky (alespoň 8 znaků):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="314" />
        <location filename="../../ui/settings_dialog.py" line="344" />
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Zvolte heslo o délce alespoň 8 znaků.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="315" />
        <source>Repeat the passphrase:</source>
        <translation>Zopakujte heslo:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="316" />
        <location filename="../../ui/settings_dialog.py" line="347" />
        <source>The two passphrases differ.</source>
        <translation>Hesla se neshodují.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="324" />
        <source>The wallet key is now in the system keyring. The passphrase still opens the wallet if the keyring is ever lost.</source>
        <translation>Klíč peněženky je teď v systémové klíčence. Kdyby se klíčenka ztratila, peněženku otevře i nadále heslo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="327" />
        <source>The wallet key was removed from the system keyring; the wallet now asks for its passphrase.</source>
        <translation>Klíč peněženky byl ze systémové klíčenky odstraněn; peněženka se teď ptá na heslo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="330" />
        <source>Kredo no longer uses the system keyring, but the keyring did not delete the key. Remove the "kredo" entry in your keyring manager.</source>
        <translation>Kredo už systémovou klíčenku nepoužívá, ale klíčenka klíč nesmazala. Odstraňte položku „kredo“ ve správci klíčenky.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="359" />
        <source>The passphrase was changed.</source>
        <translation>Heslo bylo změněno.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="380" />
        <location filename="../../ui/settings_dialog.py" line="386" />
        <source>Import an issuer registry</source>
        <translation>Importovat registr vydavatelů</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="381" />
        <source>Issuer registries (*.json);;All files (*)</source>
        <translation>Registry vydavatelů (*.json);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="387" />
        <source>Name of the registry:</source>
        <translation>Název registru:</translation>
    </message>
</context>
<context>
    <name>ShareWizard</name>
    <message>
        <location filename="../../ui/share_wizard.py" line="81" />
        <source>Choose at least one credential to share.</source>
        <translation>Vyberte alespoň jeden certifikát ke sdílení.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="85" />
        <source>A PDF shows one credential: choose exactly one.</source>
        <translation>PDF ukazuje jeden certifikát: vyberte právě jeden.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="282" />
        <source>Share credentials</source>
        <translation>Sdílet certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="327" />
        <source>Preparing…</source>
        <translation>Připravuji…</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="346" />
        <source>Nothing was shared.</source>
        <translation>Nic nebylo sdíleno.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="356" />
        <source>Let the employer scan this code with Kredo or another wallet.</source>
        <translation>Nechte zaměstnavatele naskenovat tento kód aplikací Kredo nebo jinou peněženkou.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="360" />
        <source>The signed presentation is on the clipboard.</source>
        <translation>Podepsaná prezentace je ve schránce.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="362" />
        <source>Save the file and send it to the employer.</source>
        <translation>Uložte soubor a pošlete ho zaměstnavateli.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="370" />
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="380" />
        <source>The file could not be written.</source>
        <translation>Soubor se nepodařilo zapsat.</translation>
    </message>
    <message>
        <location filename="../../ui/share_wizard.py" line="383" />
        <source>Saved to %1.</source>
        <translation>Uloženo do %1.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/sidebar.py" line="29" />
        <source>Credential groups</source>
        <translation>Skupiny certifikátů</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="31" />
        <source>All credentials</source>
        <translation>Všechny certifikáty</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="32" />
        <source>Recently added</source>
        <translation>Nedávno přidané</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="33" />
        <source>Collections</source>
        <translation>Sbírky</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="34" />
        <source>Tags</source>
        <translation>Štítky</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar.py" line="35" />
        <source>Issuers</source>
        <translation>Vydavatelé</translation>
    </message>
</context>
<context>
    <name>StacksDialog</name>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="62" />
        <source>Stacks</source>
        <translation>Kumulace</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="66" />
        <source>Group</source>
        <translation>Skupina</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="66" />
        <source>ECTS</source>
        <translation>ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="67" />
        <source>ECTS totals</source>
        <translation>Součty ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="69" />
        <source>Goal</source>
        <translation>Cíl</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="70" />
        <source>e.g. Master in Data Science</source>
        <translation>např. magisterské studium datové vědy</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="72" />
        <source>Target ECTS</source>
        <translation>Cílové ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="75" />
        <source>Save as a goal</source>
        <translation>Uložit jako cíl</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="78" />
        <source>Progress toward the goal</source>
        <translation>Postup k cíli</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="79" />
        <source>%v of %m ECTS</source>
        <translation>%v z %m ECTS</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="81" />
        <source>Goal:</source>
        <translation>Cíl:</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="82" />
        <source>Target (ECTS):</source>
        <translation>Cíl (ECTS):</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="105" />
        <source>%1 credential(s), %2 ECTS in total.</source>
        <translation>Certifikátů: %1, celkem %2 ECTS.</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="107" />
        <source>%1 without ECTS.</source>
        <translation>Bez ECTS: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="110" />
        <source>By EQF level</source>
        <translation>Podle úrovně EQF</translation>
    </message>
    <message>
        <location filename="../../ui/stacks_dialog.py" line="111" />
        <source>By field</source>
        <translation>Podle oboru</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <location filename="../../ui/status_chip.py" line="11" />
        <source>Verified</source>
        <translation>Ověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="12" />
        <source>Partially verified</source>
        <translation>Částečně ověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="13" />
        <location filename="../../ui/status_chip.py" line="43" />
        <source>Failed</source>
        <translation>Neprošlo</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="14" />
        <source>Expired</source>
        <translation>Vypršela platnost</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="15" />
        <source>Revoked</source>
        <translation>Odvoláno</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="16" />
        <source>Not yet checked</source>
        <translation>Zatím neověřeno</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="40" />
        <source>OK</source>
        <translation>V pořádku</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="41" />
        <source>Warning</source>
        <translation>Upozornění</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="42" />
        <source>Skipped</source>
        <translation>Přeskočeno</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="49" />
        <source>Format</source>
        <translation>Formát</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="50" />
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="51" />
        <source>Issuer</source>
        <translation>Vydavatel</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="52" />
        <source>Validity</source>
        <translation>Platnost</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="53" />
        <source>Revocation status</source>
        <translation>Stav odvolání</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="54" />
        <source>Holder</source>
        <translation>Držitel</translation>
    </message>
    <message>
        <location filename="../../ui/status_chip.py" line="55" />
        <source>Accreditation</source>
        <translation>Akreditace</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <location filename="../../ui/unlock.py" line="36" />
        <source>Unlock Kredo</source>
        <translation>Odemknout Kredo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="37" />
        <source>Wallet passphrase:</source>
        <translation>Heslo peněženky:</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <location filename="../../ui/verify_panel.py" line="88" />
        <source>Verification verdict</source>
        <translation>Výsledek ověření</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="104" />
        <source>Verification checks</source>
        <translation>Kontroly ověření</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="111" />
        <source>Verify again</source>
        <translation>Ověřit znovu</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="112" />
        <source>Verify online…</source>
        <translation>Ověřit online…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="114" />
        <source>Looks up revocation lists and issuer keys on the internet, after asking.</source>
        <translation>Po dotazu vyhledá na internetu seznamy odvolání a klíče vydavatele.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="129" />
        <source>Verify online</source>
        <translation>Ověřit online</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="131" />
        <source>Kredo will contact the issuer's servers to fetch revocation lists and keys. They may learn that this credential is being checked. Go online?</source>
        <translation>Kredo se spojí se servery vydavatele kvůli seznamům odvolání a klíčům. Vydavatel se tak může dozvědět, že se certifikát ověřuje. Připojit se?</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="152" />
        <source>This credential has not been checked yet.</source>
        <translation>Tento certifikát zatím nebyl ověřen.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="156" />
        <source>Checking…</source>
        <translation>Ověřuji…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="169" />
        <source>offline</source>
        <translation>bez připojení</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="170" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="171" />
        <source>from cache</source>
        <translation>z mezipaměti</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="174" />
        <source>Checked %1 (%2).</source>
        <translation>Ověřeno %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="177" />
        <source>Checked just now (%1).</source>
        <translation>Ověřeno právě teď (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="200" />
        <source>unknown</source>
        <translation>neznámý</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="201" />
        <source>Issuer: %1</source>
        <translation>Vydavatel: %1</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="205" />
        <source>awarded by %1</source>
        <translation>udělil %1</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="207" />
        <source>on a trusted list (%1)</source>
        <translation>na důvěryhodném seznamu (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_panel.py" line="212" />
        <source>not on any trusted list</source>
        <translation>není na žádném důvěryhodném seznamu</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../ui/about.py" line="14" />
        <source>About Kredo</source>
        <translation>O aplikaci Kredo</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="15" />
        <source>&lt;b&gt;Kredo&lt;/b&gt; — a learner-owned wallet for micro-credentials.</source>
        <translation>&lt;b&gt;Kredo&lt;/b&gt; — peněženka mikrocertifikátů, kterou vlastní studující.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="21" />
        <source>Kredo</source>
        <translation>Kredo</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="28" />
        <source>Something went wrong that Kredo did not expect. Nothing was lost.</source>
        <translation>Stalo se něco, s čím Kredo nepočítalo. Nic se neztratilo.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="30" />
        <source>Error</source>
        <translation>Chyba</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="16" />
        <source>Backup passphrase:</source>
        <translation>Heslo zálohy:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="21" />
        <source>Repeat it:</source>
        <translation>Zopakujte ho:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="24" />
        <source>The two passphrases differ; nothing was written.</source>
        <translation>Hesla se neshodují; nic nebylo zapsáno.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="29" />
        <location filename="../../ui/backup_dialogs.py" line="33" />
        <source>Backup</source>
        <translation>Záloha</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="43" />
        <source>Backed up %1 credentials.</source>
        <translation>Zálohované certifikáty: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="49" />
        <source>Restore from backup</source>
        <translation>Obnovit ze zálohy</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="53" />
        <source>Restore</source>
        <translation>Obnovit</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="64" />
        <source>Restored %1 credentials; %2 were already here.</source>
        <translation>Obnovené certifikáty: %1; už zde bylo: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="46" />
        <source>Export as PDF</source>
        <translation>Exportovat do PDF</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialogs.py" line="58" />
        <source>Saved %1.</source>
        <translation>Uloženo %1.</translation>
    </message>
</context>
<context>
    <name>self.parent</name>
    <message>
        <location filename="../../ui/import_flow.py" line="93" />
        <source>Importing credentials…</source>
        <translation>Importuji certifikáty…</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="93" />
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
</context>
</TS>