"""The core's error sentences, found in the source and listed for Qt's translation tools.

The core raises `RedactorError("The search text is longer than {limit} characters.", limit=...)`
without Qt; the GUI translates the template in the Qt context "CoreMessages". `pyside6-lupdate`
only reads the GUI, so this script scans every non-GUI module (AST: each call of a RedactorError
class) and writes `redactor/gui/core_messages.py`, one `QT_TRANSLATE_NOOP` per template, which
lupdate then picks up. Run it after changing an error sentence, then lupdate (see
resources/translations/README.md):

    /work/venv/bin/python -m tests.tools.core_messages          # rewrite the module
    /work/venv/bin/python -m tests.tools.core_messages --check  # exit 1 if it is stale

`tests/test_core_messages.py` fails while the module, the Dutch translations or a raise site
are not in order.
"""

from __future__ import annotations

import ast
import json
import string
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "redactor"
# The CLI and the GUI are left out: the CLI shows English only, the GUI translates with tr().
SCANNED = ("core", "store", "pdf", "export", "detect", "app")
ERRORS_MODULE = PACKAGE / "core" / "errors.py"
OUTPUT = PACKAGE / "gui" / "core_messages.py"
CONTEXT = "CoreMessages"
# Constructor arguments of error classes that are not template fields.
NOT_FIELDS = frozenset({"result"})


@dataclass
class Site:
    """One construction of a RedactorError class in the source."""

    path: Path
    line: int
    error: str
    templates: list[str] = field(default_factory=list)  # the literal template(s)
    problem: str = ""  # why the site cannot be translated, "" when it can

    @property
    def where(self) -> str:
        path = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{path}:{self.line}"


def source_files() -> list[Path]:
    files = []
    for package in SCANNED:
        files += [
            p for p in sorted((PACKAGE / package).rglob("*.py")) if "migrations" not in p.parts
        ]
    return files


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """RedactorError and every class that derives from it (by name) in the scanned modules."""
    known = {"RedactorError", "Message"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in known
                    and any(_name(b) in known for b in node.bases)
                ):
                    known.add(node.name)
                    grew = True
    return known


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" assignments, for templates kept in a constant."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name):
            text = _literal(value, {})
            if text is not None:
                found[target.id] = text
    return found


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, constants), _literal(node.right, constants)
        if left is not None and right is not None:
            return left + right
    return None


def _templates(node: ast.expr, constants: dict[str, str]) -> tuple[list[str], str]:
    """The literal templates an argument can be, or a problem."""
    if isinstance(node, ast.IfExp):
        a, problem_a = _templates(node.body, constants)
        b, problem_b = _templates(node.orelse, constants)
        return a + b, problem_a or problem_b
    text = _literal(node, constants)
    if text is not None:
        return [text], ""
    if isinstance(node, ast.JoinedStr):
        return [], "an f-string: write a template with named fields"
    return [], f"not a literal template ({ast.unparse(node)[:60]})"


def fields(template: str) -> set[str]:
    """The named fields of a format template ("{limit}", "{name!r}", "{n:,}" -> limit, name, n)."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def _check_fields(call: ast.Call, templates: list[str]) -> str:
    if any(k.arg is None for k in call.keywords):  # **params: cannot be checked here
        return ""
    given = {k.arg for k in call.keywords if k.arg is not None} - NOT_FIELDS - {"message"}
    if not given:
        return ""  # a plain sentence: used as written, braces and all
    used: set[str] = set()
    for template in templates:
        wanted = fields(template)
        if "" in wanted or any(n.isdigit() for n in wanted):
            return "positional fields ({} or {0}): name them"
        if not wanted <= given:
            return f"fields {sorted(wanted - given)} have no argument"
        used |= wanted
    if used != given:  # each argument is used by at least one of the templates
        return f"arguments {sorted(given - used)} are not in the template"
    return ""


def scan(files: list[Path] | None = None) -> list[Site]:
    """Every construction of a RedactorError class in the non-GUI modules."""
    paths = source_files() if files is None else files
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in paths}
    if ERRORS_MODULE not in trees:
        trees[ERRORS_MODULE] = ast.parse(ERRORS_MODULE.read_text(encoding="utf-8"))
    classes = error_classes(trees)
    sites = []
    for path in paths:
        tree = trees[path]
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in classes:
                continue
            if path == ERRORS_MODULE:
                continue  # the class machinery itself
            error = _name(node.func) or ""
            message = node.args[0] if node.args else None
            for keyword in node.keywords:
                if keyword.arg == "message":
                    message = keyword.value
            site = Site(path, node.lineno, error)
            if message is None:
                site.problem = "no message"
            else:
                site.templates, site.problem = _templates(message, constants)
                if not site.problem:
                    site.problem = _check_fields(node, site.templates)
            sites.append(site)
    return sites


def error_module_templates() -> list[str]:
    """Templates that redactor/core/errors.py itself uses (constants named *_TEMPLATE)."""
    constants = _constants(ast.parse(ERRORS_MODULE.read_text(encoding="utf-8")))
    return [text for name, text in constants.items() if name.endswith("_TEMPLATE")]


def templates(sites: list[Site]) -> list[str]:
    """The distinct templates, in a stable order (by text)."""
    return sorted({t for s in sites for t in s.templates} | set(error_module_templates()))


def module_templates(path: Path = OUTPUT) -> list[str]:
    """The templates listed in the generated module (however it was formatted since)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP":
            context, text = (_literal(a, {}) for a in node.args[:2])
            if context == CONTEXT and text is not None:
                found.append(text)
    return sorted(found)


def _python_literal(text: str) -> str:
    # JSON string syntax is valid Python and keeps non-ASCII text readable for lupdate.
    return json.dumps(text, ensure_ascii=False)


def render(texts: list[str]) -> str:
    lines = [
        '"""The core\'s error sentences, for Qt\'s translation tools. GENERATED: do not edit.',
        "",
        "Written by `python -m tests.tools.core_messages` from the RedactorError raise sites in",
        "redactor/{" + ",".join(SCANNED) + "}; pyside6-lupdate reads it into the context",
        f'"{CONTEXT}" of resources/translations/redactor_nl.ts. The GUI translates with',
        "`redactor.gui.messages.error_text`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        f'CONTEXT = "{CONTEXT}"',
        "",
        "TEMPLATES = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("{CONTEXT}", {_python_literal(t)}),' for t in texts]
    lines += [")", ""]
    return "\n".join(lines)


def problems(sites: list[Site]) -> Iterator[str]:
    for site in sites:
        if site.problem:
            yield f"{site.where}: {site.error}: {site.problem}"


def write(texts: list[str]) -> None:
    OUTPUT.write_text(render(texts), encoding="utf-8")
    ruff = Path(sys.executable).with_name("ruff")
    if ruff.exists():  # the form `ruff format` would give it, so formatting changes nothing
        subprocess.run([str(ruff), "format", "--quiet", str(OUTPUT)], check=False)


def main(argv: list[str]) -> int:
    sites = scan()
    texts = templates(sites)
    for line in problems(sites):
        print(line, file=sys.stderr)
    if "--check" in argv:
        if not OUTPUT.exists() or module_templates() != texts:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run python -m tests.tools.core_messages")
            return 1
        return 0
    write(texts)
    print(f"{OUTPUT.relative_to(ROOT)}: {len(texts)} templates from {len(sites)} sites")
    print("Now run pyside6-lupdate and translate (resources/translations/README.md).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
