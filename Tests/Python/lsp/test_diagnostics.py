"""Diagnostics pushed as the document is opened and edited."""

from __future__ import annotations

import pathlib
import urllib.parse
import urllib.request

import pytest
from conftest import SEVERITIES, Editor, check_json, index_of, position_of, text_at
from lsprotocol import types

LEAFLET = """# Your appointment

You may notice oedema after the procedure. Contact PALS if you are worried.

```text
oedema PALS utilise
```

Read more at <https://example.org/oedema-utilise-PALS> and in `oedema PALS`.
"""


def outside_prose(text: str) -> list[tuple[int, int]]:
    """The spans of LEAFLET that are code or a web address: nothing there may be flagged."""
    spans = []
    for start_marker, end_marker in [("```text", "```\n\nRead"), ("<https", ">"), ("`oedema", "PALS`")]:
        start = text.index(start_marker)
        end = text.index(end_marker, start + 1) + len(end_marker)
        spans.append((start, end))
    return spans


def scalar_column(text: str, position: types.Position, encoding: str) -> int:
    """A position's column in Unicode scalars, as the command line counts them (0-based here)."""
    index = index_of(text, position, encoding)
    return index - (text.rfind("\n", 0, index) + 1)


def assert_documentation(href: str, rule: str) -> None:
    """A rule's documentation link: a web page, or a file the server wrote that describes the rule."""
    parsed = urllib.parse.urlparse(href)
    assert parsed.scheme in ("https", "http", "file"), f"{rule}: codeDescription.href is {href!r}"
    if parsed.scheme == "file":
        page = pathlib.Path(urllib.request.url2pathname(parsed.path))
        assert page.is_file(), f"{rule}: {href} does not exist"
        assert rule in page.read_text(encoding="utf-8"), f"{rule}: {href} does not describe the rule"


async def test_markdown_findings_pushed_as_the_command_line_gives_them(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET, write=True)
    diagnostics = await editor.diagnostics(document)

    found = editor.found(document, diagnostics)
    assert ("jargon", "oedema") in found
    assert ("acronym-undefined", "PALS") in found
    for diagnostic in diagnostics:
        assert diagnostic.source == "plainlint"
        assert diagnostic.severity in (1, 2, 3)
        assert diagnostic.code_description is not None, f"{diagnostic.code}: no codeDescription"
        assert_documentation(diagnostic.code_description.href, str(diagnostic.code))
        start = index_of(document.text, diagnostic.range.start, editor.encoding)
        for span_start, span_end in outside_prose(LEAFLET):
            assert not span_start <= start < span_end, f"{diagnostic.code} flagged inside code or a web address"

    jargon = next(d for d in diagnostics if d.code == "jargon")
    assert jargon.severity == types.DiagnosticSeverity.Warning
    line = LEAFLET.split("\n").index("You may notice oedema after the procedure. Contact PALS if you are worried.")
    assert jargon.range == types.Range(
        start=types.Position(line=line, character=15), end=types.Position(line=line, character=21)
    )

    # The same findings, messages and places as `plainlint check` gives for the same text on disk.
    expected = sorted(
        (
            f["rule"],
            SEVERITIES[f["severity"]],
            f["message"],
            (f["range"]["start"]["line"] - 1, f["range"]["start"]["column"] - 1),
            (f["range"]["end"]["line"] - 1, f["range"]["end"]["column"] - 1),
        )
        for f in check_json(document.path)
    )
    actual = sorted(
        (
            str(d.code),
            int(d.severity or 0),
            d.message,
            # The command line counts columns in Unicode scalars: convert through the text, not the numbers.
            (d.range.start.line, scalar_column(document.text, d.range.start, editor.encoding)),
            (d.range.end.line, scalar_column(document.text, d.range.end, editor.encoding)),
        )
        for d in diagnostics
    )
    assert actual == expected


async def test_incremental_and_full_changes_relint(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET)
    before = editor.found(document, await editor.diagnostics(document))
    assert ("jargon", "oedema") in before

    # Fix the word in place: its finding goes, and the acronym after it is still found at its new place.
    editor.replace(document, "oedema", "swelling")
    after = await editor.diagnostics(document)
    found = editor.found(document, after)
    assert ("jargon", "oedema") not in found
    assert ("acronym-undefined", "PALS") in found
    assert found == [f for f in before if f != ("jargon", "oedema")]

    # A burst of edits: the server may lint them together, but what it publishes last is the last version.
    editor.replace(document, "worried", "worried or unsure")
    editor.replace(document, "procedure", "test")
    editor.replace(document, "swelling", "haemorrhage")
    diagnostics = await editor.diagnostics(document)
    assert ("jargon", "haemorrhage") in editor.found(document, diagnostics)
    versions = [p.version for p in editor.client.published if p.uri == document.uri]
    assert versions == sorted(versions), f"versions published out of order: {versions}"

    # A full-text change replaces everything.
    editor.replace_all(document, "Call us if you see signs of haemorrhage.\n")
    diagnostics = await editor.diagnostics(document)
    assert editor.found(document, diagnostics) == [("jargon", "haemorrhage")]
    assert diagnostics[0].range == types.Range(
        start=types.Position(line=0, character=28), end=types.Position(line=0, character=39)
    )

    editor.replace_all(document, "Call us if you are worried.\n")
    assert await editor.diagnostics(document) == []


async def test_close_clears_diagnostics(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET)
    assert await editor.diagnostics(document)
    mark = editor.mark()
    editor.close(document)
    assert await editor.republished(document, mark) == []


@pytest.mark.parametrize(
    ("name", "language_id", "text", "expected"),
    [
        (
            "page.html",
            "html",
            "<p>You may notice oedema.</p>\n<pre>oedema</pre>\n<script>var oedema = 1;</script>\n",
            [("jargon", "oedema")],
        ),
        (
            "notes.txt",
            "plaintext",
            "You may notice oedema.\n\n    `oedema` is not code in plain text\n",
            [("jargon", "oedema"), ("jargon", "oedema")],
        ),
        # An unknown language id: the file extension decides.
        ("page.htm", "x-unknown", "<p>You may notice oedema.</p>\n<code>oedema</code>\n", [("jargon", "oedema")]),
    ],
)
async def test_languages(editor: Editor, name: str, language_id: str, text: str, expected: list[tuple[str, str]]):
    await editor.start()
    document = editor.open(name, text, language_id)
    diagnostics = await editor.diagnostics(document)
    assert [f for f in editor.found(document, diagnostics) if f[0] == "jargon"] == expected
    first = diagnostics[0] if diagnostics else None
    assert first is not None and first.range.start == position_of(text, text.index("oedema"), editor.encoding)
    assert text_at(text, first.range, editor.encoding) == "oedema"
