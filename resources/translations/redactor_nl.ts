<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Beoordelaar</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Verify the chain</source>
        <translation>Keten controleren</translation>
    </message>
    <message>
        <source>Check that no event was edited, removed, inserted or reordered</source>
        <translation>Controleer dat geen gebeurtenis is gewijzigd, verwijderd, ingevoegd of verplaatst</translation>
    </message>
    <message>
        <source>All reviewers</source>
        <translation>Alle beoordelaars</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle acties</translation>
    </message>
    <message>
        <source>{0} of {1} events</source>
        <translation>{0} van {1} gebeurtenissen</translation>
    </message>
    <message>
        <source>The audit trail is intact: {0} events checked.</source>
        <translation>Het logboek is intact: {0} gebeurtenissen gecontroleerd.</translation>
    </message>
    <message>
        <source>The audit trail is broken: {0}</source>
        <translation>Het logboek is niet intact: {0}</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>Open or create a case first.</source>
        <translation>Open of maak eerst een zaak.</translation>
    </message>
</context>
<context>
    <name>ConsistencyModel</name>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>visible in %n place(s)</source>
        <translation>
            <numerusform>zichtbaar op %n plek</numerusform>
            <numerusform>zichtbaar op %n plekken</numerusform>
        </translation>
    </message>
    <message>
        <source>different grounds: {0}</source>
        <translation>verschillende gronden: {0}</translation>
    </message>
    <message>
        <source>“{0}” is redacted in one place and visible in another: “Redact the visible ones” proposes boxes there.</source>
        <translation>“{0}” is op de ene plek gelakt en op een andere zichtbaar: “Zichtbare lakken” stelt daar vakken voor.</translation>
    </message>
    <message>
        <source>“{0}” is redacted under different grounds.</source>
        <translation>“{0}” is op verschillende gronden gelakt.</translation>
    </message>
    <message>
        <source>redacted: {0}</source>
        <translation>gelakt: {0}</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>zichtbaar</translation>
    </message>
