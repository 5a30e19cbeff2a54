"""Quick fixes: replace the word, switch the rule off on the line, accept the word for the project."""

from __future__ import annotations

import pathlib

import pytest
from conftest import Document, Editor, apply_edits, check_json
from lsprotocol import types

LEAFLET = "# After your test\n\nYou may notice oedema after the procedure. Contact PALS if you are worried.\n"


def finding(editor: Editor, document: Document, diagnostics: list[types.Diagnostic], rule: str, word: str):
    """The one diagnostic of `rule` on `word`."""
    matches = [d for d in diagnostics if editor.found(document, [d]) == [(rule, word)]]
    assert len(matches) == 1, f"{rule} on {word!r}: {editor.found(document, diagnostics)}"
    return matches[0]


def apply(editor: Editor, document: Document, action: types.CodeAction) -> None:
    """Applies a code action's edit to the document and sends it to the server as an editor does."""
    assert action.edit is not None and action.edit.changes is not None, f"{action.title}: no edit.changes"
    assert list(action.edit.changes) == [document.uri]
    edits = list(action.edit.changes[document.uri])
    expected = apply_edits(document.text, edits, editor.encoding)
    editor.edit(document, edits)
    assert document.text == expected


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
async def test_replace_with_a_suggestion(editor: Editor, encoding: str):
    await editor.start(encodings=[encoding])
    text = "Après l’opération 👩‍⚕️ " + LEAFLET  # so a wrong encoding would put the edit in the wrong place
    document = editor.open("leaflet.md", text, write=True)
    diagnostics = await editor.diagnostics(document)
    jargon = finding(editor, document, diagnostics, "jargon", "oedema")

    actions = await editor.code_actions(document, jargon)
    suggestions = next(f for f in check_json(document.path) if f["rule"] == "jargon")["suggestions"]
    expected_titles = [
        f"Replace with “{s['replacement']}”" if s["replacement"] else "Leave out “oedema”" for s in suggestions
    ]
    replacements = [a for a in actions if a.title in expected_titles]
    assert [a.title for a in replacements] == expected_titles, [a.title for a in actions]
    assert expected_titles[0] == "Replace with “swelling”"
    for index, action in enumerate(replacements):
        assert action.kind == types.CodeActionKind.QuickFix
        assert list(action.diagnostics or []) == [jargon]
        assert bool(action.is_preferred) == (index == 0), f"{action.title}: isPreferred {action.is_preferred}"

    apply(editor, document, replacements[0])
    assert "You may notice swelling after the procedure." in document.text
    after = editor.found(document, await editor.diagnostics(document))
    assert ("jargon", "oedema") not in after and ("jargon", "swelling") not in after
    assert ("acronym-undefined", "PALS") in after


async def test_write_the_acronym_out(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET, write=True)
    acronym = finding(editor, document, await editor.diagnostics(document), "acronym-undefined", "PALS")
    suggestion = next(f for f in check_json(document.path) if f["rule"] == "acronym-undefined")["suggestions"][0]
    title = f"Write “{suggestion['replacement']}”"
    actions = await editor.code_actions(document, acronym)
    chosen = [a for a in actions if a.title == title]
    assert len(chosen) == 1, f"no action {title!r} in {[a.title for a in actions]}"
    assert chosen[0].is_preferred is True
    apply(editor, document, chosen[0])
    assert f"Contact {suggestion['replacement']} if" in document.text
    after = editor.found(document, await editor.diagnostics(document))
    assert not [f for f in after if f[0] == "acronym-undefined"], after


@pytest.mark.parametrize(
    ("name", "language_id", "directive"),
    [
        ("leaflet.md", "markdown", "You may notice oedema after the procedure. Contact PALS if you are worried."
         " <!-- plainlint-disable-line jargon -->\n"),
        ("page.html", "html", None),
        ("leaflet.txt", "plaintext", "plainlint-disable-next-line jargon\nYou may notice oedema"),
    ],
)
async def test_switch_off_on_this_line(editor: Editor, name: str, language_id: str, directive: str | None):
    await editor.start()
    text = LEAFLET if language_id != "html" else (
        "<h1>After your test</h1>\n<p>You may notice oedema after the procedure.</p>\n<p>Contact PALS.</p>\n"
    )
    document = editor.open(name, text, language_id)
    jargon = finding(editor, document, await editor.diagnostics(document), "jargon", "oedema")
    actions = await editor.code_actions(document, jargon)
    chosen = [a for a in actions if a.title == "Switch off jargon on this line"]
    assert len(chosen) == 1, [a.title for a in actions]
    assert chosen[0].kind == types.CodeActionKind.QuickFix and list(chosen[0].diagnostics or []) == [jargon]
    apply(editor, document, chosen[0])
    if directive is not None:
        assert directive in document.text, document.text
    else:
        assert (
            "<p>You may notice oedema after the procedure.</p> <!-- plainlint-disable-line jargon -->\n"
            in document.text
        ), document.text
    after = await editor.diagnostics(document)
    found = editor.found(document, after)
    assert ("jargon", "oedema") not in found, found
    assert not [f for f in found if f[0] == "directive"], f"the inserted directive is not understood: {after}"
    assert ("acronym-undefined", "PALS") in found


