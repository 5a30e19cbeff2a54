"""initialize: who the server is, what it offers, and the position encoding it picks."""

from __future__ import annotations

import pytest
from conftest import Editor, index_of, position_of, text_at, wait_until
from lsprotocol import types


async def test_server_info_and_capabilities(editor: Editor):
    result = await editor.start()
    assert result.server_info is not None
    assert result.server_info.name == "plainlint"
    assert result.server_info.version, "serverInfo.version is empty"

    capabilities = result.capabilities
    sync = capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions), f"textDocumentSync is {sync!r}"
    assert sync.open_close is True
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert isinstance(sync.save, types.SaveOptions) and sync.save.include_text is False, f"save is {sync.save!r}"
    assert capabilities.hover_provider is True
    actions = capabilities.code_action_provider
    assert isinstance(actions, types.CodeActionOptions), f"codeActionProvider is {actions!r}"
    assert list(actions.code_action_kinds or []) == [types.CodeActionKind.QuickFix]
    assert capabilities.execute_command_provider is not None
    assert list(capabilities.execute_command_provider.commands) == ["plainlint.accept"]
    # This client does not declare textDocument.diagnostic, so diagnostics are pushed and none are offered to pull.
    assert capabilities.diagnostic_provider is None
    folders = capabilities.workspace.workspace_folders if capabilities.workspace else None
    assert folders is not None and folders.supported is True and folders.change_notifications is True
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16

    # The client allows dynamic registration, so the server asks to be told about configuration and word lists.
    def watchers() -> list[str]:
        found = []
        for registration in editor.client.registrations:
            if registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES:
                for watcher in (registration.register_options or {}).get("watchers", []):
                    pattern = watcher.get("globPattern")
                    found.append(pattern if isinstance(pattern, str) else str(pattern))
        return found

    patterns = await wait_until(
        lambda: (lambda w: w if {"**/.plainlint.yml", "**/*.csv"} <= set(w) else None)(watchers()),
        "registration of file watchers for **/.plainlint.yml and **/*.csv",
    )
    assert "**/.plainlint.yml" in patterns


@pytest.mark.parametrize(
    ("offered", "chosen"),
    [
        (None, "utf-16"),
        (["utf-8", "utf-16"], "utf-8"),
        (["utf-16", "utf-8"], "utf-16"),
        (["utf-32", "utf-8"], "utf-32"),
        (["x-made-up", "utf-8", "utf-16"], "utf-8"),
        ([], "utf-16"),
    ],
)
async def test_position_encoding_negotiation(editor: Editor, offered: list[str] | None, chosen: str):
    result = await editor.start(encodings=offered)
    encoding = result.capabilities.position_encoding
    assert encoding is not None, "positionEncoding is missing"
    assert str(getattr(encoding, "value", encoding)) == chosen


# Curly quotes, accents, a dash, a flag (two scalars outside the BMP) and a ZWJ emoji sequence before the flagged
# word, on the second line: each encoding counts these differently.
LEAFLET = (
    "# “Café” notes — naïve 😀\n"
    "Après l’opération 👩‍⚕️🇬🇧 “you” may get oedema in your ankles.\n"
)


@pytest.mark.parametrize("offered", [None, ["utf-8"], ["utf-16"], ["utf-32"]])
async def test_columns_in_each_encoding(editor: Editor, offered: list[str] | None):
    await editor.start(encodings=offered)
    expected_encoding = offered[0] if offered else "utf-16"
    assert editor.encoding == expected_encoding
    document = editor.open("notes.md", LEAFLET)
    diagnostics = await editor.diagnostics(document)
    jargon = [d for d in diagnostics if d.code == "jargon"]
    assert len(jargon) == 1, f"jargon findings: {editor.found(document, jargon)}"
    start = LEAFLET.index("oedema")
    assert jargon[0].range.start == position_of(LEAFLET, start, editor.encoding)
    assert jargon[0].range.end == position_of(LEAFLET, start + len("oedema"), editor.encoding)
    assert text_at(LEAFLET, jargon[0].range, editor.encoding) == "oedema"
    # The same column as literal numbers, so the test does not rest on this file's own conversion alone.
    columns = {"utf-8": 62, "utf-16": 42, "utf-32": 39}
    before = LEAFLET.split("\n")[1].split("oedema")[0]
    assert columns == {
        "utf-8": len(before.encode("utf-8")),
        "utf-16": len(before.encode("utf-16-le")) // 2,
        "utf-32": len(before),
    }
    assert jargon[0].range.start.character == columns[editor.encoding]

    # An incremental edit given in the same encoding lands where it should: the new word is found in its place.
    editor.replace(document, "oedema", "haemorrhage")
    diagnostics = await editor.diagnostics(document)
    jargon = [d for d in diagnostics if d.code == "jargon"]
    assert editor.found(document, jargon) == [("jargon", "haemorrhage")]
    assert index_of(document.text, jargon[0].range.start, editor.encoding) == document.text.index("haemorrhage")
