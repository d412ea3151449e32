"""Czech translations of the interface, kept as a table a reviewer can read in one place.

``python packaging/fill_translations.py`` (run by ``make test``, ``make run`` and
``make translations``) writes them into a ``.ts`` freshly collected from the sources by
``pyside6-lupdate`` and compiles ``resources/translations/kredo_cs.qm``. A test fails when a
source string has no Czech translation here.
"""

CS: dict[str, str] = {
    # menus and actions
    "&Import…": "&Importovat…",
    "Import credential files or folders": "Importovat soubory nebo složky s certifikáty",
    "&Paste credential": "&Vložit certifikát",
    "Import a credential from the clipboard": "Importovat certifikát ze schránky",
    "&Verify": "&Ověřit",
    "Check the selected credential (online too, if allowed in Settings)":
        "Ověřit vybraný certifikát (i online, pokud to dovolíte v Nastavení)",
    "&Share…": "&Sdílet…",
    "Share the selected credentials with an employer": "Sdílet vybrané certifikáty se zaměstnavatelem",
    "&Verify someone else's credential…": "&Ověřit cizí certifikát…",
    "Scan a QR code or open a file": "Naskenovat QR kód nebo otevřít soubor",
    "&Receive from an issuer…": "&Přijmout od vydavatele…",
    "Receive a credential with an OpenID4VCI offer": "Přijmout certifikát z nabídky OpenID4VCI",
    "S&tacks…": "Ku&mulace…",
    "Export as &PDF…": "Exportovat do &PDF…",
    "ECTS totals and goals for selected credentials": "Součty ECTS a cíle pro vybrané certifikáty",
    "Export as P&DF…": "Exportovat do &PDF…",
    "Export to &Europass…": "Exportovat do &Europassu…",
    "Add to &collection…": "Přidat do s&bírky…",
    "&Delete": "S&mazat",
    "&Backup…": "&Zálohovat…",
    "&Restore from backup…": "&Obnovit ze zálohy…",
    "&Settings…": "Nas&tavení…",
    "&Lock": "Za&mknout",
    "Lock the wallet now": "Zamknout peněženku hned",
    "&About Kredo": "&O aplikaci Kredo",
    "&User guide": "&Uživatelská příručka",
    "How to import, verify and share credentials": "Jak importovat, ověřovat a sdílet certifikáty",
    "&Welcome screen": "&Vítací obrazovka",
    "Verify others": "Ověřit cizí",
    "&Quit": "&Ukončit",
    "&Find": "&Hledat",
    "&File": "&Soubor",
    "&Credential": "&Certifikát",
    "&Tools": "&Nástroje",
    "&Help": "Nápo&věda",
    "Main toolbar": "Hlavní panel nástrojů",
    # cards, list, filters
    "%1 ECTS": "%1 ECTS",
    "EQF %1": "EQF %1",
    "(untitled)": "(bez názvu)",
    "Kredo — micro-credential wallet": "Kredo — peněženka mikrocertifikátů",
    "Search credentials…": "Hledat v certifikátech…",
    "Search credentials": "Hledat v certifikátech",
    "Status": "Stav",
    "Any status": "Jakýkoli stav",
    "Format": "Formát",
    "Any format": "Jakýkoli formát",
    "EQF level": "Úroveň EQF",
    "Any EQF level": "Jakákoli úroveň EQF",
    "ECTS": "ECTS",
    "Any ECTS": "Jakékoli ECTS",
    "≥ %1 ECTS": "≥ %1 ECTS",
    "Sort": "Řazení",
    "Best match / import order": "Nejlepší shoda / pořadí importu",
    "Newest first": "Nejnovější první",
    "Title": "Název",
    "Issuer": "Vydavatel",
    "Most ECTS": "Nejvíce ECTS",
    "Credentials": "Certifikáty",
    "%n credential(s)": "%n certifikát|%n certifikáty|%n certifikátů",
    "Import credentials": "Importovat certifikáty",
    "Credentials (*.json *.jsonld *.jwt *.vc *.xml *.png *.svg *.txt);;All files (*)":
        "Certifikáty (*.json *.jsonld *.jwt *.vc *.xml *.png *.svg *.txt);;Všechny soubory (*)",
    "The clipboard holds no credential.": "Ve schránce není žádný certifikát.",
    "Imported “%1”.": "Importováno „%1“.",
    "Select one or more credentials first.": "Nejprve vyberte jeden nebo více certifikátů.",
    "Delete credentials": "Smazat certifikáty",
    "Delete %n credential(s) from this wallet? This cannot be undone.":
        "Smazat %n certifikát z této peněženky? Nelze to vrátit.|Smazat %n certifikáty z této peněženky? Nelze to vrátit.|Smazat %n certifikátů z této peněženky? Nelze to vrátit.",
    "Add to collection": "Přidat do sbírky",
    "Collection name (new or existing):": "Název sbírky (nové nebo existující):",
    # sidebar
    "Credential groups": "Skupiny certifikátů",
    "All credentials": "Všechny certifikáty",
    "Recently added": "Nedávno přidané",
    "Collections": "Sbírky",
    "Tags": "Štítky",
    "Issuers": "Vydavatelé",
    # detail
    "Select a credential to see it in full.": "Vyberte certifikát a uvidíte ho celý.",
    "Credential details": "Podrobnosti certifikátu",
    "Language of the credential": "Jazyk certifikátu",
    "Unspecified": "Neurčeno",  # a credential that does not state its language (und)
    "Micro-credential elements": "Prvky mikrocertifikátu",
    "Credential language:": "Jazyk certifikátu:",
    "Overview": "Přehled",
    "Verification": "Ověření",
    "Original credential": "Původní certifikát",
    "Copy": "Kopírovat",
    "Raw": "Zdroj",
    "Note": "Poznámka",
    "Tags (comma separated)": "Štítky (oddělené čárkou)",
    "Notes and tags": "Poznámky a štítky",
    "In collections: %1": "Ve sbírkách: %1",
    "Badge image": "Obrázek odznaku",
    "Credential page": "Stránka certifikátu",
    # formats and Annex
    "European Digital Credential (sealed)": "Evropský digitální certifikát (zapečetěný)",
    "European Digital Credential (unsealed)": "Evropský digitální certifikát (nezapečetěný)",
    "Europass credential (XML, ELM v1/v2)": "Certifikát Europass (XML, ELM v1/v2)",
    "W3C Verifiable Credential (JSON-LD)": "Ověřitelný certifikát W3C (JSON-LD)",
    "W3C Verifiable Credential (JWT)": "Ověřitelný certifikát W3C (JWT)",
    "SD-JWT Verifiable Credential": "Ověřitelný certifikát SD-JWT",
    "Open Badges 2.0": "Open Badges 2.0",
    # status chip and checks
    "Verified": "Ověřeno",
    "Partially verified": "Částečně ověřeno",
    "Could not be checked": "Nebylo možné ověřit",
    "Warning about the chosen credentials": "Upozornění k vybraným certifikátům",
    "One of the chosen credentials failed its last verification: the employer's check will "
    "fail too. Share it only if you know why.":
        "Jeden z vybraných certifikátů při posledním ověření neprošel: neprojde ani kontrolou "
        "zaměstnavatele. Sdílejte ho, jen pokud víte proč.",
    "%1 of the chosen credentials failed their last verification: the employer's check will "
    "fail too. Share them only if you know why.":
        "Vybrané certifikáty, které při posledním ověření neprošly: %1. Neprojdou ani kontrolou "
        "zaměstnavatele. Sdílejte je, jen pokud víte proč.",
    "One of the chosen credentials could not be checked the last time (its signature was not "
    "proven): the employer may not be able to check it either.":
        "Jeden z vybraných certifikátů se naposledy nepodařilo ověřit (jeho podpis nebyl "
        "prokázán): zaměstnavatel ho možná také neověří.",
    "%1 of the chosen credentials could not be checked the last time (their signatures were "
    "not proven): the employer may not be able to check them either.":
        "Vybrané certifikáty, které se naposledy nepodařilo ověřit (podpis nebyl prokázán): %1. "
        "Zaměstnavatel je možná také neověří.",
    "The signature or seal is proven and the issuer is on a trusted list.":
        "Podpis nebo pečeť jsou prokázány a vydavatel je na důvěryhodném seznamu.",
    "The signature or seal is proven, but something else could not be confirmed: "
    "see the checks below.":
        "Podpis nebo pečeť jsou prokázány, ale něco dalšího se nepodařilo potvrdit: "
        "podívejte se na kontroly níže.",
    "Could not be checked: this is not a sign of forgery; Kredo could not prove the "
    "signature or seal either way, for the reason given below. Do not rely on it "
    "until it is checked, for example online.":
        "Nebylo možné ověřit: nejde o známku padělku; Kredo nemohlo podpis ani pečeť "
        "potvrdit ani vyvrátit, z důvodu uvedeného níže. Dokud nebude certifikát ověřen, "
        "například online, nespoléhejte se na něj.",
    "Something is proven wrong (altered, revoked, expired or signed by someone else): "
    "do not rely on this credential.":
        "Něco je prokazatelně v nepořádku (změněno, odvoláno, prošlé nebo podepsané někým "
        "jiným): na tento certifikát se nespoléhejte.",
    "The credential was genuine, but its validity has ended.":
        "Certifikát byl pravý, ale jeho platnost skončila.",
    "The issuer has revoked or suspended this credential.":
        "Vydavatel tento certifikát odvolal nebo pozastavil.",
    "Failed": "Neprošlo",
    "Expired": "Vypršela platnost",
    "Revoked": "Odvoláno",
    "Not yet checked": "Zatím neověřeno",
    "OK": "V pořádku",
    "Warning": "Upozornění",
    "Skipped": "Přeskočeno",
    "Signature": "Podpis",
    "Validity": "Platnost",
    "Revocation status": "Stav odvolání",
    "Holder": "Držitel",
    "Accreditation": "Akreditace",
    # verification panel
    "Details": "Podrobnosti",
    "Show details": "Zobrazit podrobnosti",
    "Verification verdict": "Výsledek ověření",
    "What the verdict means": "Co výsledek znamená",
    "Verification checks": "Kontroly ověření",
    "Verify again": "Ověřit znovu",
    "Verify online…": "Ověřit online…",
    "Looks up revocation lists and issuer keys on the internet, after asking.":
        "Po dotazu vyhledá na internetu seznamy odvolání a klíče vydavatele.",
    "Verify online": "Ověřit online",
    "Kredo will contact the issuer's servers to fetch revocation lists and keys. They may learn that this credential is being checked. Go online?":
        "Kredo se spojí se servery vydavatele kvůli seznamům odvolání a klíčům. Vydavatel se tak může dozvědět, že se certifikát ověřuje. Připojit se?",
    "This credential has not been checked yet.": "Tento certifikát zatím nebyl ověřen.",
    "Checking…": "Ověřuji…",
    "offline": "bez připojení",
    "online": "online",
    "from cache": "z mezipaměti",
    "Checked %1 (%2).": "Ověřeno %1 (%2).",
    "Checked just now (%1).": "Ověřeno právě teď (%1).",
    "unknown": "neznámý",
    "Issuer: %1": "Vydavatel: %1",
    "awarded by %1": "udělil %1",
    "on a trusted list (%1)": "na důvěryhodném seznamu (%1)",
    "not on any trusted list": "není na žádném důvěryhodném seznamu",
    "Credential %1": "Certifikát %1",
    # create and unlock
    "Create your Kredo wallet": "Vytvořte si peněženku Kredo",
    "Kredo keeps your credentials in an encrypted wallet on this computer.":
        "Kredo uchovává vaše certifikáty v šifrované peněžence v tomto počítači.",
    "Keep the wallet key in the system keyring": "Uložit klíč peněženky do systémové klíčenky",
    "Protect the wallet with a passphrase": "Chránit peněženku heslem",
    "Passphrase": "Heslo",
    "Repeat the passphrase": "Zopakujte heslo",
    "Passphrase:": "Heslo:",
    "Repeat:": "Znovu:",
    "Unlock Kredo": "Odemknout Kredo",
    "Wallet passphrase:": "Heslo peněženky:",
    "Kredo — locked": "Kredo — zamčeno",
    "Your wallet is locked.": "Peněženka je zamčená.",
    "Nothing of your credentials is in memory until you unlock it.":
        "Dokud ji neodemknete, není v paměti nic z vašich certifikátů.",
    "Unlock": "Odemknout",
    "Wallet passphrase": "Heslo peněženky",
    "Type the wallet passphrase first.": "Nejdřív napište heslo peněženky.",
    "That passphrase does not open this wallet. Check Caps Lock and the keyboard layout, and try again.":
        "Toto heslo peněženku neotevře. Zkontrolujte Caps Lock a rozložení klávesnice a zkuste to znovu.",
    "After %n wrong tries, wait %1 s before the next one.":
        "Po %n chybném pokusu počkejte %1 s, než to zkusíte znovu.|"
        "Po %n chybných pokusech počkejte %1 s, než to zkusíte znovu.|"
        "Po %n chybných pokusech počkejte %1 s, než to zkusíte znovu.",
    "Try again.": "Zkuste to znovu.",
    "Your wallet is empty. To start, import a credential file you were given (File → Import, or drop it here), or receive one straight from your school (Tools → Receive from an issuer).":
        "Peněženka je prázdná. Začněte importem souboru s certifikátem, který jste dostali "
        "(Soubor → Importovat, nebo ho sem přetáhněte), nebo si ho nechte poslat přímo ze školy "
        "(Nástroje → Přijmout od vydavatele).",
    "Your credentials will show here.": "Zde se zobrazí vaše certifikáty.",
    "No credential matches “%1”.": "Hledání „%1“ neodpovídá žádný certifikát.",
    "No credential matches these filters.": "Těmto filtrům neodpovídá žádný certifikát.",
    "Note saving": "Ukládání poznámky",
    "Your note and tags are saved as you type.": "Poznámka a štítky se ukládají průběžně při psaní.",
    "Saving…": "Ukládám…",
    "Saved.": "Uloženo.",
    "Type the passphrase of your wallet to open it.": "Peněženku otevřete zadáním jejího hesla.",
    # share wizard
    "Share credentials": "Sdílet certifikáty",
    "Choose credentials": "Vyberte certifikáty",
    "Tick the credentials the employer should see.": "Zaškrtněte certifikáty, které má zaměstnavatel vidět.",
    "Credentials to share": "Certifikáty ke sdílení",
    "How do you want to share?": "Jak chcete sdílet?",
    "A signed presentation file (for e-mail or upload)": "Podepsaná prezentace v souboru (pro e-mail nebo nahrání)",
    "A QR code on this screen, for the employer to scan": "QR kód na této obrazovce, který zaměstnavatel naskenuje",
    "A PDF document with the credential attached (one credential)": "Dokument PDF s přiloženým certifikátem (jeden certifikát)",
    "Copy the signed presentation to the clipboard": "Zkopírovat podepsanou prezentaci do schránky",
    "Challenge": "Výzva",
    "optional: given by the employer": "nepovinné: zadá zaměstnavatel",
    "Domain": "Doména",
    "optional: the employer's web address": "nepovinné: webová adresa zaměstnavatele",
    "Shared with": "Sdíleno s",
    "optional: for your own share log": "nepovinné: pro váš záznam sdílení",
    "Holder profile": "Profil držitele",
    "Challenge:": "Výzva:",
    "Domain:": "Doména:",
    "Shared with:": "Sdíleno s:",
    "Holder profile:": "Profil držitele:",
    "Ready to share": "Připraveno ke sdílení",
    "Preparing…": "Připravuji…",
    "Save as…": "Uložit jako…",
    "Nothing was shared.": "Nic nebylo sdíleno.",
    "Let the employer scan this code.": "Nechte zaměstnavatele naskenovat tento kód.",
    "Show the expert details": "Zobrazit podrobnosti pro odborníky",
    "The signed presentation is on the clipboard.": "Podepsaná prezentace je ve schránce.",
    "Save the file and send it to the employer.": "Uložte soubor a pošlete ho zaměstnavateli.",
    "Save": "Uložit",
    "The file could not be written.": "Soubor se nepodařilo zapsat.",
    "Saved to %1.": "Uloženo do %1.",
    "QR code": "QR kód",
    # import
    "Import finished": "Import dokončen",
    "Imported: %1 · Already in the wallet: %2 · Not imported: %3":
        "Importováno: %1 · Už v peněžence: %2 · Neimportováno: %3",
    "File": "Soubor",
    "Result": "Výsledek",
    "Import results": "Výsledky importu",
    "imported": "importováno",
    "already in the wallet": "už v peněžence",
    "not imported": "neimportováno",
    "Importing credentials…": "Importuji certifikáty…",
    "Cancel": "Zrušit",
    # Europass and PDF
    "Export to Europass": "Export do Europassu",
    "Sealed credentials for the Europass wallet (the files exactly as you received them)":
        "Zapečetěné certifikáty pro peněženku Europass (soubory přesně tak, jak jste je obdrželi)",
    "A Europass CV built from these credentials (XML)": "Životopis Europass sestavený z těchto certifikátů (XML)",
    "What will be exported": "Co bude exportováno",
    "Credential": "Certifikát",
    "Europass": "Europass",
    "Given name": "Jméno",
    "Family name": "Příjmení",
    "E-mail": "E-mail",
    "Also a CV PDF carrying the XML": "Také životopis v PDF s přiloženým XML",
    "Open the folder after export": "Po exportu otevřít složku",
    "Given name:": "Jméno:",
    "Family name:": "Příjmení:",
    "E-mail:": "E-mail:",
    "Export…": "Exportovat…",
    "will be exported unchanged": "bude exportován beze změny",
    "Save the Europass CV": "Uložit životopis Europass",
    "Choose a folder": "Vyberte složku",
    "%1 file(s) written, %2 not exportable. The README.txt says where to upload them.":
        "Zapsané soubory: %1, nelze exportovat: %2. Soubor README.txt říká, kam je nahrát.",
    "The Europass CV was written to %1.": "Životopis Europass byl zapsán do %1.",
    "Export as PDF": "Exportovat do PDF",
    "Saved %1.": "Uloženo %1.",
    # receive
    "Receive a credential from an issuer": "Přijmout certifikát od vydavatele",
    "Paste the credential offer (openid-credential-offer://…) from the issuer's page or QR code. Kredo contacts the issuer only after you agree.":
        "Vložte nabídku certifikátu (openid-credential-offer://…) ze stránky nebo QR kódu vydavatele. Kredo se s vydavatelem spojí až s vaším souhlasem.",
    "Credential offer": "Nabídka certifikátu",
    "Contact the issuer…": "Spojit se s vydavatelem…",
    "Transaction code (PIN)": "Kód transakce (PIN)",
    "PIN sent to you by the issuer": "PIN, který vám poslal vydavatel",
    "Receive and check": "Přijmout a ověřit",
    "Add to my wallet": "Přidat do mé peněženky",
    "Close": "Zavřít",
    "Go online": "Připojit se",
    "Kredo will contact the issuer named in the offer. Continue?":
        "Kredo se spojí s vydavatelem uvedeným v nabídce. Pokračovat?",
    "Asking the issuer…": "Ptám se vydavatele…",
    "Issuer: %1 (%2)": "Vydavatel: %1 (%2)",
    "The issuer asks for a transaction code (PIN).": "Vydavatel žádá kód transakce (PIN).",
    "Receiving…": "Přijímám…",
    "%1 credential(s) will be issued later.": "Vydání certifikátů později: %1.",
    "%1 credential(s) added to your wallet.": "Přidáno do peněženky: %1.",
    "The issuer could not be reached or refused.": "Vydavatel je nedostupný nebo odmítl.",
    # scan
    "Verify someone else's credential": "Ověřit cizí certifikát",
    "Scan the QR code an applicant shows you, or open the file they sent. Kredo checks it here, offline; it is not added to your wallet unless you ask.":
        "Naskenujte QR kód, který vám uchazeč ukáže, nebo otevřete soubor, který poslal. Kredo ho ověří zde, bez připojení; do vaší peněženky ho přidá, jen když o to požádáte.",
    "Open image, PDF or file…": "Otevřít obrázek, PDF nebo soubor…",
    "Paste image": "Vložit obrázek",
    "Capture the screen": "Zachytit obrazovku",
    "Camera": "Kamera",
    "Start camera": "Zapnout kameru",
    "Frames of a multi-part code": "Části vícedílného kódu",
    "%v of %m parts": "%v z %m částí",
    "Verification reports": "Zprávy o ověření",
    "Save report…": "Uložit zprávu…",
    "Add to my wallet…": "Přidat do mé peněženky…",
    "Open": "Otevřít",
    "Images, PDFs and credentials (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.json *.jsonld *.jwt *.vc);;All files (*)":
        "Obrázky, PDF a certifikáty (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.json *.jsonld *.jwt *.vc);;Všechny soubory (*)",
    "Reading…": "Čtu…",
    "The clipboard holds no picture.": "Ve schránce není žádný obrázek.",
    "No screen to capture.": "Není co zachytit.",
    "The picture could not be read.": "Obrázek nelze přečíst.",
    "No camera found": "Nebyla nalezena kamera",
    "The camera cannot be used: %1": "Kameru nelze použít: %1",
    "The camera could not be started.": "Kameru se nepodařilo zapnout.",
    "Stop camera": "Vypnout kameru",
    "Nothing could be read.": "Nic se nepodařilo přečíst.",
    "From %1, checked just now (offline).": "Z %1, ověřeno právě teď (bez připojení).",
    "Save report": "Uložit zprávu",
    "Add this credential to your own wallet? Do this only for credentials that are yours.":
        "Přidat tento certifikát do vaší peněženky? Udělejte to jen u certifikátů, které jsou vaše.",
    "Added to your wallet.": "Přidáno do vaší peněženky.",
    "It is already in your wallet.": "Ve vaší peněžence už je.",
    "It was not added: %1": "Nebyl přidán: %1",
    # settings
    "Settings": "Nastavení",
    "Language": "Jazyk",
    "Follow the system": "Podle systému",
    "Lock after minutes of inactivity": "Zamknout po minutách nečinnosti",
    "never": "nikdy",
    " min": " min",
    "Allow online checks (revocation lists, issuer keys)": "Povolit ověřování online (seznamy odvolání, klíče vydavatelů)",
    "Language:": "Jazyk:",
    "Lock after:": "Zamknout po:",
    "Current passphrase": "Současné heslo",
    "New passphrase": "Nové heslo",
    "Repeat the new passphrase": "Zopakujte nové heslo",
    "Change passphrase": "Změnit heslo",
    "Current:": "Současné:",
    "New:": "Nové:",
    "Issuers you trust": "Vydavatelé, kterým důvěřujete",
    "Issuer identifier": "Identifikátor vydavatele",
    "DID or web address of an issuer": "DID nebo webová adresa vydavatele",
    "Add": "Přidat",
    "Remove": "Odebrat",
    "The passphrase was changed.": "Heslo bylo změněno.",
    # stacks
    "Stacks": "Kumulace",
    "Goal": "Cíl",
    "e.g. Master in Data Science": "např. magisterské studium datové vědy",
    "Target ECTS": "Cílové ECTS",
    "Save as a goal": "Uložit jako cíl",
    "Progress toward the goal": "Postup k cíli",
    "%v of %m ECTS": "%v z %m ECTS",
    "Goal:": "Cíl:",
    "Target (ECTS):": "Cíl (ECTS):",
    "By EQF level": "Podle úrovně EQF",
    "What to stack": "Co kumulovat",
    "Stack:": "Kumulovat:",
    "The chosen cards (%1)": "Vybrané karty (%1)",
    "All credentials in the wallet (%1)": "Všechny certifikáty v peněžence (%1)",
    "Collection “%1” (%2)": "Sbírka „%1“ (%2)",
    "Tag “%1” (%2)": "Štítek „%1“ (%2)",
    "ECTS totals by EQF level": "Součty ECTS podle úrovně EQF",
    "Awarding body": "Udělující subjekt",
    "ECTS totals by awarding body": "Součty ECTS podle udělujícího subjektu",
    "Field of study": "Obor vzdělávání",
    "ECTS totals by field of study": "Součty ECTS podle oboru vzdělávání",
    "By awarding body": "Podle udělujícího subjektu",
    "By field of study": "Podle oboru vzdělávání",
    "Counted once and left out": "Započteno jednou a vynecháno",
    "ECTS credits": "Kredity ECTS",
    "Workload (hours)": "Pracovní zátěž (hodiny)",
    " (counted)": " (započteno)",
    "Every credential in the stack counted, each held once.":
        "Započítány byly všechny certifikáty v kumulaci, každý v jediné kopii.",
    "ECTS totals of the wallet, a collection, a tag or chosen cards; goals":
        "Součty ECTS za peněženku, sbírku, štítek nebo vybrané karty; cíle",
    # about, errors, backup
    "About Kredo": "O aplikaci Kredo",
    "<b>Kredo</b> — a learner-owned wallet for micro-credentials.":
        "<b>Kredo</b> — peněženka mikrocertifikátů, kterou vlastní studující.",
    "Kredo": "Kredo",
    "Something went wrong that Kredo did not expect. Nothing was lost.":
        "Stalo se něco, s čím Kredo nepočítalo. Nic se neztratilo.",
    "Error": "Chyba",
    "Backup passphrase:": "Heslo zálohy:",
    "Repeat it:": "Zopakujte ho:",
    "Backup": "Záloha",
    "Open full size (Enter)": "Otevřít v plné velikosti (Enter)",
    "This image claims to be %1 × %2 pixels, more than Kredo opens (%3 million); it was not opened.":
        "Tento obrázek tvrdí, že má %1 × %2 pixelů, víc, než Kredo otevře (%3 milionů); "
        "nebyl otevřen.",
    "This image could not be read.": "Tento obrázek nelze přečíst.",
    "Page image": "Obrázek stránky",
    "◀ Previous": "◀ Předchozí",
    "Previous page": "Předchozí stránka",
    "Next ▶": "Další ▶",
    "Next page": "Další stránka",
    "−": "−",
    "+": "+",
    "Zoom out": "Oddálit",
    "Zoom in": "Přiblížit",
    "100 %": "100 %",
    "Actual size": "Skutečná velikost",
    "Fit": "Přizpůsobit",
    "Fit to window": "Přizpůsobit oknu",
    "Page number": "Číslo stránky",
    "Zoom level": "Míra přiblížení",
    "%1 of %2": "%1 z %2",
    "Back up the wallet": "Zálohovat peněženku",
    "The backup is one encrypted file with every credential, note, tag and collection. Its passphrase is all that protects it: keep both somewhere other than this computer.":
        "Záloha je jeden šifrovaný soubor se všemi certifikáty, poznámkami, štítky a sbírkami. "
        "Chrání ji jen její heslo: obojí uchovávejte jinde než na tomto počítači.",
    "Backup file": "Soubor zálohy",
    "Choose…": "Vybrat…",
    "Choose the backup file": "Vybrat soubor zálohy",
    "Backup passphrase": "Heslo zálohy",
    "Repeat the backup passphrase": "Zopakujte heslo zálohy",
    "Save to:": "Uložit do:",
    "Backup progress": "Průběh zálohování",
    "Show in folder": "Zobrazit ve složce",
    "Show the backup in its folder": "Zobrazit zálohu v její složce",
    "Back up": "Zálohovat",
    "Say where to save the backup.": "Zadejte, kam zálohu uložit.",
    "Done — saved to %1.": "Hotovo — uloženo do %1.",
    "File: %1. Credentials backed up: %2.": "Soubor: %1. Zálohované certifikáty: %2.",
    "The backup failed; nothing was written.": "Zálohování selhalo; nic nebylo zapsáno.",
    "Passphrase strength": "Síla hesla",
    "Restore from backup": "Obnovit ze zálohy",
    "Restore": "Obnovit",
    "Restore from a backup": "Obnovit ze zálohy",
    "Verifying online, as allowed in Settings.": "Ověřuji online, jak to povoluje nastavení.",
    "Verifying online, this once.": "Ověřuji online, tentokrát výjimečně.",
    "Restoring adds the backup's credentials, with their notes, tags and collections, to this wallet; nothing in this wallet is deleted or replaced, and credentials already here are not added twice.":
        "Obnovení přidá do této peněženky certifikáty ze zálohy i s jejich poznámkami, štítky "
        "a sbírkami; nic v této peněžence se nesmaže ani nepřepíše a certifikáty, které tu už "
        "jsou, se nepřidají podruhé.",
    "A .kredo file": "Soubor .kredo",
    "Show the passphrase": "Zobrazit heslo",
    "Backup file:": "Soubor zálohy:",
    "Restore progress": "Průběh obnovy",
    "Kredo backups (*.kredo);;All files (*)": "Zálohy Kreda (*.kredo);;Všechny soubory (*)",
    "Choose the backup file to restore.": "Vyberte soubor zálohy, kterou chcete obnovit.",
    "Type the passphrase the backup was made with.":
        "Zadejte heslo, se kterým byla záloha vytvořena.",
    "Done — restored %n credential(s) from %1.":
        "Hotovo — ze souboru %1 byl obnoven %n certifikát.|"
        "Hotovo — ze souboru %1 byly obnoveny %n certifikáty.|"
        "Hotovo — ze souboru %1 bylo obnoveno %n certifikátů.",
    "Skipped %n credential(s) already in this wallet.":
        "%n certifikát už v této peněžence byl a zůstal beze změny.|"
        "%n certifikáty už v této peněžence byly a zůstaly beze změny.|"
        "%n certifikátů už v této peněžence bylo a zůstalo beze změny.",
    "The restore stopped before it finished. What it added is in the wallet; running it again adds the rest.":
        "Obnova se zastavila před dokončením. Co stihla přidat, v peněžence zůstává; další "
        "spuštění doplní zbytek.",
    "Your wallet is unchanged: type the passphrase again, or choose another file.":
        "Vaše peněženka se nezměnila: zadejte heslo znovu, nebo vyberte jiný soubor.",
    # Settings tabs (session 3)
    "General": "Obecné",
    "Security": "Zabezpečení",
    "Trust": "Důvěra",
    "The colours follow the system's light or dark theme.":
        "Barvy se řídí světlým nebo tmavým motivem systému.",
    "Keep the wallet key in the system keyring (opens without a passphrase)":
        "Uchovávat klíč peněženky v systémové klíčence (otevře se bez hesla)",
    "System keyring": "Systémová klíčenka",
    "Remove the selected issuer": "Odebrat vybraného vydavatele",
    "Issuer registries you imported": "Registry vydavatelů, které jste importovali",
    "Import a registry file…": "Importovat soubor registru…",
    "Remove the selected registry": "Odebrat vybraný registr",
    "A registry file (DCC format) lists issuers a network vouches for. Kredo keeps it inside the encrypted wallet.":
        "Soubor registru (formát DCC) uvádí vydavatele, za které se síť institucí zaručuje. "
        "Kredo ho uchovává uvnitř šifrované peněženky.",
    "Issuer registries": "Registry vydavatelů",
    "A backup is one encrypted file with every credential, note, tag and collection, protected by a passphrase of its own. Keep it somewhere other than this computer.":
        "Záloha je jeden šifrovaný soubor se všemi certifikáty, poznámkami, štítky a sbírkami, "
        "chráněný vlastním heslem. Uložte ji jinam než na tento počítač.",
    "Back up now…": "Zálohovat nyní…",
    "Restore from a backup…": "Obnovit ze zálohy…",
    "%1 — %n issuer(s), from %2":
        "%1 — %n vydavatel, ze souboru %2|%1 — %n vydavatelé, ze souboru %2|"
        "%1 — %n vydavatelů, ze souboru %2",
    "No system keyring is available on this computer; the passphrase protects the wallet.":
        "Na tomto počítači není k dispozici systémová klíčenka; peněženku chrání heslo.",
    "The wallet opens without asking. Turn this off to be asked for the passphrase every time.":
        "Peněženka se otevře bez ptaní. Vypněte to, chcete-li být pokaždé požádáni o heslo.",
    "The wallet asks for its passphrase every time it opens.":
        "Peněženka se při každém otevření ptá na heslo.",
    "The wallet's passphrase:": "Heslo peněženky:",
    "Choose a passphrase for the wallet (at least 8 characters):":
        "Zvolte heslo peněženky (alespoň 8 znaků):",
    "Repeat the passphrase:": "Zopakujte heslo:",
    "The wallet key is now in the system keyring. The passphrase still opens the wallet if the keyring is ever lost.":
        "Klíč peněženky je teď v systémové klíčence. Kdyby se klíčenka ztratila, peněženku "
        "otevře i nadále heslo.",
    "The wallet key was removed from the system keyring; the wallet now asks for its passphrase.":
        "Klíč peněženky byl ze systémové klíčenky odstraněn; peněženka se teď ptá na heslo.",
    'Kredo no longer uses the system keyring, but the keyring did not delete the key. Remove the "kredo" entry in your keyring manager.':
        "Kredo už systémovou klíčenku nepoužívá, ale klíčenka klíč nesmazala. Odstraňte "
        "položku „kredo“ ve správci klíčenky.",
    "Import an issuer registry": "Importovat registr vydavatelů",
    "Issuer registries (*.json);;All files (*)":
        "Registry vydavatelů (*.json);;Všechny soubory (*)",
    "Name of the registry:": "Název registru:",
    # Share wizard: SD-JWT claims
    "Choose what to reveal": "Vyberte, co ukázat",
    "These credentials can show only some of their claims. Untick what the employer does not need to see.":
        "Tyto certifikáty umějí ukázat jen některé své údaje. Odškrtněte, co zaměstnavatel "
        "vidět nepotřebuje.",
    "Claims to reveal": "Údaje k odhalení",
    "Claim": "Údaj",
    "Value": "Hodnota",
    "Choose at least one credential to share.": "Vyberte alespoň jeden certifikát ke sdílení.",
    "A PDF shows one credential: choose exactly one.":
        "PDF ukazuje jeden certifikát: vyberte právě jeden.",
    "EDC (sealed)": "EDC (zapečetěný)",
    "picture": "obrázek",
    "camera": "kamera",
    # the verification desk
    "The holder disclosed %n claim(s):":
        "Držitel odhalil %n údaj:|Držitel odhalil %n údaje:|Držitel odhalil %n údajů:",
    "The holder kept back up to %n claim(s). Their content is not in what you received, so it is not shown; the signature still covers what was disclosed.":
        "Držitel zadržel nejvýše %n údaj. Jeho obsah v tom, co jste dostali, není, a proto se "
        "nezobrazuje; podpis i tak pokrývá vše, co bylo odhaleno.|"
        "Držitel zadržel nejvýše %n údaje. Jejich obsah v tom, co jste dostali, není, a proto "
        "se nezobrazuje; podpis i tak pokrývá vše, co bylo odhaleno.|"
        "Držitel zadržel nejvýše %n údajů. Jejich obsah v tom, co jste dostali, není, a proto "
        "se nezobrazuje; podpis i tak pokrývá vše, co bylo odhaleno.",
    "The holder kept nothing back.": "Držitel nic nezadržel.",
    "Selective disclosure": "Výběrové odhalení údajů",
    "Expert details": "Podrobnosti pro odborníky",
    "Show expert details": "Zobrazit podrobnosti pro odborníky",
    "Copy the expert details": "Zkopírovat podrobnosti pro odborníky",
    "Verdict: %1": "Výsledek: %1",
    "What the credential says": "Co certifikát uvádí",
    "What Kredo checked": "Co Kredo ověřilo",
    "The issuer’s own rendering": "Podoba od vydavatele",
    "Kredo could not read what this credential says.": "Kredo nedokázalo přečíst, co certifikát uvádí.",
    "Algorithm": "Algoritmus",
    "Signing time claimed": "Uváděný čas podpisu",
    "Signing time proven by a timestamp": "Čas podpisu doložený časovým razítkem",
    "Timestamps": "Časová razítka",
    "Certificate chain (subject of each certificate)": "Řetězec certifikátů (subjekt každého certifikátu)",
    "Chain validated as of": "Řetězec ověřen k okamžiku",
    "Certificate revocation": "Zneplatnění certifikátu",
    "Certificate authority on the trusted list": "Certifikační autorita na důvěryhodném seznamu",
    "Qualified electronic seal": "Kvalifikovaná elektronická pečeť",
    "Key in a qualified device (QSCD)": "Klíč v kvalifikovaném prostředku (QSCD)",
    "Certificate subject": "Subjekt certifikátu",
    "Certificate fingerprint (SHA-256)": "Otisk certifikátu (SHA-256)",
    "Certificate valid from": "Certifikát platný od",
    "Certificate valid until": "Certifikát platný do",
    "Certificate issued by": "Certifikát vydal",
    "Notes": "Poznámky",
    "Problems": "Problémy",
    "Kind": "Druh",
    "Valid": "Platné",
    "Time": "Čas",
    "Authority": "Autorita",
    "Authority's certificate chain": "Řetězec certifikátů autority",
    "Authority's certificate revocation": "Zneplatnění certifikátu autority",
    "Authority on the trusted list": "Autorita na důvěryhodném seznamu",
    "Notes on the authority": "Poznámky k autoritě",
    "Signature suite": "Podpisová sada",
    "Key used": "Použitý klíč",
    "Key belongs to": "Vlastník klíče",
    "Challenge checked": "Výzva ověřena",
    "Domain checked": "Doména ověřena",
    "Version": "Verze",
    "Token claims": "Údaje tokenu",
    "Disclosures": "Odhalené údaje",
    "Key binding": "Vazba na klíč",
    "Status entries": "Záznamy o stavu",
    "Type": "Typ",
    "Purpose": "Účel",
    "State": "Stav",
    "Status list": "Seznam stavů",
    "Finding": "Zjištění",
    "Warnings": "Upozornění",
    "Hosted at": "Umístěno na",
    "Key": "Klíč",
    "yes": "ano",
    "no": "ne",
    "Presentation": "Prezentace",
    "Received": "Přijato",
    "Presented by": "Předložil",
    "no holder named": "držitel neuveden",
    "Challenge: answered": "Výzva: zodpovězena",
    "Challenge: not answered": "Výzva: nezodpovězena",
    "Challenge: none given, not checked": "Výzva: žádná nezadána, neověřováno",
    "Domain: answered": "Doména: odpovídá",
    "Domain: not answered": "Doména: neodpovídá",
    "Domain: none given, not checked": "Doména: žádná nezadána, neověřováno",
    "Verdict": "Výsledek",
    "Learner": "Absolvent",
    "The issuer's signature or seal is genuine, the issuer is on a trusted list and nothing failed. You can rely on what the credential says.":
        "Podpis nebo pečeť vydavatele jsou pravé, vydavatel je na důvěryhodném seznamu a nic "
        "neselhalo. Na obsah certifikátu se můžete spolehnout.",
    "The signature or seal is genuine and nothing failed, but some checks could not be confirmed (marked – or ! in the checks), often because the issuer is on no list Kredo has. Look at those checks before you rely on it.":
        "Podpis nebo pečeť jsou pravé a nic neselhalo, ale některé kontroly nešlo potvrdit "
        "(v kontrolách označené – nebo !), často proto, že vydavatel není na žádném seznamu, který "
        "Kredo má. Než se na certifikát spolehnete, projděte si tyto kontroly.",
    "Kredo could not prove the signature: the method is not supported, or a key or list is not available offline. This does not mean the credential is false; verify it online or ask the issuer.":
        "Kredo nedokázalo ověřit podpis: metoda není podporovaná nebo klíč či seznam nejsou "
        "dostupné bez připojení. Neznamená to, že je certifikát falešný; ověřte jej online "
        "nebo se obraťte na vydavatele.",
    "Something is proven wrong: the credential was changed, revoked or has expired, or it was presented by someone else. Do not rely on it.":
        "Bylo prokázáno, že něco nesedí: certifikát byl změněn, zneplatněn nebo vypršel, nebo "
        "ho předložil někdo jiný. Nespoléhejte se na něj.",
    "Kredo gave this verdict without a fixed explanation. Read the checks below before you rely on the credential.":
        "K tomuto výsledku Kredo nemá ustálené vysvětlení. Než se na certifikát spolehnete, "
        "přečtěte si kontroly níže.",
    "Not checked": "Neověřeno",
    "Not published": "Nezveřejněno",
    "Readable credential": "Čitelný certifikát",
    "Signature or seal": "Podpis nebo pečeť",
    "Validity dates": "Doba platnosti",
    "Revocation": "Zneplatnění",
    "Presented by its holder": "Předložil držitel",
    "Open or drop the files an applicant sent (credentials, presentations, PDFs, pictures of QR codes), paste them, or scan a code. Kredo checks them here, offline; nothing is added to your wallet unless you ask.":
        "Otevřete nebo sem přetáhněte soubory od uchazeče (certifikáty, prezentace, PDF, "
        "obrázky QR kódů), vložte je ze schránky nebo naskenujte kód. Kredo je ověří zde, bez "
        "připojení; do vaší peněženky se nic nepřidá, dokud o to nepožádáte.",
    "Files read": "Přečtené soubory",
    "Open files…": "Otevřít soubory…",
    "Paste": "Vložit",
    "Text, a picture or a file from the clipboard": "Text, obrázek nebo soubor ze schránky",
    "Challenge you gave the applicant (optional)": "Výzva, kterou jste dali uchazeči (nepovinné)",
    "Expected challenge": "Očekávaná výzva",
    "Your domain (optional)": "Vaše doména (nepovinné)",
    "Expected domain": "Očekávaná doména",
    "Check again": "Ověřit znovu",
    "Look up what is published only online: issuers' keys, revocation and status lists. The issuers' servers learn that a credential of theirs is being checked.":
        "Dohledat, co je zveřejněno jen online: klíče vydavatelů, seznamy odvolaných certifikátů a stavové seznamy. Servery vydavatelů se tím dozvědí, že se některý jejich certifikát ověřuje.",
    "Received files": "Přijaté soubory",
    "Summary": "Shrnutí",
    "Credentials, presentations, PDFs and pictures (%1);;All files (*)":
        "Certifikáty, prezentace, PDF a obrázky (%1);;Všechny soubory (*)",
    "%1 of %2 files": "%1 z %2 souborů",
    "clipboard": "schránka",
    "The clipboard holds nothing Kredo can check.": "Ve schránce není nic, co by Kredo mohlo ověřit.",
    "dropped text": "přetažený text",
    # answering a verifier (OpenID4VP): the consent dialog
    "&Answer a verifier's request…": "O&dpovědět na žádost ověřovatele…",
    "Answer a verifier's request": "Odpovědět na žádost ověřovatele",
    "Share": "Sdílet",
    "Decline": "Odmítnout",
    "Continue in the browser": "Pokračovat v prohlížeči",
    "It asks for:": "Žádá o:",
    "Reading the verifier's request…": "Načítám žádost ověřovatele…",
    "Choose what to share, then press Share. Nothing is sent before that.":
        "Vyberte, co chcete sdílet, a stiskněte Sdílet. Do té doby se nic neodešle.",
    "Who asks: %1": "Kdo žádá: %1",
    "It calls itself: %1": "Sám se nazývá: %1",
    "Kredo confirmed who this is.": "Kredo ověřilo, o koho jde.",
    "Kredo could not confirm who this is. Share only if you know and trust the page that showed you this request.":
        "Kredo nemohlo ověřit, o koho jde. Sdílejte jen tehdy, když stránku, která vám tuto žádost ukázala, znáte a důvěřujete jí.",
    "Your answer goes to %1, encrypted.": "Vaše odpověď půjde šifrovaně na %1.",
    "Your answer goes to %1.": "Vaše odpověď půjde na %1.",
    "Sending to the verifier…": "Odesílám ověřovateli…",
    "Shared with %1: %2.": "Sdíleno s %1: %2.",
    "Telling the verifier that you decline…": "Sděluji ověřovateli, že odmítáte…",
    "Nothing was shared. The verifier was told that you declined.":
        "Nic nebylo sdíleno. Ověřovatel se dozvěděl, že jste žádost odmítli.",
    "Credential to share": "Certifikát ke sdílení",
    "Nothing in your wallet matches this.": "Ve vaší peněžence nic takového není.",
    "The whole credential is shared, as its issuer signed it.":
        "Sdílí se celý certifikát tak, jak ho vydavatel podepsal.",
    "(required)": "(povinné)",
    "The verifier accepts any one of these": "Ověřovateli stačí kterákoli z těchto možností",
    "The verifier would also like (you may leave it out)":
        "Ověřovatel by rád ještě (můžete vynechat)",
    "(not in your wallet)": "(není ve vaší peněžence)",
    "Share none of these": "Nesdílet nic z toho",
    "Paste the verifier's link (openid4vp://…, haip-vp://… or https://…), or read the QR code the verifier shows. Kredo contacts the verifier only to read what it asks for; nothing is shared before you agree.":
        "Vložte odkaz ověřovatele (openid4vp://…, haip-vp://… nebo https://…), nebo načtěte QR kód, který ověřovatel ukazuje. Kredo se s ověřovatelem spojí jen proto, aby zjistilo, o co žádá; bez vašeho souhlasu se nic nesdílí.",
    "Verifier's link": "Odkaz ověřovatele",
    "Read the request": "Načíst žádost",
    "QR code in a picture…": "QR kód v obrázku…",
    "QR code on the screen": "QR kód na obrazovce",
    "Open a picture of the QR code": "Otevřít obrázek s QR kódem",
    "Pictures (%1);;All files (*)": "Obrázky (%1);;Všechny soubory (*)",
    "Looking for the verifier's QR code…": "Hledám QR kód ověřovatele…",
    "Kredo could not capture the screen.": "Kredo nemohlo zachytit obrazovku.",
    "No verifier's QR code was found. Make the code larger or sharper, or paste the link instead.":
        "QR kód ověřovatele nebyl nalezen. Zvětšete nebo zaostřete kód, nebo místo toho vložte odkaz.",
    # confirming who asks: trusted verifier authorities, did:web looked up online
    "Look it up online this once": "Tentokrát dohledat online",
    "Kredo reads the verifier's DID document from its web address once, for this request; online checks stay as they are in Settings.":
        "Kredo jednou, jen pro tuto žádost, načte dokument DID ověřovatele z jeho webové adresy; kontroly online zůstanou tak, jak jsou nastavené v Nastavení.",
    "Trust a verifier's certificate authority…": "Důvěřovat certifikační autoritě ověřovatele…",
    "Kredo did not consult the verifier's DID document, because online checks are off in Settings. You may let Kredo look it up this once.":
        "Kredo nenahlédlo do dokumentu DID ověřovatele, protože kontroly online jsou v Nastavení vypnuté. Můžete Kredu dovolit, aby ho tentokrát dohledalo.",
    "Kredo looked up this verifier's DID document online.": "Kredo dohledalo dokument DID tohoto ověřovatele online.",
    "%1 (cannot be offered)": "%1 (nelze nabídnout)",
    "Verifiers' certificate authorities": "Certifikační autority ověřovatelů",
    "A verifier that signs its request with a certificate from one of these authorities is shown as confirmed. Add only an authority you were given by someone you trust, such as your school or your employer's IT department.":
        "Ověřovatel, který žádost podepíše certifikátem od některé z těchto autorit, se zobrazí jako ověřený. Přidejte jen autoritu, kterou vám předal někdo, komu důvěřujete, například vaše škola nebo IT oddělení zaměstnavatele.",
    "Trusted certificate authorities": "Důvěryhodné certifikační autority",
    "Add from a file…": "Přidat ze souboru…",
    "%1 (valid until %2)": "%1 (platí do %2)",
    "SHA-256 fingerprint: %1": "Otisk SHA-256: %1",
    "You trust no verifier's certificate authority yet.":
        "Zatím nedůvěřujete žádné certifikační autoritě ověřovatelů.",
    "Open a certificate authority's certificate": "Otevřít certifikát certifikační autority",
    "Certificates (%1);;All files (*)": "Certifikáty (%1);;Všechny soubory (*)",
    "The file %1 could not be read.": "Soubor %1 nelze přečíst.",
    "Now trusted: %1.": "Nově důvěryhodné: %1.",
    "This certificate authority was trusted already.": "Této certifikační autoritě už důvěřujete.",
    "No longer trusted: %1.": "Už nedůvěryhodné: %1.",
    "Kredo could not change the list.": "Kredo nemohlo seznam změnit.",
    # the sharing history
    "Sharing &history…": "&Historie sdílení…",
    "Sharing history": "Historie sdílení",
    "When": "Kdy",
    "How": "Jak",
    "To whom": "Komu",
    "What was shared": "Co bylo sdíleno",
    "(not recorded)": "(nezaznamenáno)",
    "confirmed": "ověřeno",
    "not confirmed": "neověřeno",
    "(since deleted)": "(mezitím smazáno)",
    "answer to a verifier (OpenID4VP)": "odpověď ověřovateli (OpenID4VP)",
    "presentation file": "soubor s prezentací",
    "presentation copied": "prezentace zkopírovaná",
    "PDF": "PDF",
    "Europass wallet": "peněženka Europass",
    "Europass CV": "životopis Europass",
    "Search by recipient, credential or claim": "Hledat podle příjemce, certifikátu nebo údaje",
    "Search the history": "Hledat v historii",
    "Nothing has been shared yet.": "Zatím nebylo nic sdíleno.",
    "Export as JSON…": "Exportovat jako JSON…",
    "Delete selected…": "Smazat vybrané…",
    "Export the sharing history": "Exportovat historii sdílení",
    "JSON (*.json)": "JSON (*.json)",
    "Delete from the history": "Smazat z historie",
    "Forget %n entry(ies) of the sharing history? The credentials stay in your wallet; what was shared cannot be taken back from its recipient.":
        "Zapomenout %n záznam historie sdílení? Certifikáty ve vaší peněžence zůstanou; co bylo sdíleno, už příjemci vzít zpět nelze.|"
        "Zapomenout %n záznamy historie sdílení? Certifikáty ve vaší peněžence zůstanou; co bylo sdíleno, už příjemci vzít zpět nelze.|"
        "Zapomenout %n záznamů historie sdílení? Certifikáty ve vaší peněžence zůstanou; co bylo sdíleno, už příjemci vzít zpět nelze.",
    # verifying the wallet in the background (after import, Verify all, the schedule)
    "Verify &all": "Ověřit &vše",
    "Check every credential in the wallet, one after another":
        "Ověřit postupně všechny certifikáty v peněžence",
    "Verification progress": "Průběh ověřování",
    "Stop": "Zastavit",
    "Stop verifying": "Zastavit ověřování",
    "Verifying %1 of %2…": "Ověřuji %1 z %2…",
    "Could not be read: %1": "Nelze přečíst: %1",
    "Verification stopped: %1 of %2 checked.": "Ověřování zastaveno: ověřeno %1 z %2.",
    "No credentials to verify.": "Žádné certifikáty k ověření.",
    "Verify all": "Ověřit vše",
    "%n credential(s) checked.":
        "Ověřen %n certifikát.|Ověřeny %n certifikáty.|Ověřeno %n certifikátů.",
    "Verify credentials after import": "Ověřovat certifikáty po importu",
    "New credentials are checked in the background. With online checks allowed, Kredo also checks the whole wallet again once a day, as a credential can be revoked.":
        "Nové certifikáty se ověří na pozadí. Když povolíte ověřování online, Kredo navíc "
        "jednou denně znovu ověří celou peněženku, protože certifikát může být zneplatněn.",
    # how a credential is shown: an Open Badge, a credential that is not about learning
    "Badge": "Odznak",
    "Achievement type": "Druh ocenění",
    "Criteria": "Kritéria",
    "Alignments": "Návaznost na rámce a standardy",
    "Framework": "Rámec",
    "Code": "Kód",
    "Address": "Adresa",
    "Name": "Název",
    "Web": "Web",
    "Country or region": "Země nebo region",
    "Identifier": "Identifikátor",
    "Picture": "Obrázek",
    "(not downloaded: Kredo does not fetch pictures)":
        "(nestaženo: Kredo obrázky ze sítě nestahuje)",
    "Kind of credential": "Druh certifikátu",
    "What the credential says about its subject": "Co certifikát uvádí o svém držiteli",
    "The credential states no claims.": "Certifikát neuvádí žádné údaje.",
    "a picture (%1), shown above": "obrázek (%1), zobrazený výše",
    "Signed by (issuer)": "Podepsal (vydavatel)",
    "Issuer's picture": "Obrázek vydavatele",
    "Picture in the credential": "Obrázek v certifikátu",
    # the user guide, the welcome and the empty wallet (ui/help_window.py, ui/first_run.py,
    # ui/empty_states.py)
    "Kredo user guide": "Uživatelská příručka Kreda",
    "Guide page": "Stránka příručky",
    "Contents": "Obsah",
    "Back": "Zpět",
    "Welcome to Kredo": "Vítejte v Kredu",
    "Kredo keeps the certificates you earn (micro-credentials, badges and other digital credentials) encrypted on this computer, and lets you show them to an employer in a way the employer can check.":
        "Kredo uchovává certifikáty, které získáte (mikrocertifikáty, odznaky a další digitální doklady o vzdělání), zašifrované v tomto počítači a umožní vám ukázat je zaměstnavateli tak, aby si je mohl ověřit.",
    "<ol><li><b>Import</b> the credential files your school or course gave you (File → Import, or drop them on the window).</li><li><b>Verify</b> them: Kredo checks the signature or seal and says what it could prove.</li><li><b>Share</b> the ones you choose with an employer: a file, a QR code or a PDF.</li></ol>":
        "<ol><li><b>Importujte</b> soubory s certifikáty, které vám dala škola nebo pořadatel kurzu (Soubor → Importovat, nebo je přetáhněte do okna).</li><li><b>Ověřte</b> je: Kredo zkontroluje podpis nebo pečeť a řekne, co se podařilo prokázat.</li><li><b>Sdílejte</b> ty, které vyberete, se zaměstnavatelem: jako soubor, QR kód nebo PDF.</li></ol>",
    "Don't show this again": "Příště nezobrazovat",
    "Open the user guide": "Otevřít uživatelskou příručku",
    "Start": "Začít",
    "Import your first credential": "Importujte svůj první certifikát",
    "Import a credential…": "Importovat certifikát…",
    # Qt's file dialog: labels that Qt's own Czech catalogue lacks (ui/i18n.py)
    "&Look in:": "&Hledat v:",
    "Files of &type:": "Soubory &typu:",
    # the card's kind of credential: a credential that is not about learning (ui/card_delegate.py)
    "Document": "Doklad",
    # names for screen readers (ui/main_window.py, ui/detail_panel.py)
    "Clear the search": "Vymazat hledání",
    "Pictures of the credential": "Obrázky certifikátu",
    # names of a generic credential's claims (ui.claim_labels)
    "Middle name": "Další jméno",
    "Title before the name": "Titul před jménem",
    "Title after the name": "Titul za jménem",
    "Date of birth": "Datum narození",
    "Place of birth": "Místo narození",
    "Country of birth": "Země narození",
    "Gender": "Pohlaví",
    "Photo": "Fotografie",
    "Nationality": "Státní občanství",
    "Resident since": "Pobyt od",
    "Permanent resident category": "Kategorie trvalého pobytu",
    "Permanent resident number": "Číslo trvalého pobytu",
    "Commuter classification": "Zařazení přeshraničního pracovníka",
    "Employment authorisation document": "Povolení k zaměstnání",
    "Street and number": "Ulice a číslo",
    "Town or city": "Obec",
    "Region": "Kraj nebo region",
    "Postcode": "PSČ",
    "Country": "Stát",
    "Telephone": "Telefon",
    "Web address": "Webová adresa",
    "Description": "Popis",
    "Job title": "Pracovní pozice",
    "Employer": "Zaměstnavatel",
    "Graduate of": "Absolvent/ka",
}
