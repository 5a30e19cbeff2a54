"""Hover: what a flagged word's finding says, and a paragraph's reading age."""

from __future__ import annotations

import json
import os
import subprocess

from conftest import BINARY, WAIT, Editor
from lsprotocol import types

LEAFLET = """# Your operation

The anaesthetist will explain the anaesthetic and the medication you will need before and after your operation. \
You will be able to ask any questions you have about the procedure and recovery.

Bring your glasses.
"""


def markdown(hover: types.Hover | None) -> str:
    """The hover's text, which must be Markdown."""
    assert hover is not None, "no hover"
    assert isinstance(hover.contents, types.MarkupContent), f"hover contents are {hover.contents!r}"
    assert hover.contents.kind == types.MarkupKind.Markdown
    return hover.contents.value


async def test_hover_on_a_flagged_word(editor: Editor):
    await editor.start()
    document = editor.open("operation.md", LEAFLET)
    diagnostics = await editor.diagnostics(document)
    jargon = [d for d in diagnostics if editor.found(document, [d]) == [("jargon", "medication")]]
    assert len(jargon) == 1, editor.found(document, diagnostics)
    # In the middle of the word, not only at its start.
    hover = await editor.hover(document, LEAFLET.index("medication") + 4)
    text = markdown(hover)
    assert "`jargon`" in text and "(warning)" in text, text
    assert jargon[0].message in text, text
    assert "medicine" in text, f"the plain alternative is not shown: {text}"
    if hover.range is not None:
        assert hover.range == jargon[0].range


PLAIN = """# Your test

You can ask us any questions you have about the test. We will tell you what we find and what happens next.

Bring your glasses.
"""


async def test_hover_in_a_paragraph_shows_its_reading_age(editor: Editor):
    await editor.start()
    document = editor.open("test.md", PLAIN, write=True)
    # Nothing is flagged, so the hover is about the paragraph.
    assert await editor.diagnostics(document) == []
    index = PLAIN.index("questions") + 2
    stats = subprocess.run(
        [BINARY, "stats", "--paragraphs", "--format", "json", str(document.path)],
        capture_output=True, text=True, timeout=WAIT, env={**os.environ, "NO_COLOR": "1"}, check=True,
    )
    paragraph = json.loads(stats.stdout)["files"][0]["metrics"]["paragraphs"][0]
    age = paragraph["readingAge"]
    text = markdown(await editor.hover(document, index))
    assert "reading age" in text.lower(), text
    assert str(round(age)) in text or f"{age:.1f}" in text, f"reading age {age} not in {text!r}"


async def test_no_hover_where_there_is_nothing_to_say(editor: Editor):
    await editor.start()
    document = editor.open("test.md", PLAIN)
    assert await editor.diagnostics(document) == []
    assert await editor.hover(document, PLAIN.index("\n\n") + 1) is None  # a blank line
    assert await editor.hover(document, len(PLAIN)) is None  # the end of the document
