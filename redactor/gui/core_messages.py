"""The core's error sentences, for Qt's translation tools. GENERATED: do not edit.

Written by `python -m tests.tools.core_messages` from the RedactorError raise sites in
redactor/{core,store,pdf,export,detect,app}; pyside6-lupdate reads it into the context
"CoreMessages" of resources/translations/redactor_nl.ts. The GUI translates with
`redactor.gui.messages.error_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "CoreMessages"

TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreMessages", " (+{count} more)"),
    QT_TRANSLATE_NOOP("CoreMessages", " (and {count} more failed checks)."),
    QT_TRANSLATE_NOOP("CoreMessages", " and {count} more place(s)"),
    QT_TRANSLATE_NOOP("CoreMessages", " {failed} of {total} documents failed."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is neither a file path nor a database URL: {reason}."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "'{text}' is not an item id; boxes are R<number>, page decisions P<number>, optionally with @<version>.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "A SQLite case needs a file; in-memory databases cannot hold a case."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "A box is on page {page}, but the document has {count} pages."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "A box on page {page}"),
    QT_TRANSLATE_NOOP("CoreMessages", "A ground code is empty; catalog {catalog} needs a code."),
    QT_TRANSLATE_NOOP("CoreMessages", "A reviewer name can be at most {limit} characters."),
    QT_TRANSLATE_NOOP("CoreMessages", "A reviewer name cannot be empty."),
    QT_TRANSLATE_NOOP("CoreMessages", "Box {ref}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Box {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Box {ref} was changed by someone else; reload and try again."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Cannot export: the source of {name} no longer matches its stored SHA-256 (stored {stored}…, now {actual}…); it was changed or damaged after import. Nothing was exported.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Cannot tell who you are; give --as NAME or set {variable}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Catalog file {path} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Catalog file {path} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "Catalog file {path} is not UTF-8 text."),
    QT_TRANSLATE_NOOP("CoreMessages", "Catalog {source} is invalid: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Catalog {source} is not valid TOML: {reason}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Could not move the export into {folder}: {reason}; nothing was exported and the previous export was kept.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Could not move the export into {folder}: {reason}; nothing was exported."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Could not write {name} in {folder}: {reason}; nothing was exported."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Database type '{backend}' is not supported; use a file path (SQLite) or a postgresql+psycopg:// URL.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Document {name}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Four-eyes rule: export is blocked by {count} open item(s): {items} and {more} more.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Four-eyes rule: export is blocked by {count} open item(s): {items}."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Four-eyes rule: {reviewer} cannot approve {item} because they drew or changed it; another reviewer must review it.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Four-eyes rule: {reviewer} cannot confirm page {page} of document {document} because they redacted or reviewed it; another reviewer must confirm it.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Four-eyes rule: {reviewer} cannot reject {item} because they drew or changed it; another reviewer must review it.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Install Tesseract with its Dutch and English language data (Debian/Ubuntu: 'apt install tesseract-ocr tesseract-ocr-nld'; Windows: the Tesseract installer with Dutch selected), or set TESSDATA_PREFIX to the folder that holds the .traineddata files.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Internal error: {name} was not written before delivery."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Motivation rule: {item} cannot be approved without a written motivation, because ground {grounds} requires weighing of interests.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Out-of-scope page {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP("CoreMessages", "Page decision {ref}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Page {page} is marked withheld, but the document has {count} pages."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Page {page} is too large to OCR at {dpi} dpi."),
    QT_TRANSLATE_NOOP("CoreMessages", "Page {page} of {name}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Redactor's data folder is missing (looked in {installed} and {checkout}); the installation is incomplete, please reinstall.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Rejecting {item} needs a reason."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Scanned pages cannot be read: Tesseract's language data for {languages} was not found. {hint}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Several documents are named '{name}' (ids {ids}); give the id."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Tesseract could not read page {page}; its language data in {folder} may be damaged or of an incompatible version.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The OCR resolution must be between {low} and {high} dpi, not {dpi}."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The PDF could not be redacted safely (a temporary file failed)."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The PDF could not be redacted safely (internal error: {reason})."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The PDF engine stopped unexpectedly while exporting {names}; nothing was exported.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The PDF is damaged in a way that prevents a safe redaction ({reason})."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The PDF is too large or too complex to redact."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The case {where} cannot be opened; check that the folder exists and is accessible.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The case {where} could not be used: {reason}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The case {where} is locked by another program; try again in a moment."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The case {where} is read-only; copy it to a writable place or ask for write access.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The case {where} was being changed by someone else at the same moment; nothing was saved, try again.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The case {where} was written by a newer version of Redactor (schema {schema}); install that version or newer to open it.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The database {where} cannot be reached: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The database {where} is not empty; use a new database."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The disk holding the case {where} is full; nothing was changed."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The disk holding {folder} is full; nothing was exported."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The disk is full while writing {name}; nothing was exported."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The export was cancelled; nothing was exported."),
    QT_TRANSLATE_NOOP("CoreMessages", "The folder {folder} does not exist; create it first."),
    QT_TRANSLATE_NOOP("CoreMessages", "The folder {path} holds no PDF files."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The image resolution must be between {low} and {high} dpi, not {dpi}."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The language of the notices must be 'nl' or 'en', not '{language}'."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The output folder {folder} already holds an export ({listed}); choose an empty folder or allow overwriting.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The output folder {folder} cannot be created: {reason}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The output folder {folder} cannot be written to ({reason}); choose a folder you can write to.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The output folder {folder} holds a folder named {name}, which the export needs as a file name; move it away first.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The output folder {folder} is a file, not a folder."),
    QT_TRANSLATE_NOOP("CoreMessages", "The password given for {name} is not correct."),
    QT_TRANSLATE_NOOP("CoreMessages", "The plan {path} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The plan {path} is not UTF-8 text."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "The plan {path} is not valid JSON: {reason} at line {line}."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", 'The plan {path} must be an object with a "documents" list.'),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The regular expression {pattern!r} also matches empty text; it would mark every position on every page.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "The regular expression {pattern!r} is not valid: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The renderer has been shut down."),
    QT_TRANSLATE_NOOP("CoreMessages", "The search text is empty; type what to find."),
    QT_TRANSLATE_NOOP("CoreMessages", "The search text is longer than {limit} characters."),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no box R{id} in this case."),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no case at {path}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "There is no document '{name}' in this case (give its id or file name)."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no document {id} in this case."),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no page decision P{id} in this case."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "This page could not be rendered: the PDF renderer stopped on it."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Unknown catalog {name!r}; the built-in catalogs are {builtin}, or give the path of a .toml catalog file.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown detector {unknown}; choose from {known}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown ground {code!r} in catalog {catalog}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Unknown ground {code!r} in catalog {catalog}; did you mean {near}?"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown judgement '{judgement}'; choose one of: {choices}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Withheld page {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP("CoreMessages", "a form or pattern (pdfminer)"),
    QT_TRANSLATE_NOOP("CoreMessages", "box {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP("CoreMessages", "box(es) {boxes} show other colours"),
    QT_TRANSLATE_NOOP("CoreMessages", "document {id}"),
    QT_TRANSLATE_NOOP("CoreMessages", "every box renders as its fill colour"),
    QT_TRANSLATE_NOOP("CoreMessages", "no"),
    QT_TRANSLATE_NOOP("CoreMessages", "no /PieceInfo or thumbnails"),
    QT_TRANSLATE_NOOP("CoreMessages", "no JavaScript or actions"),
    QT_TRANSLATE_NOOP("CoreMessages", "no annotations"),
    QT_TRANSLATE_NOOP("CoreMessages", "no embedded or associated files"),
    QT_TRANSLATE_NOOP("CoreMessages", "no extractable character inside a box"),
    QT_TRANSLATE_NOOP("CoreMessages", "no font keeps data for characters that no text shows"),
    QT_TRANSLATE_NOOP("CoreMessages", "no form fields or XFA"),
    QT_TRANSLATE_NOOP("CoreMessages", "no metadata"),
    QT_TRANSLATE_NOOP("CoreMessages", "no optional content"),
    QT_TRANSLATE_NOOP("CoreMessages", "no outline, destinations, page labels or structure tree"),
    QT_TRANSLATE_NOOP("CoreMessages", "no removed terms to look for"),
    QT_TRANSLATE_NOOP("CoreMessages", "no word inside a box (poppler)"),
    QT_TRANSLATE_NOOP("CoreMessages", "none of {count} removed term(s) found"),
    QT_TRANSLATE_NOOP("CoreMessages", "only the withheld notice is drawn"),
    QT_TRANSLATE_NOOP("CoreMessages", "opened with pikepdf"),
    QT_TRANSLATE_NOOP("CoreMessages", "out-of-scope page {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP("CoreMessages", "page {page} of {count}"),
    QT_TRANSLATE_NOOP("CoreMessages", "page {page} of {document} is not confirmed"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "page {page} of {document} was confirmed by {reviewer}, who worked on it"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "page {page} text"),
    QT_TRANSLATE_NOOP("CoreMessages", "pdftotext output"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "removed term #{number} ({length} characters) in {where}{more}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "skipped: pdftoppm is not installed"),
    QT_TRANSLATE_NOOP("CoreMessages", "strings and names"),
    QT_TRANSLATE_NOOP("CoreMessages", "the check could not be completed: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file cannot be opened with pikepdf: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is encrypted"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is not encrypted"),
    QT_TRANSLATE_NOOP("CoreMessages", "the pages could not be rendered: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the plan"),
    QT_TRANSLATE_NOOP("CoreMessages", "the withheld page does not exist"),
    QT_TRANSLATE_NOOP("CoreMessages", "with the boxes removed, box(es) {boxes} show content"),
    QT_TRANSLATE_NOOP("CoreMessages", "with the boxes removed, every box area is one colour"),
    QT_TRANSLATE_NOOP("CoreMessages", "withheld page {ref} ({document}, page {page})"),
    QT_TRANSLATE_NOOP("CoreMessages", "yes"),
    QT_TRANSLATE_NOOP("CoreMessages", "{actual} pages, expected {expected}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{count} %%EOF marker(s); one at the end: {tail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{count} drawing operation(s) besides the notice"),
    QT_TRANSLATE_NOOP("CoreMessages", "{count} extractable character(s) inside boxes"),
    QT_TRANSLATE_NOOP("CoreMessages", "{failure} Nothing was exported."),
    QT_TRANSLATE_NOOP("CoreMessages", "{found}{more}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{head}{more}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{item} is already approved."),
    QT_TRANSLATE_NOOP("CoreMessages", "{item} is proposed"),
    QT_TRANSLATE_NOOP("CoreMessages", "{item} is rejected"),
    QT_TRANSLATE_NOOP("CoreMessages", "{item} was approved by its own author {reviewer}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{languages!r} is not a list of OCR languages; write them like 'nld+eng'."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{names} and {more} more"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} changed while it was being added; add it again."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} could not be exported: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} has {count} page(s); there is no page {page}."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} has {count} pages, more than the {limit} Redactor accepts in one document; split it first.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is already in the case as document {id} ({existing}, same SHA-256)."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is an empty file (0 bytes), not a PDF."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is damaged or truncated and cannot be opened as a PDF."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is damaged or truncated: no pages could be found in it."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is damaged or truncated: {where} is missing from the file."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is damaged: {where} cannot be read."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is damaged: {where} has no visible area."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is larger than 1 GiB; split it before adding it."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a PDF file: it has no %PDF header."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is protected with a password; give it to open the file."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is the same file as {other} (same SHA-256); add it once."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is too large or too complex to open ({where})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is too large or too complex to open."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: '{text}' is not a date; write it as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: check '{check}' failed: {detail}{others}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: page {page}, check '{check}' failed: {detail}{others}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: verification failed."),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {reason}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{path} already exists; choose another name for the new case."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} cannot be read: permission denied."),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} is a folder, not a PDF file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} is a folder, not a Redactor case."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{path} is not a Redactor case (the file is not a case database)."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{ref} was changed by someone else; reload and try again."),
    QT_TRANSLATE_NOOP("CoreMessages", "{source}, '{name}'"),
    QT_TRANSLATE_NOOP("CoreMessages", "{source}, document entry {index}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{what} was changed by someone else since you loaded it; your change was not saved. Reload and try again.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} already holds a Redactor case."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{where} is not a Redactor case (the file is not a database)."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} is not a Redactor case."),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}, redaction {index}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}, withheld page {index}"),
    QT_TRANSLATE_NOOP("CoreMessages", '{where}: "file" must be a document\'s file name.'),
    QT_TRANSLATE_NOOP(
        "CoreMessages", '{where}: "grounds" must be a non-empty list of ground codes.'
    ),
    QT_TRANSLATE_NOOP("CoreMessages", '{where}: "note" must be text.'),
    QT_TRANSLATE_NOOP("CoreMessages", '{where}: "page" must be a page number starting at 1.'),
    QT_TRANSLATE_NOOP("CoreMessages", '{where}: "rect" must be four numbers [x0, y0, x1, y1].'),
    QT_TRANSLATE_NOOP("CoreMessages", '{where}: "{key}" must be a list.'),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: give at least one ground."),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: must be a JSON object."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{where}: several documents are named '{name}'; rename one first."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{where}: the rectangle has a coordinate that is not a number."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: the rectangle {rect} has zero size; draw a box of at least {minimum} pt.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: the rectangle {rect} lies outside the page, which is {width:g} x {height:g} pt.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: there is no document named '{name}' in the case."),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: {reason:lower}"),
)
