<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ConsistencyModel</name>
    <message numerus="yes">
        <source>visible in %n place(s)</source>
        <translation>
            <numerusform>visible in %n place</numerusform>
            <numerusform>visible in %n places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsistencyPanel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message numerus="yes">
        <source>Draw %n box(es)</source>
        <translation>
            <numerusform>Draw %n box</numerusform>
            <numerusform>Draw %n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n box(es)</source>
        <translation>
            <numerusform>Move %n box</numerusform>
            <numerusform>Move %n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n box(es)</source>
        <translation>
            <numerusform>Delete %n box</numerusform>
            <numerusform>Delete %n boxes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported and verified: %n document(s) in {0}.</source>
        <translation>
            <numerusform>Exported and verified: %n document in {0}.</numerusform>
            <numerusform>Exported and verified: %n documents in {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not yet redacted</source>
        <translation>
            <numerusform>%n not yet redacted</numerusform>
            <numerusform>%n not yet redacted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsController</name>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ground and motivation for %n suggestion(s)</source>
        <translation>
            <numerusform>Ground and motivation for %n suggestion</numerusform>
            <numerusform>Ground and motivation for %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redact the visible occurrences of %n term(s)</source>
        <translation>
            <numerusform>Redact the visible occurrences of %n term</numerusform>
            <numerusform>Redact the visible occurrences of %n terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) proposed.</source>
        <translation>
            <numerusform>%n box proposed.</numerusform>
            <numerusform>%n boxes proposed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redact everywhere: %n box(es) proposed</source>
        <translation>
            <numerusform>Redact everywhere: %n box proposed</numerusform>
            <numerusform>Redact everywhere: %n boxes proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation>
            <numerusform>in %n document.</numerusform>
            <numerusform>in %n documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OCR stopped: %n scanned page(s) read and kept.</source>
        <translation>
            <numerusform>OCR stopped: %n scanned page read and kept.</numerusform>
            <numerusform>OCR stopped: %n scanned pages read and kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scanned page(s) read. Find, suggestions and snapping to text now use the recognised words.</source>
        <translation>
            <numerusform>%n scanned page read. Find, suggestions and snapping to text now use the recognised words.</numerusform>
            <numerusform>%n scanned pages read. Find, suggestions and snapping to text now use the recognised words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redact %n match(es)</source>
        <translation>
            <numerusform>Redact %n match</numerusform>
            <numerusform>Redact %n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n item(s) await your approval.</source>
        <translation>
            <numerusform>%n item awaits your approval.</numerusform>
            <numerusform>%n items await your approval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) still to confirm (Ctrl+Shift+Enter).</source>
        <translation>
            <numerusform>%n page still to confirm (Ctrl+Shift+Enter).</numerusform>
            <numerusform>%n pages still to confirm (Ctrl+Shift+Enter).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter accepts all %n suggestion(s) of this kind</source>
        <translation>
            <numerusform>Enter accepts the %n suggestion of this kind</numerusform>
            <numerusform>Enter accepts all %n suggestions of this kind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter accepts all %n occurrence(s) of this term</source>
        <translation>
            <numerusform>Enter accepts the %n occurrence of this term</numerusform>
            <numerusform>Enter accepts all %n occurrences of this term</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismiss %n suggestion(s)? They will not be suggested again; this is recorded in the audit trail and cannot be undone.</source>
        <translation>
            <numerusform>Dismiss %n suggestion? It will not be suggested again; this is recorded in the audit trail and cannot be undone.</numerusform>
            <numerusform>Dismiss %n suggestions? They will not be suggested again; this is recorded in the audit trail and cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThumbnailsModel</name>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
</context>
</TS>