</context>
<context>
    <name>ConsistencyPanel</name>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Look for terms redacted in one place but visible or differently grounded in another</source>
        <translation>Zoek termen die op de ene plek gelakt zijn en op een andere zichtbaar of op een andere grond gelakt</translation>
    </message>
    <message>
        <source>Redact the visible ones</source>
        <translation>Zichtbare lakken</translation>
    </message>
    <message>
        <source>Propose boxes over the visible occurrences of the selected terms, with the grounds and note of the redacted one (one undo step)</source>
        <translation>Stel vakken voor over de zichtbare plekken van de gekozen termen, met de gronden en notitie van de gelakte (één stap ongedaan te maken)</translation>
    </message>
    <message>
        <source>Checking every page of the case…</source>
        <translation>Alle pagina’s van de zaak worden gecontroleerd…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop checking; the list stays as it was</source>
        <translation>Stoppen met controleren; de lijst blijft zoals hij was</translation>
    </message>
    <message>
        <source>Check stopped; the list is from the last complete check.</source>
        <translation>Controle gestopt; de lijst is van de laatste volledige controle.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Nog niet gecontroleerd.</translation>
    </message>
    <message>
        <source>Consistent: every redacted term is redacted everywhere.</source>
        <translation>Consistent: elke gelakte term is overal gelakt.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n bevinding</numerusform>
            <numerusform>%n bevindingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the terms to redact first.</source>
        <translation>Kies eerst de termen die gelakt moeten worden.</translation>
    </message>
    <message>
        <source>Show on the page</source>
        <translation>Op de pagina tonen</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source> (+{count} more)</source>
        <translation> (+{count} meer)</translation>
    </message>
    <message>
        <source> (and {count} more failed checks).</source>
        <translation> (en nog {count} mislukte controles).</translation>
    </message>
    <message>
        <source> and {count} more place(s)</source>
        <translation> en op nog {count} plaats(en)</translation>
    </message>
    <message>
        <source> {failed} of {total} documents failed.</source>
        <translation> {failed} van de {total} documenten zijn afgekeurd.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is neither a file path nor a database URL: {reason}.</source>
        <translation>&apos;{text}&apos; is geen bestandspad en geen database-URL: {reason}.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an item id; boxes are R&lt;number&gt;, page decisions P&lt;number&gt;, optionally with @&lt;version&gt;.</source>
        <translation>&apos;{text}&apos; is geen itemnummer; vakken zijn R&lt;nummer&gt;, paginabesluiten P&lt;nummer&gt;, eventueel met @&lt;versie&gt;.</translation>
    </message>
    <message>
        <source>A SQLite case needs a file; in-memory databases cannot hold a case.</source>
        <translation>Een SQLite-zaak heeft een bestand nodig; een database in het geheugen kan geen zaak bevatten.</translation>
    </message>
    <message>
        <source>A box is on page {page}, but the document has {count} pages.</source>
        <translation>Er staat een vak op pagina {page}, maar het document heeft {count} pagina&apos;s.</translation>
    </message>
    <message>
        <source>A box on page {page}</source>
        <translation>Een vak op pagina {page}</translation>
    </message>
    <message>
        <source>A ground code is empty; catalog {catalog} needs a code.</source>
        <translation>Een grondcode is leeg; catalogus {catalog} vraagt om een code.</translation>
    </message>
    <message>
        <source>A reviewer name can be at most {limit} characters.</source>
        <translation>Een naam van een beoordelaar mag hoogstens {limit} tekens lang zijn.</translation>
    </message>
    <message>
        <source>A reviewer name cannot be empty.</source>
        <translation>De naam van de beoordelaar mag niet leeg zijn.</translation>
    </message>
    <message>
        <source>Box {ref}</source>
        <translation>Vak {ref}</translation>
    </message>
    <message>
        <source>Box {ref} ({document}, page {page})</source>
        <translation>Vak {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>Box {ref} was changed by someone else; reload and try again.</source>
        <translation>Vak {ref} is door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>Cannot export: the source of {name} no longer matches its stored SHA-256 (stored {stored}…, now {actual}…); it was changed or damaged after import. Nothing was exported.</source>
        <translation>Exporteren is niet mogelijk: het bronbestand van {name} komt niet meer overeen met de opgeslagen SHA-256 (opgeslagen {stored}…, nu {actual}…); het is na het toevoegen gewijzigd of beschadigd. Er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>Cannot tell who you are; give --as NAME or set {variable}.</source>
        <translation>Niet bekend is wie u bent; geef --as NAAM op of stel {variable} in.</translation>
    </message>
    <message>
        <source>Catalog file {path} cannot be read: {reason}.</source>
        <translation>Het catalogusbestand {path} kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <source>Catalog file {path} does not exist.</source>
        <translation>Het catalogusbestand {path} bestaat niet.</translation>
    </message>
    <message>
        <source>Catalog file {path} is not UTF-8 text.</source>
        <translation>Het catalogusbestand {path} is geen UTF-8-tekst.</translation>
    </message>
    <message>
        <source>Catalog {source} is invalid: {reason}.</source>
        <translation>Catalogus {source} is ongeldig: {reason}.</translation>
    </message>
    <message>
        <source>Catalog {source} is not valid TOML: {reason}.</source>
        <translation>Catalogus {source} is geen geldige TOML: {reason}.</translation>
    </message>
    <message>
        <source>Could not move the export into {folder}: {reason}; nothing was exported and the previous export was kept.</source>
        <translation>De export kon niet naar {folder} worden verplaatst: {reason}; er is niets geëxporteerd en de vorige export is bewaard.</translation>
    </message>
    <message>
        <source>Could not move the export into {folder}: {reason}; nothing was exported.</source>
        <translation>De export kon niet naar {folder} worden verplaatst: {reason}; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>Could not write {name} in {folder}: {reason}; nothing was exported.</source>
        <translation>{name} kon niet in {folder} worden geschreven: {reason}; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>Database type &apos;{backend}&apos; is not supported; use a file path (SQLite) or a postgresql+psycopg:// URL.</source>
        <translation>Databasetype &apos;{backend}&apos; wordt niet ondersteund; gebruik een bestandspad (SQLite) of een postgresql+psycopg://-URL.</translation>
    </message>
    <message>
        <source>Document {name}</source>
        <translation>Document {name}</translation>
    </message>
    <message>
        <source>Four-eyes rule: export is blocked by {count} open item(s): {items} and {more} more.</source>
        <translation>Vier-ogenregel: exporteren is geblokkeerd door openstaande punten (totaal {count}): {items} en nog {more}.</translation>
    </message>
    <message>
        <source>Four-eyes rule: export is blocked by {count} open item(s): {items}.</source>
        <translation>Vier-ogenregel: exporteren is geblokkeerd door openstaande punten (totaal {count}): {items}.</translation>
    </message>
    <message>
        <source>Four-eyes rule: {reviewer} cannot approve {item} because they drew or changed it; another reviewer must review it.</source>
        <translation>Vier-ogenregel: {reviewer} kan {item} niet goedkeuren, omdat {reviewer} dit zelf heeft getekend of gewijzigd; een andere beoordelaar moet dit beoordelen.</translation>
    </message>
    <message>
        <source>Four-eyes rule: {reviewer} cannot confirm page {page} of document {document} because they redacted or reviewed it; another reviewer must confirm it.</source>
        <translation>Vier-ogenregel: {reviewer} kan pagina {page} van document {document} niet bevestigen, omdat {reviewer} die pagina heeft gelakt of beoordeeld; een andere beoordelaar moet die bevestigen.</translation>
    </message>
    <message>
        <source>Four-eyes rule: {reviewer} cannot reject {item} because they drew or changed it; another reviewer must review it.</source>
        <translation>Vier-ogenregel: {reviewer} kan {item} niet afwijzen, omdat {reviewer} dit zelf heeft getekend of gewijzigd; een andere beoordelaar moet dit beoordelen.</translation>
    </message>
    <message>
        <source>Install Tesseract with its Dutch and English language data (Debian/Ubuntu: &apos;apt install tesseract-ocr tesseract-ocr-nld&apos;; Windows: the Tesseract installer with Dutch selected), or set TESSDATA_PREFIX to the folder that holds the .traineddata files.</source>
        <translation>Installeer Tesseract met de Nederlandse en Engelse taalgegevens (Debian/Ubuntu: &apos;apt install tesseract-ocr tesseract-ocr-nld&apos;; Windows: het installatieprogramma van Tesseract met Nederlands aangevinkt), of stel TESSDATA_PREFIX in op de map met de .traineddata-bestanden.</translation>
    </message>
    <message>
        <source>Internal error: {name} was not written before delivery.</source>
        <translation>Interne fout: {name} is niet geschreven vóór de aflevering.</translation>
    </message>
    <message>
        <source>Motivation rule: {item} cannot be approved without a written motivation, because ground {grounds} requires weighing of interests.</source>
        <translation>Motiveringsplicht: {item} kan niet worden goedgekeurd zonder schriftelijke motivering, omdat weigeringsgrond {grounds} een belangenafweging vereist.</translation>
    </message>
    <message>
        <source>Out-of-scope page {ref} ({document}, page {page})</source>
        <translation>Pagina buiten reikwijdte {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>Page decision {ref}</source>
        <translation>Paginabesluit {ref}</translation>
    </message>
    <message>
        <source>Page {page} is marked withheld, but the document has {count} pages.</source>
        <translation>Pagina {page} is als geweigerd gemarkeerd, maar het document heeft {count} pagina&apos;s.</translation>
    </message>
    <message>
        <source>Page {page} is too large to OCR at {dpi} dpi.</source>
        <translation>Pagina {page} is te groot voor OCR met {dpi} dpi.</translation>
    </message>
    <message>
        <source>Page {page} of {name}</source>
        <translation>Pagina {page} van {name}</translation>
    </message>
    <message>
        <source>Redactor&apos;s data folder is missing (looked in {installed} and {checkout}); the installation is incomplete, please reinstall.</source>
        <translation>De gegevensmap van Redactor ontbreekt (gezocht in {installed} en {checkout}); de installatie is onvolledig, installeer Redactor opnieuw.</translation>
    </message>
    <message>
        <source>Rejecting {item} needs a reason.</source>
        <translation>Voor het afwijzen van {item} is een reden nodig.</translation>
    </message>
    <message>
        <source>Scanned pages cannot be read: Tesseract&apos;s language data for {languages} was not found. {hint}</source>
        <translation>Gescande pagina’s kunnen niet worden gelezen: de taalgegevens van Tesseract voor {languages} zijn niet gevonden. {hint}</translation>
    </message>
    <message>
        <source>Several documents are named &apos;{name}&apos; (ids {ids}); give the id.</source>
        <translation>Meerdere documenten heten &apos;{name}&apos; (nummers {ids}); geef het nummer op.</translation>
    </message>
    <message>
        <source>Tesseract could not read page {page}; its language data in {folder} may be damaged or of an incompatible version.</source>
        <translation>Tesseract kon pagina {page} niet lezen; de taalgegevens in {folder} zijn mogelijk beschadigd of van een onverenigbare versie.</translation>
    </message>
    <message>
        <source>The OCR resolution must be between {low} and {high} dpi, not {dpi}.</source>
        <translation>De resolutie voor OCR moet tussen {low} en {high} dpi liggen, niet {dpi}.</translation>
    </message>
    <message>
        <source>The PDF could not be redacted safely (a temporary file failed).</source>
        <translation>De PDF kon niet veilig worden gelakt (een tijdelijk bestand faalde).</translation>
    </message>
    <message>
        <source>The PDF could not be redacted safely (internal error: {reason}).</source>
        <translation>De PDF kon niet veilig worden gelakt (interne fout: {reason}).</translation>
    </message>
    <message>
        <source>The PDF engine stopped unexpectedly while exporting {names}; nothing was exported.</source>
        <translation>De PDF-verwerking stopte onverwacht bij het exporteren van {names}; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>The PDF is damaged in a way that prevents a safe redaction ({reason}).</source>
        <translation>De PDF is zo beschadigd dat veilig lakken niet mogelijk is ({reason}).</translation>
    </message>
    <message>
        <source>The PDF is too large or too complex to redact.</source>
        <translation>De PDF is te groot of te complex om te lakken.</translation>
    </message>
    <message>
        <source>The case {where} cannot be opened; check that the folder exists and is accessible.</source>
        <translation>De zaak {where} kan niet worden geopend; controleer of de map bestaat en toegankelijk is.</translation>
    </message>
    <message>
        <source>The case {where} could not be used: {reason}.</source>
        <translation>De zaak {where} kon niet worden gebruikt: {reason}.</translation>
    </message>
    <message>
        <source>The case {where} is locked by another program; try again in a moment.</source>
        <translation>De zaak {where} is vergrendeld door een ander programma; probeer het over enkele ogenblikken opnieuw.</translation>
    </message>
    <message>
        <source>The case {where} is read-only; copy it to a writable place or ask for write access.</source>
        <translation>De zaak {where} is alleen-lezen; kopieer de zaak naar een plek waar u kunt schrijven of vraag om schrijfrechten.</translation>
    </message>
    <message>
        <source>The case {where} was being changed by someone else at the same moment; nothing was saved, try again.</source>
        <translation>De zaak {where} werd op hetzelfde moment door iemand anders gewijzigd; er is niets opgeslagen, probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The case {where} was written by a newer version of Redactor (schema {schema}); install that version or newer to open it.</source>
        <translation>De zaak {where} is geschreven door een nieuwere versie van Redactor (schema {schema}); installeer die versie of een nieuwere om de zaak te openen.</translation>
    </message>
    <message>
        <source>The database {where} cannot be reached: {reason}.</source>
        <translation>De database {where} is niet bereikbaar: {reason}.</translation>
    </message>
    <message>
        <source>The database {where} is not empty; use a new database.</source>
        <translation>De database {where} is niet leeg; gebruik een nieuwe database.</translation>
    </message>
    <message>
        <source>The disk holding the case {where} is full; nothing was changed.</source>
        <translation>De schijf met de zaak {where} is vol; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full; nothing was exported.</source>
        <translation>De schijf met {folder} is vol; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>The disk is full while writing {name}; nothing was exported.</source>
        <translation>De schijf raakte vol bij het schrijven van {name}; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was exported.</source>
        <translation>De export is geannuleerd; er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it first.</source>
        <translation>De map {folder} bestaat niet; maak deze eerst aan.</translation>
    </message>
    <message>
        <source>The folder {path} holds no PDF files.</source>
        <translation>De map {path} bevat geen PDF-bestanden.</translation>
    </message>
    <message>
        <source>The image resolution must be between {low} and {high} dpi, not {dpi}.</source>
        <translation>De beeldresolutie moet tussen {low} en {high} dpi liggen, niet {dpi}.</translation>
    </message>
    <message>
        <source>The language of the notices must be &apos;nl&apos; or &apos;en&apos;, not &apos;{language}&apos;.</source>
        <translation>De taal van de meldingen moet &apos;nl&apos; of &apos;en&apos; zijn, niet &apos;{language}&apos;.</translation>
    </message>
    <message>
        <source>The output folder {folder} already holds an export ({listed}); choose an empty folder or allow overwriting.</source>
        <translation>De uitvoermap {folder} bevat al een export ({listed}); kies een lege map of sta overschrijven toe.</translation>
    </message>
    <message>
        <source>The output folder {folder} cannot be created: {reason}.</source>
        <translation>De uitvoermap {folder} kan niet worden gemaakt: {reason}.</translation>
    </message>
    <message>
        <source>The output folder {folder} cannot be written to ({reason}); choose a folder you can write to.</source>
        <translation>In de uitvoermap {folder} kan niet worden geschreven ({reason}); kies een map waarin u kunt schrijven.</translation>
    </message>
    <message>
        <source>The output folder {folder} holds a folder named {name}, which the export needs as a file name; move it away first.</source>
        <translation>De uitvoermap {folder} bevat een map met de naam {name}, die de export als bestandsnaam nodig heeft; verplaats die map eerst.</translation>
    </message>
    <message>
        <source>The output folder {folder} is a file, not a folder.</source>
        <translation>De uitvoermap {folder} is een bestand, geen map.</translation>
    </message>
    <message>
        <source>The password given for {name} is not correct.</source>
        <translation>Het opgegeven wachtwoord voor {name} is onjuist.</translation>
    </message>
    <message>
        <source>The plan {path} cannot be read: {reason}.</source>
        <translation>Het plan {path} kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <source>The plan {path} is not UTF-8 text.</source>
        <translation>Het plan {path} is geen UTF-8-tekst.</translation>
    </message>
    <message>
        <source>The plan {path} is not valid JSON: {reason} at line {line}.</source>
        <translation>Het plan {path} is geen geldige JSON: {reason} op regel {line}.</translation>
    </message>
    <message>
        <source>The plan {path} must be an object with a &quot;documents&quot; list.</source>
        <translation>Het plan {path} moet een object zijn met een lijst &quot;documents&quot;.</translation>
    </message>
    <message>
        <source>The regular expression {pattern!r} also matches empty text; it would mark every position on every page.</source>
        <translation>De reguliere expressie {pattern!r} past ook op lege tekst; zij zou elke positie op elke pagina markeren.</translation>
    </message>
    <message>
        <source>The regular expression {pattern!r} is not valid: {reason}.</source>
        <translation>De reguliere expressie {pattern!r} is ongeldig: {reason}.</translation>
    </message>
    <message>
        <source>The renderer has been shut down.</source>
        <translation>De weergavemodule is afgesloten.</translation>
    </message>
    <message>
        <source>The search text is empty; type what to find.</source>
        <translation>De zoektekst is leeg; typ wat u wilt zoeken.</translation>
    </message>
    <message>
        <source>The search text is longer than {limit} characters.</source>
        <translation>De zoektekst is langer dan {limit} tekens.</translation>
    </message>
    <message>
        <source>There is no box R{id} in this case.</source>
        <translation>Vak R{id} bestaat niet in deze zaak.</translation>
    </message>
    <message>
        <source>There is no case at {path}.</source>
        <translation>Er is geen zaak op {path}.</translation>
    </message>
    <message>
        <source>There is no document &apos;{name}&apos; in this case (give its id or file name).</source>
        <translation>Document &apos;{name}&apos; bestaat niet in deze zaak (geef het nummer of de bestandsnaam op).</translation>
    </message>
    <message>
        <source>There is no document {id} in this case.</source>
        <translation>Document {id} bestaat niet in deze zaak.</translation>
    </message>
    <message>
        <source>There is no page decision P{id} in this case.</source>
        <translation>Paginabesluit P{id} bestaat niet in deze zaak.</translation>
    </message>
    <message>
        <source>This page could not be rendered: the PDF renderer stopped on it.</source>
        <translation>Deze pagina kon niet worden weergegeven: de PDF-weergave liep erop vast.</translation>
    </message>
    <message>
        <source>Unknown catalog {name!r}; the built-in catalogs are {builtin}, or give the path of a .toml catalog file.</source>
        <translation>Onbekende catalogus {name!r}; de ingebouwde catalogi zijn {builtin}, of geef het pad van een .toml-catalogusbestand op.</translation>
    </message>
    <message>
        <source>Unknown detector {unknown}; choose from {known}.</source>
        <translation>Onbekende detector {unknown}; kies uit {known}.</translation>
    </message>
    <message>
        <source>Unknown ground {code!r} in catalog {catalog}.</source>
        <translation>Onbekende weigeringsgrond {code!r} in catalogus {catalog}.</translation>
    </message>
    <message>
        <source>Unknown ground {code!r} in catalog {catalog}; did you mean {near}?</source>
        <translation>Onbekende weigeringsgrond {code!r} in catalogus {catalog}; bedoelt u {near}?</translation>
    </message>
    <message>
        <source>Unknown judgement &apos;{judgement}&apos;; choose one of: {choices}.</source>
        <translation>Onbekend oordeel &apos;{judgement}&apos;; kies een van: {choices}.</translation>
    </message>
    <message>
        <source>Withheld page {ref} ({document}, page {page})</source>
        <translation>Geweigerde pagina {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>a form or pattern (pdfminer)</source>
        <translation>een formulier-object of patroon (pdfminer)</translation>
    </message>
    <message>
        <source>box {ref} ({document}, page {page})</source>
        <translation>vak {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>box(es) {boxes} show other colours</source>
        <translation>vak(ken) {boxes} tonen andere kleuren</translation>
    </message>
    <message>
        <source>document {id}</source>
        <translation>document {id}</translation>
    </message>
    <message>
        <source>every box renders as its fill colour</source>
        <translation>elk vak wordt in zijn vulkleur getekend</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>no /PieceInfo or thumbnails</source>
        <translation>geen /PieceInfo of miniaturen</translation>
    </message>
    <message>
        <source>no JavaScript or actions</source>
        <translation>geen JavaScript of acties</translation>
    </message>
    <message>
        <source>no annotations</source>
        <translation>geen annotaties</translation>
    </message>
    <message>
        <source>no embedded or associated files</source>
        <translation>geen ingesloten of gekoppelde bestanden</translation>
    </message>
    <message>
        <source>no extractable character inside a box</source>
        <translation>geen uitleesbaar teken binnen een vak</translation>
    </message>
    <message>
        <source>no font keeps data for characters that no text shows</source>
        <translation>geen lettertype bewaart gegevens van tekens die in geen tekst voorkomen</translation>
    </message>
    <message>
        <source>no form fields or XFA</source>
        <translation>geen formuliervelden of XFA</translation>
    </message>
    <message>
        <source>no metadata</source>
        <translation>geen metadata</translation>
    </message>
    <message>
        <source>no optional content</source>
        <translation>geen optionele inhoud (lagen)</translation>
    </message>
    <message>
        <source>no outline, destinations, page labels or structure tree</source>
        <translation>geen bladwijzers, bestemmingen, paginalabels of structuurboom</translation>
    </message>
    <message>
        <source>no removed terms to look for</source>
        <translation>geen weggelakte woorden om naar te zoeken</translation>
    </message>
    <message>
        <source>no word inside a box (poppler)</source>
        <translation>geen woord binnen een vak (poppler)</translation>
    </message>
    <message>
        <source>none of {count} removed term(s) found</source>
        <translation>geen van de {count} weggelakte woord(en) gevonden</translation>
    </message>
    <message>
        <source>only the withheld notice is drawn</source>
        <translation>alleen de weigeringsmelding staat op de pagina</translation>
    </message>
    <message>
        <source>opened with pikepdf</source>
        <translation>geopend met pikepdf</translation>
    </message>
    <message>
        <source>out-of-scope page {ref} ({document}, page {page})</source>
        <translation>pagina buiten reikwijdte {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>page {page} of {count}</source>
        <translation>pagina {page} van {count}</translation>
    </message>
    <message>
        <source>page {page} of {document} is not confirmed</source>
        <translation>pagina {page} van {document} is niet bevestigd</translation>
    </message>
    <message>
        <source>page {page} of {document} was confirmed by {reviewer}, who worked on it</source>
        <translation>pagina {page} van {document} is bevestigd door {reviewer}, die er zelf aan heeft gewerkt</translation>
    </message>
    <message>
        <source>page {page} text</source>
        <translation>tekst van pagina {page}</translation>
    </message>
    <message>
        <source>pdftotext output</source>
        <translation>uitvoer van pdftotext</translation>
    </message>
    <message>
        <source>removed term #{number} ({length} characters) in {where}{more}</source>
        <translation>weggelakt woord nr. {number} ({length} tekens) in {where}{more}</translation>
    </message>
    <message>
        <source>skipped: pdftoppm is not installed</source>
        <translation>overgeslagen: pdftoppm is niet geïnstalleerd</translation>
    </message>
    <message>
        <source>strings and names</source>
        <translation>teksten en namen in het bestand</translation>
    </message>
    <message>
        <source>the check could not be completed: {error}</source>
        <translation>de controle kon niet worden afgerond: {error}</translation>
    </message>
    <message>
        <source>the file cannot be opened with pikepdf: {error}</source>
        <translation>het bestand kan niet worden geopend met pikepdf: {error}</translation>
    </message>
    <message>
        <source>the file is encrypted</source>
        <translation>het bestand is versleuteld</translation>
    </message>
    <message>
        <source>the file is not encrypted</source>
        <translation>het bestand is niet versleuteld</translation>
    </message>
    <message>
        <source>the pages could not be rendered: {error}</source>
        <translation>de pagina&apos;s konden niet worden weergegeven: {error}</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>het plan</translation>
    </message>
    <message>
        <source>the withheld page does not exist</source>
        <translation>de geweigerde pagina bestaat niet</translation>
    </message>
    <message>
        <source>with the boxes removed, box(es) {boxes} show content</source>
        <translation>zonder de vakken tonen vak(ken) {boxes} inhoud</translation>
    </message>
    <message>
        <source>with the boxes removed, every box area is one colour</source>
        <translation>zonder de vakken is elk vakgebied één kleur</translation>
    </message>
    <message>
        <source>withheld page {ref} ({document}, page {page})</source>
        <translation>geweigerde pagina {ref} ({document}, pagina {page})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>{actual} pages, expected {expected}</source>
        <translation>{actual} pagina&apos;s, verwacht {expected}</translation>
    </message>
    <message>
        <source>{count} %%EOF marker(s); one at the end: {tail}</source>
        <translation>{count} %%EOF-markering(en); één aan het eind: {tail}</translation>
    </message>
    <message>
        <source>{count} drawing operation(s) besides the notice</source>
        <translation>{count} tekenopdracht(en) naast de melding</translation>
    </message>
    <message>
        <source>{count} extractable character(s) inside boxes</source>
        <translation>{count} uitleesbare teken(s) binnen vakken</translation>
    </message>
    <message>
        <source>{failure} Nothing was exported.</source>
        <translation>{failure} Er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>{found}{more}</source>
        <translation>{found}{more}</translation>
    </message>
    <message>
        <source>{head}{more}</source>
        <translation>{head}{more}</translation>
    </message>
    <message>
        <source>{item} is already approved.</source>
        <translation>{item} is al goedgekeurd.</translation>
    </message>
    <message>
        <source>{item} is proposed</source>
        <translation>{item} is voorgesteld, maar nog niet goedgekeurd</translation>
    </message>
    <message>
        <source>{item} is rejected</source>
        <translation>{item} is afgewezen</translation>
    </message>
    <message>
        <source>{item} was approved by its own author {reviewer}</source>
        <translation>{item} is goedgekeurd door de eigen maker, {reviewer}</translation>
    </message>
    <message>
        <source>{languages!r} is not a list of OCR languages; write them like &apos;nld+eng&apos;.</source>
        <translation>{languages!r} is geen lijst van OCR-talen; schrijf ze als &apos;nld+eng&apos;.</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names} en nog {more}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>{name} kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <source>{name} changed while it was being added; add it again.</source>
        <translation>{name} is gewijzigd tijdens het toevoegen; voeg het opnieuw toe.</translation>
    </message>
    <message>
        <source>{name} could not be exported: {reason}</source>
        <translation>{name} kon niet worden geëxporteerd: {reason}</translation>
    </message>
    <message>
        <source>{name} has {count} page(s); there is no page {page}.</source>
        <translation>{name} heeft geen pagina {page} (aantal pagina’s: {count}).</translation>
    </message>
    <message>
        <source>{name} has {count} pages, more than the {limit} Redactor accepts in one document; split it first.</source>
        <translation>{name} heeft {count} pagina’s, meer dan de {limit} die Redactor in één document accepteert; splits het eerst.</translation>
    </message>
    <message>
        <source>{name} is already in the case as document {id} ({existing}, same SHA-256).</source>
        <translation>{name} zit al in de zaak als document {id} ({existing}, dezelfde SHA-256).</translation>
    </message>
    <message>
        <source>{name} is an empty file (0 bytes), not a PDF.</source>
        <translation>{name} is een leeg bestand (0 bytes), geen PDF.</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated and cannot be opened as a PDF.</source>
        <translation>{name} is beschadigd of afgebroken en kan niet als PDF worden geopend.</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated: no pages could be found in it.</source>
        <translation>{name} is beschadigd of afgebroken: er zijn geen pagina’s in gevonden.</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated: {where} is missing from the file.</source>
        <translation>{name} is beschadigd of afgebroken: {where} ontbreekt in het bestand.</translation>
    </message>
    <message>
        <source>{name} is damaged: {where} cannot be read.</source>
        <translation>{name} is beschadigd: {where} kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>{name} is damaged: {where} has no visible area.</source>
        <translation>{name} is beschadigd: {where} heeft geen zichtbaar vlak.</translation>
    </message>
    <message>
        <source>{name} is larger than 1 GiB; split it before adding it.</source>
        <translation>{name} is groter dan 1 GiB; splits het voordat u het toevoegt.</translation>
    </message>
    <message>
        <source>{name} is not a PDF file: it has no %PDF header.</source>
        <translation>{name} is geen PDF-bestand: de %PDF-kop ontbreekt.</translation>
    </message>
    <message>
        <source>{name} is protected with a password; give it to open the file.</source>
        <translation>{name} is beveiligd met een wachtwoord; geef het wachtwoord op om het bestand te openen.</translation>
    </message>
    <message>
        <source>{name} is the same file as {other} (same SHA-256); add it once.</source>
        <translation>{name} is hetzelfde bestand als {other} (dezelfde SHA-256); voeg het één keer toe.</translation>
    </message>
    <message>
        <source>{name} is too large or too complex to open ({where}).</source>
        <translation>{name} is te groot of te complex om te openen ({where}).</translation>
    </message>
    <message>
        <source>{name} is too large or too complex to open.</source>
        <translation>{name} is te groot of te complex om te openen.</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not a date; write it as YYYY-MM-DD.</source>
        <translation>{name}: &apos;{text}&apos; is geen datum; schrijf die als JJJJ-MM-DD.</translation>
    </message>
    <message>
        <source>{name}: check &apos;{check}&apos; failed: {detail}{others}</source>
        <translation>{name}: controle &apos;{check}&apos; mislukt: {detail}{others}</translation>
    </message>
    <message>
        <source>{name}: page {page}, check &apos;{check}&apos; failed: {detail}{others}</source>
        <translation>{name}: pagina {page}, controle &apos;{check}&apos; mislukt: {detail}{others}</translation>
    </message>
    <message>
        <source>{name}: verification failed.</source>
        <translation>{name}: de controle is mislukt.</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name for the new case.</source>
        <translation>{path} bestaat al; kies een andere naam voor de nieuwe zaak.</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>{path} kan niet worden gelezen: geen toegang.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>{path} kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} bestaat niet.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a PDF file.</source>
        <translation>{path} is een map, geen PDF-bestand.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Redactor case.</source>
        <translation>{path} is een map, geen Redactor-zaak.</translation>
    </message>
    <message>
        <source>{path} is not a Redactor case (the file is not a case database).</source>
        <translation>{path} is geen Redactor-zaak (het bestand is geen zaakdatabase).</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>{ref} was changed by someone else; reload and try again.</source>
        <translation>{ref} is door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>{source}, &apos;{name}&apos;</source>
        <translation>{source}, &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{source}, document entry {index}</source>
        <translation>{source}, documentregel {index}</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you loaded it; your change was not saved. Reload and try again.</source>
        <translation>{what} is door iemand anders gewijzigd sinds u het laadde; uw wijziging is niet opgeslagen. Laad opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>{where} already holds a Redactor case.</source>
        <translation>{where} bevat al een Redactor-zaak.</translation>
    </message>
    <message>
        <source>{where} is not a Redactor case (the file is not a database).</source>
        <translation>{where} is geen Redactor-zaak (het bestand is geen database).</translation>
    </message>
    <message>
        <source>{where} is not a Redactor case.</source>
        <translation>{where} is geen Redactor-zaak.</translation>
    </message>
    <message>
        <source>{where}, redaction {index}</source>
        <translation>{where}, lakking {index}</translation>
    </message>
    <message>
        <source>{where}, withheld page {index}</source>
        <translation>{where}, geweigerde pagina {index}</translation>
    </message>
    <message>
        <source>{where}: &quot;file&quot; must be a document&apos;s file name.</source>
        <translation>{where}: &quot;file&quot; moet de bestandsnaam van een document zijn.</translation>
    </message>
    <message>
        <source>{where}: &quot;grounds&quot; must be a non-empty list of ground codes.</source>
        <translation>{where}: &quot;grounds&quot; moet een niet-lege lijst van grondcodes zijn.</translation>
    </message>
    <message>
        <source>{where}: &quot;note&quot; must be text.</source>
        <translation>{where}: &quot;note&quot; moet tekst zijn.</translation>
    </message>
    <message>
        <source>{where}: &quot;page&quot; must be a page number starting at 1.</source>
        <translation>{where}: &quot;page&quot; moet een paginanummer zijn, te beginnen bij 1.</translation>
    </message>
    <message>
        <source>{where}: &quot;rect&quot; must be four numbers [x0, y0, x1, y1].</source>
        <translation>{where}: &quot;rect&quot; moet uit vier getallen bestaan [x0, y0, x1, y1].</translation>
    </message>
    <message>
        <source>{where}: &quot;{key}&quot; must be a list.</source>
        <translation>{where}: &quot;{key}&quot; moet een lijst zijn.</translation>
    </message>
    <message>
        <source>{where}: give at least one ground.</source>
        <translation>{where}: geef minstens één weigeringsgrond op.</translation>
    </message>
    <message>
        <source>{where}: must be a JSON object.</source>
        <translation>{where}: moet een JSON-object zijn.</translation>
    </message>
    <message>
        <source>{where}: several documents are named &apos;{name}&apos;; rename one first.</source>
        <translation>{where}: meerdere documenten heten &apos;{name}&apos;; geef er eerst één een andere naam.</translation>
    </message>
    <message>
        <source>{where}: the rectangle has a coordinate that is not a number.</source>
        <translation>{where}: de rechthoek heeft een coördinaat die geen getal is.</translation>
    </message>
    <message>
        <source>{where}: the rectangle {rect} has zero size; draw a box of at least {minimum} pt.</source>
        <translation>{where}: de rechthoek {rect} heeft geen afmeting; teken een vak van minstens {minimum} pt.</translation>
    </message>
    <message>
        <source>{where}: the rectangle {rect} lies outside the page, which is {width:g} x {height:g} pt.</source>
        <translation>{where}: de rechthoek {rect} ligt buiten de pagina, die {width:g} x {height:g} pt groot is.</translation>
    </message>
    <message>
        <source>{where}: there is no document named &apos;{name}&apos; in the case.</source>
        <translation>{where}: er is geen document met de naam &apos;{name}&apos; in de zaak.</translation>
    </message>
    <message>
        <source>{where}: {reason:lower}</source>
        <translation>{where}: {reason:lower}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Redactor has stopped</source>
        <translation>Redactor is gestopt</translation>
    </message>
    <message>
        <source>Details were saved to {0}.</source>
        <translation>De details zijn opgeslagen in {0}.</translation>
    </message>
    <message>
        <source>The log is {0}.</source>
        <translation>Het logbestand is {0}.</translation>
    </message>
    <message>
        <source>An internal error occurred: {0}. Everything you did before this moment is saved in the case. Redactor will close; please report this, with the details below.</source>
        <translation>Er is een interne fout opgetreden: {0}. Alles wat u tot nu toe deed, is opgeslagen in de zaak. Redactor wordt gesloten; meld dit alstublieft, met de details hieronder.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Vakken</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Bestandsnaam</translation>
    </message>
    <message>
        <source>Pages marked as reviewed / pages in the document</source>
        <translation>Pagina’s gemarkeerd als beoordeeld / pagina’s in het document</translation>
    </message>
    <message>
        <source>Redaction boxes (withheld pages in brackets)</source>
        <translation>Lakvakken (geweigerde pagina’s tussen haakjes)</translation>
    </message>
    <message>
        <source>Boxes and page decisions awaiting approval</source>
        <translation>Vakken en paginabesluiten die op goedkeuring wachten</translation>
    </message>
    <message>
        <source>Rejected boxes and page decisions</source>
        <translation>Afgewezen vakken en paginabesluiten</translation>
    </message>
    <message>
        <source>The document&apos;s judgement for the inventory</source>
        <translation>De beoordeling van het document voor de inventarislijst</translation>
    </message>
    <message>
        <source>This file was damaged and had to be repaired to be read: pages or content may be missing. Compare it with the original before deciding on it.</source>
        <translation>Dit bestand was beschadigd en moest worden hersteld om het te kunnen lezen: er kunnen pagina&apos;s of inhoud ontbreken. Vergelijk het met het origineel voordat u erover beslist.</translation>
    </message>
    <message>
        <source>{0}: {1} pages, imported by {2}</source>
        <translation>{0}: {1} pagina’s, geïmporteerd door {2}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Filter documents…</source>
        <translation>Documenten filteren…</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>No judgement yet</source>
        <translation>Nog geen beoordeling</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>Draw box</source>
        <translation>Vak tekenen</translation>
    </message>
    <message numerus="yes">
        <source>Draw %n box(es)</source>
        <translation>
            <numerusform>%n vak tekenen</numerusform>
            <numerusform>%n vakken tekenen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Vak verplaatsen</translation>
    </message>
    <message numerus="yes">
        <source>Move %n box(es)</source>
        <translation>
            <numerusform>%n vak verplaatsen</numerusform>
            <numerusform>%n vakken verplaatsen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resize box</source>
        <translation>Vakgrootte wijzigen</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>Vak verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n box(es)</source>
        <translation>
            <numerusform>%n vak verwijderen</numerusform>
            <numerusform>%n vakken verwijderen</numerusform>
        </translation>
    </message>
    <message>
        <source>Grounds of the box</source>
        <translation>Gronden van het vak</translation>
    </message>
    <message>
        <source>Change grounds</source>
        <translation>Gronden wijzigen</translation>
    </message>
    <message>
        <source>Withhold page</source>
        <translation>Pagina weigeren</translation>
    </message>
    <message>
        <source>Withhold page %1</source>
        <translation>Pagina %1 weigeren</translation>
    </message>
    <message>
        <source>Mark page out of scope</source>
        <translation>Pagina buiten reikwijdte markeren</translation>
    </message>
    <message>
        <source>Clear page decision</source>
        <translation>Paginabesluit wissen</translation>
    </message>
    <message>
        <source>Mark page reviewed</source>
        <translation>Pagina als beoordeeld markeren</translation>
    </message>
    <message>
        <source>Unmark page reviewed</source>
        <translation>Markering ‘beoordeeld’ weghalen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Uitvoermap:</translation>
    </message>
    <message>
        <source>Black boxes, white codes</source>
        <translation>Zwarte vakken, witte codes</translation>
    </message>
    <message>
        <source>White boxes with a border, black codes</source>
        <translation>Witte vakken met rand, zwarte codes</translation>
    </message>
    <message>
        <source>Boxes:</source>
        <translation>Vakken:</translation>
    </message>
    <message>
        <source>Text stays searchable</source>
        <translation>Tekst blijft doorzoekbaar</translation>
    </message>
    <message>
        <source>Pages as images (no text layer)</source>
        <translation>Pagina’s als afbeelding (geen tekstlaag)</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Uitvoer:</translation>
    </message>
    <message>
        <source>Add a page explaining the ground codes</source>
        <translation>Een pagina met uitleg van de gronden toevoegen</translation>
    </message>
    <message>
        <source>Replace an earlier export in this folder</source>
        <translation>Een eerdere export in deze map vervangen</translation>
    </message>
    <message>
        <source>Document / check</source>
        <translation>Document / controle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Uitvoermap</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>Kies een uitvoermap.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <source>Exported and verified: %n document(s) in {0}.</source>
        <translation>
            <numerusform>Geëxporteerd en gecontroleerd: %n document in {0}.</numerusform>
            <numerusform>Geëxporteerd en gecontroleerd: %n documenten in {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>geslaagd</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>MISLUKT</translation>
    </message>
    <message>
        <source>{0} (page {1})</source>
        <translation>{0} (pagina {1})</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>geëxporteerd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>afgekeurd</translation>
    </message>
    <message>
        <source>listed only (not released)</source>
        <translation>alleen vermeld (niet openbaar gemaakt)</translation>
    </message>
    <message>
        <source>Verification completed</source>
        <translation>Controle afgerond</translation>
    </message>
    <message>
        <source>One revision only</source>
        <translation>Eén versie</translation>
    </message>
    <message>
        <source>File opens</source>
        <translation>Bestand opent</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Niet versleuteld</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Aantal pagina&apos;s</translation>
    </message>
    <message>
        <source>No annotations</source>
        <translation>Geen annotaties</translation>
    </message>
    <message>
        <source>No form fields</source>
        <translation>Geen formuliervelden</translation>
    </message>
    <message>
        <source>No scripts or actions</source>
        <translation>Geen scripts of acties</translation>
    </message>
    <message>
        <source>No embedded files</source>
        <translation>Geen ingesloten bestanden</translation>
    </message>
    <message>
        <source>No bookmarks, destinations or structure</source>
        <translation>Geen bladwijzers, bestemmingen of structuur</translation>
    </message>
    <message>
        <source>No private application data</source>
        <translation>Geen eigen gegevens van programma&apos;s</translation>
    </message>
    <message>
        <source>No hidden layers</source>
        <translation>Geen verborgen lagen</translation>
    </message>
    <message>
        <source>No metadata from the source</source>
        <translation>Geen metadata uit het bronbestand</translation>
    </message>
    <message>
        <source>Withheld page empty</source>
        <translation>Geweigerde pagina leeg</translation>
    </message>
    <message>
        <source>No text under boxes</source>
        <translation>Geen tekst onder vakken</translation>
    </message>
    <message>
        <source>Removed words nowhere in the file</source>
        <translation>Weggelakte woorden nergens in het bestand</translation>
    </message>
    <message>
        <source>No font data of removed text</source>
        <translation>Geen lettertypegegevens van weggelakte tekst</translation>
    </message>
    <message>
        <source>Boxes drawn solid</source>
        <translation>Vakken dekkend getekend</translation>
    </message>
    <message>
        <source>Nothing under the boxes</source>
        <translation>Niets onder de vakken</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <source>Text or regular expression…</source>
        <translation>Tekst of reguliere expressie…</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Reguliere expressie</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Hoofdlettergevoelig</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Hele woorden</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Dit document</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>De hele zaak</translation>
    </message>
    <message>
        <source>Search stopped.</source>
        <translation>Zoeken gestopt.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>Stoppen met zoeken</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Redact selected…</source>
        <translation>Selectie lakken…</translation>
    </message>
    <message>
        <source>Redact all…</source>
        <translation>Alles lakken…</translation>
    </message>
    <message>
        <source>Propose a box over every match not yet redacted</source>
        <translation>Stel een vak voor over elke nog niet gelakte vondst</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Bezig met zoeken…</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n vondst</numerusform>
            <numerusform>%n vondsten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yet redacted</source>
        <translation>
            <numerusform>%n nog niet gelakt</numerusform>
            <numerusform>%n nog niet gelakt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsController</name>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestie overnemen</numerusform>
            <numerusform>%n suggesties overnemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ground and motivation for %n suggestion(s)</source>
        <translation>
            <numerusform>Grond en motivering voor %n suggestie</numerusform>
            <numerusform>Grond en motivering voor %n suggesties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redact the visible occurrences of %n term(s)</source>
        <translation>
            <numerusform>De zichtbare plekken van %n term lakken</numerusform>
            <numerusform>De zichtbare plekken van %n termen lakken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) proposed.</source>
        <translation>
            <numerusform>%n vak voorgesteld.</numerusform>
            <numerusform>%n vakken voorgesteld.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for other occurrences in the whole case…</source>
        <translation>Andere plekken in de hele zaak worden gezocht…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Redact everywhere</source>
        <translation>Overal lakken</translation>
    </message>
    <message>
        <source>Redact everywhere stopped: no boxes were proposed.</source>
        <translation>Overal lakken gestopt: er zijn geen vakken voorgesteld.</translation>
    </message>
    <message numerus="yes">
        <source>Redact everywhere: %n box(es) proposed</source>
        <translation>
            <numerusform>Overal lakken: %n vak voorgesteld</numerusform>
            <numerusform>Overal lakken: %n vakken voorgesteld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation>
            <numerusform>in %n document.</numerusform>
            <numerusform>in %n documenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Redact everywhere: no other unredacted occurrences found.</source>
        <translation>Overal lakken: geen andere ongelakte plekken gevonden.</translation>
    </message>
    <message>
        <source>Reading scanned pages…</source>
        <translation>Gescande pagina’s worden gelezen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Read scanned pages (OCR)</source>
        <translation>Gescande pagina’s lezen (OCR)</translation>
    </message>
    <message>
        <source>Reading the scanned pages of {0} ({1} of {2})…</source>
        <translation>De gescande pagina’s van {0} worden gelezen ({1} van {2})…</translation>
    </message>
    <message>
        <source>OCR stops after the page being read…</source>
        <translation>OCR stopt na de pagina die nu wordt gelezen…</translation>
    </message>
    <message numerus="yes">
        <source>OCR stopped: %n scanned page(s) read and kept.</source>
        <translation>
            <numerusform>OCR gestopt: %n gescande pagina gelezen en bewaard.</numerusform>
            <numerusform>OCR gestopt: %n gescande pagina’s gelezen en bewaard.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pages not read yet are as they were; reading again goes on from there.</source>
        <translation>De pagina’s die nog niet gelezen zijn, zijn onveranderd; opnieuw lezen gaat daar verder.</translation>
    </message>
    <message numerus="yes">
        <source>%n scanned page(s) read. Find, suggestions and snapping to text now use the recognised words.</source>
        <translation>
            <numerusform>%n gescande pagina gelezen. Zoeken, suggesties en aansluiten op tekst gebruiken nu de herkende woorden.</numerusform>
            <numerusform>%n gescande pagina’s gelezen. Zoeken, suggesties en aansluiten op tekst gebruiken nu de herkende woorden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No page needed reading: every page has text or was read before.</source>
        <translation>Geen pagina hoefde gelezen te worden: elke pagina heeft tekst of is al eerder gelezen.</translation>
    </message>
</context>
<context>
    <name>GroundPicker</name>
    <message>
        <source>Choose ground</source>
        <translation>Grond kiezen</translation>
    </message>
    <message>
        <source>Search code or description…</source>
        <translation>Zoek op code of omschrijving…</translation>
    </message>
    <message>
        <source>Note / motivation:</source>
        <translation>Notitie / motivering:</translation>
    </message>
    <message>
        <source>(old law)</source>
        <translation>(oude wet)</translation>
    </message>
    <message>
        <source>Most used (press 1–9)</source>
        <translation>Meest gebruikt (toets 1–9)</translation>
    </message>
    <message>
        <source>All grounds</source>
        <translation>Alle gronden</translation>
    </message>
    <message>
        <source>Requires a written motivation (weighing of interests)</source>
        <translation>Vereist een schriftelijke motivering (belangenafweging)</translation>
    </message>
    <message>
        <source>No ground selected.</source>
        <translation>Geen grond gekozen.</translation>
    </message>
    <message>
        <source>Motivation required: explain the weighing of interests below.</source>
        <translation>Motivering vereist: licht de belangenafweging hieronder toe.</translation>
    </message>
    <message>
        <source>Choose at least one ground.</source>
        <translation>Kies minstens één grond.</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Already under a box</source>
        <translation>Al onder een vak</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Logger</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Information and worse</source>
        <translation>Informatie en ernstiger</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Waarschuwingen en fouten</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Alleen fouten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Copy the records shown, e.g. for a support request</source>
        <translation>De getoonde meldingen kopiëren, bijvoorbeeld voor een hulpvraag</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <source>Empty this list (the log file keeps everything)</source>
        <translation>Deze lijst leegmaken (het logbestand houdt alles)</translation>
    </message>
    <message>
        <source>Log file: {0}</source>
        <translation>Logbestand: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina’s</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkbalk</translation>
    </message>
    <message>
        <source>Page number (Ctrl+G)</source>
        <translation>Paginanummer (Ctrl+G)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoomen</translation>
    </message>
    <message>
        <source>Redactor</source>
        <translation>Redactor</translation>
    </message>
    <message>
        <source>Reviewer: {0}</source>
        <translation>Beoordelaar: {0}</translation>
    </message>
    <message>
        <source>four-eyes</source>
        <translation>vier ogen</translation>
    </message>
    <message>
        <source>single reviewer</source>
        <translation>één beoordelaar</translation>
    </message>
    <message>
        <source>Reviewer: {0} ({1})</source>
        <translation>Beoordelaar: {0} ({1})</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Pagina {0} van {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n vak</numerusform>
            <numerusform>%n vakken</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewed by {0}</source>
        <translation>beoordeeld door {0}</translation>
    </message>
    <message>
        <source>confirmed by {0}</source>
        <translation>bevestigd door {0}</translation>
    </message>
    <message>
        <source>Withheld: {0}</source>
        <translation>Geweigerd: {0}</translation>
    </message>
    <message>
        <source>Out of scope</source>
        <translation>Buiten reikwijdte</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Zaak openen</translation>
    </message>
    <message>
        <source>Redactor cases (*.redactor);;All files (*)</source>
        <translation>Redactor-zaken (*.redactor);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Open database case</source>
        <translation>Zaak in database openen</translation>
    </message>
    <message>
        <source>Database URL, e.g. postgresql+psycopg://host/dossier (your role is your name):</source>
        <translation>Database-URL, bijv. postgresql+psycopg://host/dossier (uw rol is uw naam):</translation>
    </message>
    <message>
        <source>The case was closed.</source>
        <translation>De zaak is gesloten.</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Ga naar pagina</translation>
    </message>
    <message>
        <source>Page (1–{0}):</source>
        <translation>Pagina (1–{0}):</translation>
    </message>
    <message>
        <source>Ground for the matches</source>
        <translation>Grond voor de vondsten</translation>
    </message>
    <message numerus="yes">
        <source>Redact %n match(es)</source>
        <translation>
            <numerusform>%n vondst lakken</numerusform>
            <numerusform>%n vondsten lakken</numerusform>
        </translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Documenten toevoegen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Adding documents…</source>
        <translation>Bezig met toevoegen van documenten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Damaged files repaired</source>
        <translation>Beschadigde bestanden hersteld</translation>
    </message>
    <message>
        <source>These files were damaged and had to be repaired to be read; pages or content may be missing. Compare them with the originals:
{0}</source>
        <translation>Deze bestanden waren beschadigd en moesten worden hersteld om ze te kunnen lezen; er kunnen pagina&apos;s of inhoud ontbreken. Vergelijk ze met de originelen:
{0}</translation>
    </message>
    <message>
        <source>Adding {0}…</source>
        <translation>{0} toevoegen…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>About Redactor</source>
        <translation>Over Redactor</translation>
    </message>
    <message>
        <source>Redactor {0}
Redact PDF documents for release (Woo, FOIA, GDPR).
Licence: AGPL-3.0-or-later.</source>
        <translation>Redactor {0}
Lak PDF-documenten voor openbaarmaking (Woo, FOIA, AVG).
Licentie: AGPL-3.0-or-later.</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggesties</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Consistentie</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Programmalog</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <source>A file name (a SQLite case) or a PostgreSQL URL such as postgresql+psycopg://host/db</source>
        <translation>Een bestandsnaam (een SQLite-zaak) of een PostgreSQL-URL zoals postgresql+psycopg://host/db</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Zaak:</translation>
    </message>
    <message>
        <source>Ground catalog:</source>
        <translation>Gronden-catalogus:</translation>
    </message>
    <message>
        <source>Four-eyes review: a second reviewer approves every decision</source>
        <translation>Vier-ogenbeoordeling: een tweede beoordelaar keurt elk besluit goed</translation>
    </message>
    <message>
        <source>Redactor cases (*.redactor)</source>
        <translation>Redactor-zaken (*.redactor)</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>As exported</source>
        <translation>Zoals geëxporteerd</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Uw naam:</translation>
    </message>
    <message>
        <source>Recorded with every decision. On a PostgreSQL case your database role is used.</source>
        <translation>Wordt bij elk besluit vastgelegd. Bij een PostgreSQL-zaak geldt uw databaserol.</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <source>High-contrast box colours</source>
        <translation>Vakkleuren met hoog contrast</translation>
    </message>
    <message>
        <source>Snap drawn boxes to the words they cover</source>
        <translation>Getekende vakken op de bedekte woorden laten aansluiten</translation>
    </message>
    <message>
        <source>New cases use four-eyes review</source>
        <translation>Nieuwe zaken gebruiken vier-ogenbeoordeling</translation>
    </message>
    <message>
        <source>Off: no copies (slower first page)</source>
        <translation>Uit: geen kopieën (eerste pagina trager)</translation>
    </message>
    <message>
        <source>Copies of the cases&apos; PDFs are kept in your cache folder so that pages open quickly; the least recently used go first when this size is reached. Set it to 0 to keep no copies outside the cases.</source>
        <translation>Kopieën van de PDF&apos;s van de zaken worden in uw cachemap bewaard, zodat pagina&apos;s snel openen; bij deze grootte verdwijnen de langst niet gebruikte eerst. Zet de waarde op 0 om geen kopieën buiten de zaken te bewaren.</translation>
    </message>
    <message>
        <source>Copies for fast viewing, at most:</source>
        <translation>Kopieën voor snel bekijken, hoogstens:</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Gronden</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Awaiting my approval</source>
        <translation>Wacht op mijn goedkeuring</translation>
    </message>
    <message>
        <source>Rejected (mine)</source>
        <translation>Afgewezen (van mij)</translation>
    </message>
    <message>
        <source>Only what changed since I approved it</source>
        <translation>Alleen wat na mijn goedkeuring is gewijzigd</translation>
    </message>
    <message>
        <source>&amp;Approve (A)</source>
        <translation>&amp;Goedkeuren (A)</translation>
    </message>
    <message>
        <source>&amp;Reject… (R)</source>
        <translation>&amp;Afwijzen… (R)</translation>
    </message>
    <message>
        <source>&amp;Next (N)</source>
        <translation>&amp;Volgende (N)</translation>
    </message>
    <message>
        <source>Revise the box…</source>
        <translation>Vak herzien…</translation>
    </message>
    <message>
        <source>Approve the selected item (A)</source>
        <translation>Het gekozen item goedkeuren (A)</translation>
    </message>
    <message>
        <source>Reject the selected item with a reason (R)</source>
        <translation>Het gekozen item met een reden afwijzen (R)</translation>
    </message>
    <message>
        <source>Go to the next item (N)</source>
        <translation>Naar het volgende item (N)</translation>
    </message>
    <message>
        <source>Change the box&apos;s grounds or note; it goes back for review</source>
        <translation>Wijzig de gronden of notitie van het vak; het gaat terug ter beoordeling</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) await your approval.</source>
        <translation>
            <numerusform>%n item wacht op uw goedkeuring.</numerusform>
            <numerusform>%n items wachten op uw goedkeuring.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) still to confirm (Ctrl+Shift+Enter).</source>
        <translation>
            <numerusform>Nog %n pagina te bevestigen (Ctrl+Shift+Enter).</numerusform>
            <numerusform>Nog %n pagina’s te bevestigen (Ctrl+Shift+Enter).</numerusform>
        </translation>
    </message>
    <message>
        <source>(Single-reviewer case: you may approve your own work.)</source>
        <translation>(Zaak met één beoordelaar: u mag uw eigen werk goedkeuren.)</translation>
    </message>
    <message>
        <source>Reject {0}</source>
        <translation>{0} afwijzen</translation>
    </message>
    <message>
        <source>Why? The author sees this reason:</source>
        <translation>Waarom? De auteur ziet deze reden:</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Drag on a page</source>
        <translation>Slepen op een pagina</translation>
    </message>
    <message>
        <source>Draw a box</source>
        <translation>Een vak tekenen</translation>
    </message>
    <message>
        <source>Click / Ctrl+click</source>
        <translation>Klik / Ctrl+klik</translation>
    </message>
    <message>
        <source>Select a box / add to the selection</source>
        <translation>Vak kiezen / aan de selectie toevoegen</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Shift+slepen</translation>
    </message>
    <message>
        <source>Select boxes in a rectangle</source>
        <translation>Vakken binnen een rechthoek kiezen</translation>
    </message>
    <message>
        <source>Drag a box or a handle</source>
        <translation>Een vak of greep slepen</translation>
    </message>
    <message>
        <source>Move or resize</source>
        <translation>Verplaatsen of van grootte veranderen</translation>
    </message>
    <message>
        <source>Double-click a word</source>
        <translation>Dubbelklik op een woord</translation>
    </message>
    <message>
        <source>Box around the word (Shift: the line)</source>
        <translation>Vak om het woord (Shift: de regel)</translation>
    </message>
    <message>
        <source>Double-click a box</source>
        <translation>Dubbelklik op een vak</translation>
    </message>
    <message>
        <source>Grounds and note</source>
        <translation>Gronden en notitie</translation>
    </message>
    <message>
        <source>Arrows / Shift+arrows</source>
        <translation>Pijlen / Shift+pijlen</translation>
    </message>
    <message>
        <source>Nudge the selection 1 / 10 pt</source>
        <translation>Selectie 1 / 10 pt verschuiven</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+scrollwiel</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoomen</translation>
    </message>
    <message>
        <source>Middle-drag</source>
        <translation>Slepen met middelste knop</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Schuiven</translation>
    </message>
    <message>
        <source>1–9 in the ground picker</source>
        <translation>1–9 in de grondenkiezer</translation>
    </message>
    <message>
        <source>Most used grounds</source>
        <translation>Meest gebruikte gronden</translation>
    </message>
    <message>
        <source>A / R / N in the review queue</source>
        <translation>A / R / N in de beoordelingslijst</translation>
    </message>
    <message>
        <source>Approve / reject / next</source>
        <translation>Goedkeuren / afwijzen / volgende</translation>
    </message>
    <message>
        <source>Mouse and panels</source>
        <translation>Muis en panelen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (press any key to close)</source>
        <translation>Sneltoetsen (druk op een toets om te sluiten)</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>Citizen service number (BSN)</source>
        <translation>Burgerservicenummer (BSN)</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Rekeningnummer</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mailadres</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefoonnummer</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <source>Postcode and house number</source>
        <translation>Postcode en huisnummer</translation>
    </message>
    <message>
        <source>Licence plate</source>
        <translation>Kenteken</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Person name</source>
        <translation>Persoonsnaam</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestie</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter accepts all %n suggestion(s) of this kind</source>
        <translation>
            <numerusform>Enter neemt de %n suggestie van deze soort over</numerusform>
            <numerusform>Enter neemt alle %n suggesties van deze soort over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter accepts all %n occurrence(s) of this term</source>
        <translation>
            <numerusform>Enter neemt de %n plek van deze term over</numerusform>
            <numerusform>Enter neemt alle %n plekken van deze term over</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, page {1}</source>
        <translation>{0}, pagina {1}</translation>
    </message>
    <message>
        <source>Suggested ground: {0}</source>
        <translation>Voorgestelde grond: {0}</translation>
    </message>
    <message>
        <source>Low confidence: check before accepting</source>
        <translation>Weinig zeker: controleer voor u overneemt</translation>
    </message>
    <message>
        <source>{0} ({1}) · ground {2}</source>
        <translation>{0} ({1}) · grond {2}</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>This document</source>
        <translation>Dit document</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>De hele zaak</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Detectoren</translation>
    </message>
    <message>
        <source>Which kinds of personal data to look for</source>
        <translation>Naar welke soorten persoonsgegevens gezocht wordt</translation>
    </message>
    <message>
        <source>Accept (Enter)</source>
        <translation>Overnemen (Enter)</translation>
    </message>
    <message>
        <source>Propose boxes over the selected suggestions with their suggested ground (one undo step); they then go through review. A selected group accepts all of it.</source>
        <translation>Stel vakken voor over de gekozen suggesties met hun voorgestelde grond (één stap ongedaan te maken); daarna volgen ze de gewone beoordeling. Een gekozen groep neemt alles daarin over.</translation>
    </message>
    <message>
        <source>Dismiss (Del)</source>
        <translation>Verwerpen (Del)</translation>
    </message>
    <message>
        <source>Hide the selected suggestions for good. A dismissal is recorded in the audit trail and cannot be undone.</source>
        <translation>Verberg de gekozen suggesties voorgoed. Verwerpen wordt in het logboek vastgelegd en kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Choose at least one detector.</source>
        <translation>Kies minstens één detector.</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>{0} wordt gelezen…</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} documents.</source>
        <translation>Gestopt na {0} van {1} documenten.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Find suggestions</source>
        <translation>Suggesties zoeken</translation>
    </message>
    <message>
        <source>Stop after the page being read</source>
        <translation>Stoppen na de pagina die nu wordt gelezen</translation>
    </message>
    <message>
        <source>Run the detectors over the chosen documents</source>
        <translation>De detectoren over de gekozen documenten laten lopen</translation>
    </message>
    <message>
        <source>Find suggestions to let the detectors look for personal data.</source>
        <translation>Kies Suggesties zoeken om de detectoren naar persoonsgegevens te laten zoeken.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestie</numerusform>
            <numerusform>%n suggesties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss suggestions</source>
        <translation>Suggesties verwerpen</translation>
    </message>
    <message numerus="yes">
        <source>Dismiss %n suggestion(s)? They will not be suggested again; this is recorded in the audit trail and cannot be undone.</source>
        <translation>
            <numerusform>%n suggestie verwerpen? Die wordt niet opnieuw voorgesteld; dit wordt in het logboek vastgelegd en kan niet ongedaan worden gemaakt.</numerusform>
            <numerusform>%n suggesties verwerpen? Die worden niet opnieuw voorgesteld; dit wordt in het logboek vastgelegd en kan niet ongedaan worden gemaakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Accept every “{0}” ({1})</source>
        <translation>Elke “{0}” overnemen ({1})</translation>
    </message>
    <message>
        <source>Accept all: {0} ({1})</source>
        <translation>Alles overnemen: {0} ({1})</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <source>Dismiss every “{0}” ({1})</source>
        <translation>Elke “{0}” verwerpen ({1})</translation>
    </message>
    <message>
        <source>Dismiss all: {0} ({1})</source>
        <translation>Alles verwerpen: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>ThumbnailsModel</name>
    <message>
        <source>Page {0}</source>
        <translation>Pagina {0}</translation>
    </message>
    <message>
        <source>reviewed by {0}</source>
        <translation>beoordeeld door {0}</translation>
    </message>
    <message>
        <source>confirmed by {0}</source>
        <translation>bevestigd door {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n vak</numerusform>
            <numerusform>%n vakken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Redactor</source>
        <translation>Redactor</translation>
    </message>
    <message>
        <source>Redact PDF documents for release, with four-eyes review and a tamper-evident audit trail.</source>
        <translation>Lak PDF-documenten voor openbaarmaking, met vier-ogenbeoordeling en een manipulatiebestendig logboek.</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nieuwe zaak…</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>Zaak openen…</translation>
    </message>
    <message>
        <source>Try the demo case</source>
        <translation>Probeer de demozaak</translation>
    </message>
    <message>
        <source>Recent cases (Enter opens):</source>
        <translation>Recente zaken (Enter opent):</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Zaak</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bewerken</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga</translation>
    </message>
    <message>
        <source>&amp;Page</source>
        <translation>&amp;Pagina</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Beoo&amp;rdeling</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extra</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nieuwe zaak…</translation>
    </message>
    <message>
        <source>Create a new case file</source>
        <translation>Een nieuw zaakbestand maken</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>Zaak &amp;openen…</translation>
    </message>
    <message>
        <source>Open a case file or a database URL</source>
        <translation>Een zaakbestand of database-URL openen</translation>
    </message>
    <message>
        <source>Open &amp;database case…</source>
        <translation>Zaak in &amp;database openen…</translation>
    </message>
    <message>
        <source>Open a case on a PostgreSQL server by its URL</source>
        <translation>Een zaak op een PostgreSQL-server openen via de URL</translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation>&amp;Demozaak openen</translation>
    </message>
    <message>
        <source>Build a sample case and open it</source>
        <translation>Een voorbeeldzaak maken en openen</translation>
    </message>
    <message>
        <source>&amp;Add documents…</source>
        <translation>Documenten &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add PDF files to the case</source>
        <translation>PDF-bestanden aan de zaak toevoegen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Write the redacted documents and records</source>
        <translation>De gelakte documenten en verantwoording wegschrijven</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <source>Close the case (everything is saved)</source>
        <translation>De zaak sluiten (alles is opgeslagen)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Quit Redactor (everything is saved)</source>
        <translation>Redactor afsluiten (alles is opgeslagen)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>De laatste bewerking ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Op&amp;nieuw</translation>
    </message>
    <message>
        <source>Redo the edit</source>
        <translation>De bewerking opnieuw uitvoeren</translation>
    </message>
    <message>
        <source>&amp;Grounds and note…</source>
        <translation>&amp;Gronden en notitie…</translation>
    </message>
    <message>
        <source>Change the grounds and note of the selected boxes</source>
        <translation>De gronden en notitie van de gekozen vakken wijzigen</translation>
    </message>
    <message>
        <source>&amp;Delete boxes</source>
        <translation>Vakken &amp;verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected boxes</source>
        <translation>De gekozen vakken verwijderen</translation>
    </message>
    <message>
        <source>Select all boxes on the page</source>
        <translation>Alle vakken op de pagina kiezen</translation>
    </message>
    <message>
        <source>Select every box on this page</source>
        <translation>Elk vak op deze pagina kiezen</translation>
    </message>
    <message>
        <source>&amp;Snap to text</source>
        <translation>&amp;Aansluiten op tekst</translation>
    </message>
    <message>
        <source>Make drawn boxes tight around the words they cover</source>
        <translation>Getekende vakken precies om de bedekte woorden leggen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <source>Your name, the language, colours</source>
        <translation>Uw naam, de taal, kleuren</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Inzoomen (Ctrl+scrollwiel)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Uitzoomen (Ctrl+scrollwiel)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Passend in &amp;breedte</translation>
    </message>
    <message>
        <source>Zoom so the page fills the width</source>
        <translation>Zoomen tot de pagina de breedte vult</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Hele &amp;pagina</translation>
    </message>
    <message>
        <source>Zoom so the whole page is visible</source>
        <translation>Zoomen tot de hele pagina zichtbaar is</translation>
    </message>
    <message>
        <source>As e&amp;xported</source>
        <translation>Zoals &amp;geëxporteerd</translation>
    </message>
    <message>
        <source>Show the pages exactly as the export writes them</source>
        <translation>Toon de pagina’s precies zoals de export ze schrijft</translation>
    </message>
    <message>
        <source>&amp;High-contrast boxes</source>
        <translation>Vakken met &amp;hoog contrast</translation>
    </message>
    <message>
        <source>Saturated box colours with thick borders</source>
        <translation>Verzadigde vakkleuren met dikke randen</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Volgende pagina</translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation>Naar de volgende pagina</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>V&amp;orige pagina</translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation>Naar de vorige pagina</translation>
    </message>
    <message>
        <source>&amp;First page</source>
        <translation>&amp;Eerste pagina</translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation>Naar de eerste pagina</translation>
    </message>
    <message>
        <source>&amp;Last page</source>
        <translation>&amp;Laatste pagina</translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation>Naar de laatste pagina</translation>
    </message>
    <message>
        <source>&amp;Go to page…</source>
        <translation>&amp;Ga naar pagina…</translation>
    </message>
    <message>
        <source>Go to a page by number</source>
        <translation>Naar een pagina op nummer</translation>
    </message>
    <message>
        <source>Next &amp;document</source>
        <translation>Volgend &amp;document</translation>
    </message>
    <message>
        <source>Open the next document</source>
        <translation>Het volgende document openen</translation>
    </message>
    <message>
        <source>Previous d&amp;ocument</source>
        <translation>Vorig do&amp;cument</translation>
    </message>
    <message>
        <source>Open the previous document</source>
        <translation>Het vorige document openen</translation>
    </message>
    <message>
        <source>&amp;Withhold page…</source>
        <translation>Pagina &amp;weigeren…</translation>
    </message>
    <message>
        <source>Withhold the whole page on grounds</source>
        <translation>De hele pagina op gronden weigeren</translation>
    </message>
    <message>
        <source>Mark page &amp;out of scope</source>
        <translation>Pagina &amp;buiten reikwijdte</translation>
    </message>
    <message>
        <source>The page falls outside the request</source>
        <translation>De pagina valt buiten het verzoek</translation>
    </message>
    <message>
        <source>&amp;Clear page decision</source>
        <translation>Paginabesluit &amp;wissen</translation>
    </message>
    <message>
        <source>Remove the page&apos;s withhold or out-of-scope decision</source>
        <translation>Het weigerings- of reikwijdtebesluit van de pagina verwijderen</translation>
    </message>
    <message>
        <source>Page &amp;reviewed</source>
        <translation>Pagina &amp;beoordeeld</translation>
    </message>
    <message>
        <source>Mark or unmark this page as reviewed</source>
        <translation>Deze pagina als beoordeeld (de)markeren</translation>
    </message>
    <message>
        <source>Reviewed, &amp;next page</source>
        <translation>Beoordeeld, &amp;volgende pagina</translation>
    </message>
    <message>
        <source>Mark this page as reviewed and go to the next</source>
        <translation>Markeer deze pagina als beoordeeld en ga naar de volgende</translation>
    </message>
    <message>
        <source>&amp;Confirm page, next</source>
        <translation>Pagina &amp;bevestigen, volgende</translation>
    </message>
    <message>
        <source>As second reviewer, confirm this page as reviewed and go to the next</source>
        <translation>Bevestig als tweede beoordelaar deze pagina als beoordeeld en ga naar de volgende</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>Beoordelings&amp;lijst</translation>
    </message>
    <message>
        <source>What awaits your approval, and rejections</source>
        <translation>Wat op uw goedkeuring wacht, en afwijzingen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>Find text or a pattern and redact the matches</source>
        <translation>Tekst of een patroon zoeken en de vondsten lakken</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>&amp;Logboek</translation>
    </message>
    <message>
        <source>The case history, filterable</source>
        <translation>De geschiedenis van de zaak, te filteren</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Every shortcut at a glance</source>
        <translation>Alle sneltoetsen in één oogopslag</translation>
    </message>
    <message>
        <source>&amp;About Redactor</source>
        <translation>&amp;Over Redactor</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Versie en licentie</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Add PDFs</source>
        <translation>PDF&apos;s toevoegen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breedte</translation>
    </message>
    <message>
        <source>Snap to text</source>
        <translation>Op tekst</translation>
    </message>
    <message>
        <source>As exported</source>
        <translation>Zoals geëxporteerd</translation>
    </message>
    <message>
        <source>Withhold page</source>
        <translation>Pagina weigeren</translation>
    </message>
    <message>
        <source>Reviewed ▶</source>
        <translation>Beoordeeld ▶</translation>
    </message>
    <message>
        <source>Confirm ▶</source>
        <translation>Bevestigd ▶</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Redact &amp;everywhere</source>
        <translation>O&amp;veral lakken</translation>
    </message>
    <message>
        <source>Propose boxes over every other occurrence of the selected boxes&apos; words</source>
        <translation>Stel vakken voor over elke andere plek van de woorden onder de gekozen vakken</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>&amp;Suggesties</translation>
    </message>
    <message>
        <source>Personal data the detectors found, to accept or dismiss</source>
        <translation>Persoonsgegevens die de detectoren vonden, om over te nemen of te verwerpen</translation>
    </message>
    <message>
        <source>&amp;Consistency</source>
        <translation>&amp;Consistentie</translation>
    </message>
    <message>
        <source>Terms redacted in one place but visible or differently grounded in another</source>
        <translation>Termen die op de ene plek gelakt zijn en op een andere zichtbaar of op een andere grond gelakt</translation>
    </message>
    <message>
        <source>Read scanned pages (&amp;OCR): this document</source>
        <translation>Gescande pagina’s lezen (&amp;OCR): dit document</translation>
    </message>
    <message>
        <source>Recognise the text of this document&apos;s pages that have none</source>
        <translation>De tekst herkennen van de pagina’s van dit document die geen tekst hebben</translation>
    </message>
    <message>
        <source>Read scanned pages (OCR): the &amp;whole case</source>
        <translation>Gescande pagina’s lezen (OCR): de &amp;hele zaak</translation>
    </message>
    <message>
        <source>Recognise the text of every page in the case that has none</source>
        <translation>De tekst herkennen van elke pagina in de zaak die geen tekst heeft</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Programmalog</translation>
    </message>
    <message>
        <source>What the application recorded, e.g. for support</source>
        <translation>Wat het programma vastlegde, bijvoorbeeld voor een hulpvraag</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>Who are you?</source>
        <translation>Wie bent u?</translation>
    </message>
    <message>
        <source>Your name is recorded with every decision you make (you can change it later in the preferences):</source>
        <translation>Uw naam wordt bij elk besluit vastgelegd (u kunt hem later wijzigen in de voorkeuren):</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Door iemand anders gewijzigd</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Niet toegestaan</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Dat kan niet</translation>
    </message>
</context>
</TS>
