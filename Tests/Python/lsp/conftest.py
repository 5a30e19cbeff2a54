"""The machinery shared by the end-to-end tests of `plainlint lsp`.

Each test starts the built server (the binary named by PLAINLINT_BINARY, which LanguageServerTests.swift sets)
as a child process and drives it with pytest-lsp's client, the way an editor would: it keeps its own copy of
every open document, sends the edits it makes, and checks what the server publishes. Positions are converted
here, independently of the server, in whichever encoding the session negotiated.
"""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import subprocess
from collections.abc import Callable
from typing import Any, Union

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

BINARY = os.environ.get("PLAINLINT_BINARY", "")

WAIT = 10.0
"""The longest, in seconds, any test waits for the server to answer or publish: a hang fails the test."""

SEVERITIES = {"error": 1, "warning": 2, "info": 3}
"""The LSP severity of each of plainlint's severities."""


def pytest_configure(config: pytest.Config) -> None:
    """Stops at once, with a clear message, when there is no binary to test."""
    if not BINARY or not os.access(BINARY, os.X_OK):
        raise pytest.UsageError(
            f"PLAINLINT_BINARY must name the built plainlint binary (it is {BINARY!r}); "
            "LanguageServerTests.swift sets it when `swift test` runs these tests"
        )


# Positions ----------------------------------------------------------------------------------------------------


def units(character: str, encoding: str) -> int:
    """How many code units of the encoding one Unicode scalar takes."""
    if encoding == "utf-8":
        return len(character.encode("utf-8"))
    if encoding == "utf-16":
        return 2 if ord(character) > 0xFFFF else 1
    return 1


def index_of(text: str, position: types.Position, encoding: str) -> int:
    """The index in `text` (in Python characters, that is Unicode scalars) of an LSP position."""
    start = 0
    for _ in range(position.line):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    counted = 0
    index = start
    while counted < position.character:
        assert index < end, f"position {position} is past the end of its line"
        counted += units(text[index], encoding)
        index += 1
    assert counted == position.character, f"position {position} falls inside a character"
    return index


def position_of(text: str, index: int, encoding: str) -> types.Position:
    """The LSP position of an index in `text`."""
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=sum(units(c, encoding) for c in text[start:index]))


def range_of(text: str, needle: str, encoding: str, occurrence: int = 0) -> types.Range:
    """The range of the `occurrence`-th appearance of `needle` in `text`."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return types.Range(
        start=position_of(text, index, encoding), end=position_of(text, index + len(needle), encoding)
    )


def text_at(text: str, range_: types.Range, encoding: str) -> str:
    """The text a range covers."""
    return text[index_of(text, range_.start, encoding) : index_of(text, range_.end, encoding)]


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """The text after a list of non-overlapping edits, all given against the text before any of them."""
    spans = sorted(
        ((index_of(text, e.range.start, encoding), index_of(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


# The client ---------------------------------------------------------------------------------------------------


class PlainLintClient(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics (with its version) and every registration."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []

    @classmethod
    def make(cls) -> PlainLintClient:
        """A client with pytest-lsp's handlers, and ours for diagnostics and registrations."""
        client = cls(converter_factory=default_converter)
        features = dict(DEFAULT_CLIENT_FEATURES)
        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_diagnostics
        features[types.CLIENT_REGISTER_CAPABILITY] = _record_registration
        register_lsp_features(client, features)
        # lsprotocol 2025.0.0 reads any code action that has a `command` member as a bare Command, even when that
        # member is an object (a CodeAction's command): tell the two apart by the member's type instead.
        converter = client.protocol._converter

        def command_or_code_action(value: Any, _: type) -> types.Command | types.CodeAction:
            if isinstance(value.get("command"), str):
                return converter.structure(value, types.Command)
            return converter.structure(value, types.CodeAction)

        converter.register_structure_hook(Union[types.Command, types.CodeAction], command_or_code_action)
        return client