async def accept(editor: Editor, document: Document, rule: str = "jargon", word: str = "oedema") -> pathlib.Path:
    """Runs the “Accept “word” for this project” action's command; the word's finding goes, the others stay."""
    diagnostics = await editor.diagnostics(document)
    before = editor.found(document, diagnostics)
    flagged = finding(editor, document, diagnostics, rule, word)
    actions = await editor.code_actions(document, flagged)
    # The title may go on to name the file it changes: “… for this project (.plainlint.yml)”.
    chosen = [a for a in actions if a.title.startswith(f"Accept “{word}” for this project")]
    assert len(chosen) == 1, [a.title for a in actions]
    assert chosen[0].kind == types.CodeActionKind.QuickFix and list(chosen[0].diagnostics or []) == [flagged]
    command = chosen[0].command
    assert command is not None and command.command == "plainlint.accept"
    assert list(command.arguments or []) == [{"uri": document.uri, "term": word}]
    mark = editor.mark()
    await editor.request(
        editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
        )
    )
    after = editor.found(document, await editor.republished(document, mark))
    assert after == [f for f in before if f != (rule, word)], after
    return editor.folder / ".plainlint.yml"


async def test_accept_for_the_project_makes_a_configuration(editor: Editor):
    await editor.start()
    document = editor.open("docs/leaflet.md", LEAFLET, write=True)
    assert not (editor.folder / ".plainlint.yml").exists()
    config = await accept(editor, document)
    assert config.exists(), "no .plainlint.yml in the workspace folder"
    assert "oedema" in config.read_text(encoding="utf-8")
    # The command line reads the new file and agrees.
    assert "oedema" not in [f["text"] for f in check_json(document.path)]
    # A second word goes into the same list, and the file stays valid.
    await accept(editor, document, "acronym-undefined", "PALS")
    written = config.read_text(encoding="utf-8")
    assert "oedema" in written and "PALS" in written, written
    assert not {"oedema", "PALS"} & {f["text"] for f in check_json(document.path)}, written
    assert sorted(p.name for p in config.parent.iterdir()) == [".plainlint.yml", "docs"], "a temporary file was left"


async def test_accept_keeps_an_existing_configuration(editor: Editor):
    original = (
        "# Our project's settings: keep this comment.\n"
        "audience: public\n"
        "rules:\n"
        "  long-sentence:\n"
        "    max-words: 30   # agreed with the reading group\n"
        "accept:\n"
        "  - PPIE\n"
        "  - term: CRN\n"
        "    expansion: Clinical Research Network\n"
    )
    (editor.folder / ".plainlint.yml").write_text(original, encoding="utf-8")
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET, write=True)
    config = await accept(editor, document)
    written = config.read_text(encoding="utf-8")
    for line in original.splitlines():
        assert line in written, f"lost {line!r} from .plainlint.yml:\n{written}"
    assert "oedema" in written
    findings = check_json(document.path)
    assert "oedema" not in [f["text"] for f in findings]
    # The other settings still hold: 30 words is still the limit.
    long_text = " ".join(["word"] * 28) + ".\n"
    (editor.folder / "long.md").write_text(long_text, encoding="utf-8")
    assert not [f for f in check_json(editor.folder / "long.md") if f["rule"] == "long-sentence"]


async def test_no_actions_where_nothing_is_flagged(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET)
    await editor.diagnostics(document)
    heading = types.Range(start=types.Position(line=0, character=2), end=types.Position(line=0, character=7))
    result = await editor.request(
        editor.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=document.identifier, range=heading, context=types.CodeActionContext(diagnostics=[])
            )
        )
    )
    assert not result, result
