"""Configuration: `.plainlint.yml` changes while the editor is open, and the server's own settings."""

from __future__ import annotations

import pathlib

from conftest import Document, Editor, wait_until
from lsprotocol import types

LEAFLET = "# After your test\n\nYou may notice oedema after the procedure. Contact PALS if you are worried.\n"


def watched(editor: Editor, path: pathlib.Path, change: types.FileChangeType) -> None:
    """Tells the server a watched file changed, as an editor's file watcher does."""
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=path.as_uri(), type=change)])
    )


def rules(editor: Editor, document: Document, diagnostics: list[types.Diagnostic]) -> set[str]:
    return {rule for rule, _ in editor.found(document, diagnostics)}


async def test_configuration_file_changes_are_picked_up(editor: Editor):
    await editor.start()
    document = editor.open("docs/leaflet.md", LEAFLET, write=True)
    assert {"jargon", "acronym-undefined"} <= rules(editor, document, await editor.diagnostics(document))
    config = editor.folder / ".plainlint.yml"

    # A new file that switches jargon off: the open document is linted again without it.
    config.write_text("rules:\n  jargon: off\n", encoding="utf-8")
    mark = editor.mark()
    watched(editor, config, types.FileChangeType.Created)
    found = rules(editor, document, await editor.republished(document, mark))
    assert "jargon" not in found and "acronym-undefined" in found

    # A broken file: a warning naming the problem, and no findings until it is fixed.
    config.write_text("rules:\n  jargon: offf\n", encoding="utf-8")
    mark = editor.mark()
    messages = len(editor.client.messages)
    watched(editor, config, types.FileChangeType.Changed)
    assert await editor.republished(document, mark) == []
    shown = await wait_until(lambda: editor.client.messages[messages:], "window/showMessage about the broken file")
    assert shown[0].type == types.MessageType.Warning
    assert ".plainlint.yml" in shown[0].message and "offf" in shown[0].message, shown[0].message

    # Fixed again, then removed: the built-in settings come back.
    config.write_text("rules:\n  acronym-undefined: off\n", encoding="utf-8")
    mark = editor.mark()
    watched(editor, config, types.FileChangeType.Changed)
    found = rules(editor, document, await editor.republished(document, mark))
    assert "jargon" in found and "acronym-undefined" not in found
    config.unlink()
    mark = editor.mark()
    watched(editor, config, types.FileChangeType.Deleted)
    assert {"jargon", "acronym-undefined"} <= rules(editor, document, await editor.republished(document, mark))


async def test_a_project_word_list_change_is_picked_up(editor: Editor):
    (editor.folder / ".plainlint.yml").write_text("dictionaries:\n  - words.csv\n", encoding="utf-8")
    words = editor.folder / "words.csv"
    header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
    words.write_text(header, encoding="utf-8")
    await editor.start()
    document = editor.open("leaflet.md", "Ask at the cashpoint desk.\n", write=True)
    assert "jargon" not in rules(editor, document, await editor.diagnostics(document))
    row = "cashpoint,,cash machine,bureaucratic,Our word for a cash machine.,,UK,,\n"
    words.write_text(header + row, encoding="utf-8")
    mark = editor.mark()
    watched(editor, words, types.FileChangeType.Changed)
    found = editor.found(document, await editor.republished(document, mark))
    assert ("jargon", "cashpoint") in found, found


async def test_settings_from_initialization_options(editor: Editor, tmp_path: pathlib.Path):
    elsewhere = tmp_path / "shared" / "house-style.yml"
    elsewhere.parent.mkdir()
    elsewhere.write_text("rules:\n  jargon: off\n", encoding="utf-8")
    await editor.start(settings={"plainlint": {"config": str(elsewhere), "options": ["long-sentence.max-words=5"]}})
    document = editor.open("leaflet.md", LEAFLET)
    found = rules(editor, document, await editor.diagnostics(document))
    assert "jargon" not in found, "the `config` setting was not used"
    assert "long-sentence" in found, "the `options` setting was not used"


async def test_settings_changed_while_running(editor: Editor):
    await editor.start(settings={})
    document = editor.open("leaflet.md", LEAFLET)
    assert "long-sentence" not in rules(editor, document, await editor.diagnostics(document))
    settings = {"plainlint": {"options": ["long-sentence.max-words=5"], "english": "uk"}}
    editor.client.set_configuration(settings["plainlint"], section="plainlint")
    mark = editor.mark()
    editor.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
    assert "long-sentence" in rules(editor, document, await editor.republished(document, mark))


async def test_a_bad_setting_is_shown_not_fatal(editor: Editor):
    await editor.start(settings={"options": ["long-sentence.max-wordz=5"]})
    document = editor.open("leaflet.md", LEAFLET)
    shown = await wait_until(lambda: editor.client.messages, "window/showMessage about the bad option")
    assert "max-wordz" in shown[0].message, shown[0].message
    # The server goes on: the document is still linted (with or without the bad option, not with nothing).
    assert "jargon" in rules(editor, document, await editor.diagnostics(document))


async def test_folders_with_spaces_and_accents(client, tmp_path: pathlib.Path):
    folder = tmp_path / "Patient leaflets – Café"
    folder.mkdir()
    (folder / ".plainlint.yml").write_text("rules:\n  acronym-undefined: off\n", encoding="utf-8")
    editor = Editor(client, folder)
    await editor.start()
    assert "%20" in folder.as_uri()
    document = editor.open("leaflet.md", LEAFLET, write=True)
    found = rules(editor, document, await editor.diagnostics(document))
    assert "jargon" in found and "acronym-undefined" not in found, "the folder's .plainlint.yml was not found"