def _record_diagnostics(client: PlainLintClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _record_registration(client: PlainLintClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


CONFIG = ClientServerConfig(server_command=[BINARY, "lsp"], client_factory=PlainLintClient.make)


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: PlainLintClient):
    """A server started for one test; ended with shutdown and exit unless the test ended it itself."""
    yield
    await end_session(lsp_client)


async def end_session(client: PlainLintClient) -> None:
    """Ends the server politely (shutdown, exit); failing that, closes its input, which must end it too."""
    server = client._server
    if server is None or server.returncode is not None:
        return
    if client.capabilities is not None and client.error is None and not Editor.unanswered_initialize:
        try:
            await asyncio.wait_for(client.shutdown_session(), WAIT)
            return
        except Exception:  # noqa: BLE001 - the test has already failed; what matters now is that the server ends
            pass
    if server.stdin is not None:
        server.stdin.close()
    try:
        await asyncio.wait_for(server.wait(), WAIT)
    except asyncio.TimeoutError:
        server.kill()
        await server.wait()
        pytest.fail("the server did not exit when its standard input was closed")


@pytest.fixture
def editor(client: PlainLintClient, tmp_path: pathlib.Path) -> Editor:
    """An editor on a fresh workspace folder."""
    folder = tmp_path / "workspace"
    folder.mkdir()
    return Editor(client, folder)


# The editor ---------------------------------------------------------------------------------------------------


class Document:
    """An open document as the editor holds it."""

    def __init__(self, path: pathlib.Path, language_id: str, text: str):
        self.path = path
        self.uri = path.as_uri()
        self.language_id = language_id
        self.text = text
        self.version = 1

    @property
    def identifier(self) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=self.uri)


async def wait_until(condition: Callable[[], Any], what: str, client: PlainLintClient | None = None) -> Any:
    """Waits (at most WAIT seconds) until `condition()` gives something true, and returns it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while True:
        result = condition()
        if result:
            return result
        if loop.time() > deadline:
            seen = ""
            if client is not None:
                seen = "\npublished so far: " + "; ".join(
                    f"{p.uri} v{p.version}: {[d.code for d in p.diagnostics]}" for p in client.published
                )
            pytest.fail(f"waited {WAIT} s for {what}{seen}")
        await asyncio.sleep(0.01)


class Editor:
    """A small editor driving the server: it opens and edits documents, keeping its own copy of their text."""

    unanswered_initialize = False
    """Set when an initialize request went unanswered: the server cannot read this client at all."""

    def __init__(self, client: PlainLintClient, folder: pathlib.Path):
        self.client = client
        self.folder = folder
        self.encoding = "utf-16"
        self.result: types.InitializeResult | None = None

    async def start(
        self,
        *,
        encodings: list[str] | None = None,
        pull: bool = False,
        settings: dict[str, Any] | None = None,
    ) -> types.InitializeResult:
        """Initializes the session: the capabilities a typical editor declares, and the given choices."""
        text_document = types.TextDocumentClientCapabilities(
            synchronization=types.TextDocumentSyncClientCapabilities(did_save=True),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, code_description_support=True, related_information=False
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=[types.CodeActionKind.QuickFix])
                ),
                is_preferred_support=True,
            ),
        )
        if pull:
            text_document.diagnostic = types.DiagnosticClientCapabilities(related_document_support=False)
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings),
            text_document=text_document,
            workspace=types.WorkspaceClientCapabilities(
                workspace_folders=True,
                configuration=True,
                did_change_configuration=types.DidChangeConfigurationClientCapabilities(dynamic_registration=False),
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                execute_command=types.ExecuteCommandClientCapabilities(dynamic_registration=False),
            ),
            window=types.WindowClientCapabilities(show_message=types.ShowMessageRequestClientCapabilities()),
        )
        # workspace/configuration is answered with the same settings as initializationOptions.
        self.client.set_configuration(settings or {}, section="plainlint")
        params = types.InitializeParams(
            capabilities=capabilities,
            client_info=types.ClientInfo(name="plainlint end-to-end tests", version="1"),
            initialization_options=settings,
            root_uri=self.folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=self.folder.as_uri(), name=self.folder.name)],
        )
        if Editor.unanswered_initialize:
            pytest.fail("an earlier test's initialize was never answered: see the first failure")
        try:
            self.result = await asyncio.wait_for(self.client.initialize_session(params), WAIT)
        except asyncio.TimeoutError:
            Editor.unanswered_initialize = True  # the rest fail at once rather than each waiting
            pytest.fail(f"initialize was not answered in {WAIT} s (the server's standard error is below)")
        encoding = self.result.capabilities.position_encoding
        if isinstance(encoding, types.PositionEncodingKind):
            encoding = encoding.value
        self.encoding = str(encoding or "utf-16")
        return self.result

    # Documents

    def open(self, name: str, text: str, language_id: str = "markdown", *, write: bool = False) -> Document:
        """Opens a document at `name` in the workspace folder (written to disk too when `write`)."""
        path = self.folder / name
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        document = Document(path, language_id, text)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=document.uri, language_id=language_id, version=1, text=text)
            )
        )
        return document

    def edit(self, document: Document, edits: list[types.TextEdit]) -> None:
        """Sends edits as one incremental didChange (each change given against the text after the one before)."""
        changes = []
        # Apply from the end so each change's range is still right for the text the server holds at that point.
        for edit in sorted(edits, key=lambda e: index_of(document.text, e.range.start, self.encoding), reverse=True):
            changes.append(types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text))
            document.text = apply_edits(document.text, [edit], self.encoding)
        document.version += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=document.uri, version=document.version),
                content_changes=changes,
            )
        )

    def replace(self, document: Document, old: str, new: str) -> None:
        """Replaces the first `old` in the document with `new`, as an incremental change."""
        self.edit(document, [types.TextEdit(range=range_of(document.text, old, self.encoding), new_text=new)])

    def replace_all(self, document: Document, text: str) -> None:
        """Sends the whole new text (a full-text change)."""
        document.text = text
        document.version += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=document.uri, version=document.version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def close(self, document: Document) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=document.identifier))

    # What the server publishes

    def mark(self) -> int:
        """A point in the stream of published diagnostics, for `republished`."""
        return len(self.client.published)

    async def diagnostics(self, document: Document) -> list[types.Diagnostic]:
        """The diagnostics the server published for the document's current version."""

        def latest() -> types.PublishDiagnosticsParams | None:
            for params in reversed(self.client.published):
                if params.uri == document.uri:
                    return params if params.version == document.version else None
            return None

        params = await wait_until(latest, f"diagnostics for {document.uri} version {document.version}", self.client)
        return list(params.diagnostics)

    async def republished(self, document: Document, after: int) -> list[types.Diagnostic]:
        """The diagnostics of the first publish for the document after the mark `after`."""

        def first() -> types.PublishDiagnosticsParams | None:
            return next((p for p in self.client.published[after:] if p.uri == document.uri), None)

        params = await wait_until(first, f"diagnostics published again for {document.uri}", self.client)
        assert params.version in (None, document.version), f"republished version {params.version}"
        return list(params.diagnostics)

    def found(self, document: Document, diagnostics: list[types.Diagnostic]) -> list[tuple[str, str]]:
        """Each diagnostic as (rule, flagged text), in order."""
        return [(str(d.code), text_at(document.text, d.range, self.encoding)) for d in diagnostics]

    async def request(self, coroutine: Any) -> Any:
        """Waits for a request's answer, at most WAIT seconds."""
        return await asyncio.wait_for(coroutine, WAIT)

    async def code_actions(self, document: Document, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        """The code actions for one diagnostic, asked as an editor asks when the cursor is on it."""
        result = await self.request(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=document.identifier,
                    range=diagnostic.range,
                    context=types.CodeActionContext(
                        diagnostics=[diagnostic], trigger_kind=types.CodeActionTriggerKind.Invoked
                    ),
                )
            )
        )
        actions = list(result or [])
        for action in actions:
            assert isinstance(action, types.CodeAction), f"expected code actions, got {action!r}"
        return actions

    async def hover(self, document: Document, index: int) -> types.Hover | None:
        """The hover at an index of the document's text."""
        return await self.request(
            self.client.text_document_hover_async(
                types.HoverParams(
                    text_document=document.identifier, position=position_of(document.text, index, self.encoding)
                )
            )
        )


# The command line, for comparison -----------------------------------------------------------------------------


def check_json(path: pathlib.Path, *arguments: str) -> list[dict[str, Any]]:
    """The findings `plainlint check --format json` gives for a file on disk."""
    result = subprocess.run(
        [BINARY, "check", "--format", "json", *arguments, str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent,
        timeout=WAIT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode in (0, 1), f"plainlint check failed ({result.returncode}): {result.stderr}"
    files = json.loads(result.stdout)["files"]
    return files[0]["diagnostics"] if files else []
