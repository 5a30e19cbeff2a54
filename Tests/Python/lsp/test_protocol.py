"""The protocol itself: the session's start and end, errors, and frames no well-behaved client sends."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from conftest import BINARY, WAIT, Editor, PlainLintClient, position_of, wait_until
from lsprotocol import types
from pygls.exceptions import JsonRpcException

LEAFLET = "You may notice oedema after the procedure.\n"


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def write(client: PlainLintClient, data: bytes) -> None:
    """Writes bytes to the server's standard input, between the client's own messages."""
    assert client._server is not None and client._server.stdin is not None
    client._server.stdin.write(data)


def record_orphan_responses(client: PlainLintClient) -> list[types.ResponseError]:
    """Keeps the errors the server sends with no request id (for messages it could not read)."""
    errors: list[types.ResponseError] = []
    handle = client.protocol._handle_response

    def wrapped(msg_id, result=None, error=None):
        if msg_id is None and error is not None:
            errors.append(error)
            return None
        return handle(msg_id, result, error)

    client.protocol._handle_response = wrapped
    return errors


async def still_working(editor: Editor, name: str = "after.md") -> None:
    """The server still answers requests and lints documents."""
    document = editor.open(name, LEAFLET)
    found = editor.found(document, await editor.diagnostics(document))
    assert ("jargon", "oedema") in found
    hover = await editor.hover(document, LEAFLET.index("oedema") + 1)
    assert hover is not None


async def exit_code(editor: Editor) -> int:
    server = editor.client._server
    assert server is not None
    return await asyncio.wait_for(server.wait(), WAIT)


async def test_shutdown_then_exit(editor: Editor):
    await editor.start()
    document = editor.open("leaflet.md", LEAFLET)
    await editor.diagnostics(document)
    assert await editor.request(editor.client.shutdown_async(None)) is None
    editor.client.exit(None)
    assert await exit_code(editor) == 0


async def test_exit_without_shutdown(editor: Editor):
    await editor.start()
    editor.client.exit(None)
    assert await exit_code(editor) == 1


async def test_requests_before_initialize(editor: Editor):
    editor.client.capabilities = types.ClientCapabilities()  # lets pytest-lsp send before initialize
    with pytest.raises(JsonRpcException) as caught:
        await editor.request(
            editor.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=(editor.folder / "a.md").as_uri()),
                    position=types.Position(line=0, character=0),
                )
            )
        )
    assert caught.value.code == -32002
    await editor.start()
    await still_working(editor)


async def test_unknown_methods(editor: Editor):
    await editor.start()
    with pytest.raises(JsonRpcException) as caught:
        await editor.request(editor.client.protocol.send_request_async("plainlint/noSuchRequest", {"x": 1}))
    assert caught.value.code == -32601
    # An unknown notification is ignored, and so is one starting with `$/`.
    editor.client.protocol.notify("plainlint/noSuchNotification", {"x": 1})
    editor.client.protocol.notify("$/plainlintNoSuchNotification", {"x": 1})
    await still_working(editor)


GARBAGE = {
    "bad JSON": frame(b"{not json!!"),
    "JSON that is not a message": frame(b'"hello"'),
    "a request with wrong params": frame(
        b'{"jsonrpc": "2.0", "id": 424242, "method": "textDocument/hover", "params": {"bogus": true}}'
    ),
    "a notification with wrong params": frame(b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 7}'),
    "a header without Content-Length": b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
    "a Content-Length that is not a number": b"Content-Length: lots\r\n\r\n",
    "a body that is not UTF-8": frame(b'{"jsonrpc": "2.0", "method": "x", "params": "\xff\xfe"}'),
}


@pytest.mark.parametrize("garbage", GARBAGE.values(), ids=GARBAGE.keys())
async def test_garbage_does_not_stop_the_server(editor: Editor, garbage: bytes):
    await editor.start()
    write(editor.client, garbage)
    await still_working(editor)


async def test_bad_json_gets_a_parse_error(editor: Editor):
    await editor.start()
    errors = record_orphan_responses(editor.client)
    write(editor.client, frame(b"{not json!!"))
    await still_working(editor)
    assert [e.code for e in errors] == [-32700], errors


async def test_raw_utf8_split_and_joined_frames(editor: Editor):
    """What an editor really sends: UTF-8 bodies (not \\u escapes), frames split across writes and joined."""
    await editor.start()
    text = "Après l’opération 👩‍⚕️🇬🇧 you may notice oedema.\n"
    uri = (editor.folder / "raw.md").as_uri()
    open_message = frame(
        json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
            },
            ensure_ascii=False,
        ).encode("utf-8")
    )
    middle = open_message.index("👩".encode("utf-8")) + 2  # split inside a character's bytes
    # Block the event loop while the server holds half a frame, so the client's own messages (its answers to the
    # server's requests) cannot be written in between.
    write(editor.client, open_message[:middle])
    time.sleep(0.1)
    change = frame(
        json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"text": text.replace("you", "“you”")}],
                },
            },
            ensure_ascii=False,
        ).encode("utf-8")
    )
    write(editor.client, open_message[middle:] + change)  # the rest of one frame and a whole one, together

    def published():
        return next((p for p in reversed(editor.client.published) if p.uri == uri and p.version == 2), None)

    params = await wait_until(published, "diagnostics for the raw document, version 2", editor.client)
    changed = text.replace("you", "“you”")
    jargon = [d for d in params.diagnostics if d.code == "jargon"]
    assert len(jargon) == 1
    assert jargon[0].range.start == position_of(changed, changed.index("oedema"), editor.encoding)


async def read_frame(stream: asyncio.StreamReader) -> dict:
    """Reads one message from the server's standard output."""
    length = None
    while True:
        line = (await stream.readline()).decode("ascii")
        assert line, "the server closed its output"
        if line in ("\r\n", "\n"):
            break
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    assert length is not None, "a frame from the server without Content-Length"
    return json.loads(await stream.readexactly(length))


@pytest.mark.parametrize("line_end", [b"\r\n", b"\n"], ids=["CRLF", "LF"])
async def test_headers_other_than_content_length(line_end: bytes):
    """The base protocol allows a Content-Type header beside Content-Length (pygls, LSP4J and others send one)."""
    process = await asyncio.create_subprocess_exec(
        BINARY, "lsp", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE  # its log goes to pytest's
    )
    assert process.stdin is not None and process.stdout is not None
    try:

        def send(message: dict) -> None:
            body = json.dumps(message).encode("utf-8")
            process.stdin.write(
                b"Content-Length: %d" % len(body) + line_end
                + b"Content-Type: application/vscode-jsonrpc; charset=utf-8" + line_end + line_end + body
            )

        async def answer(id_: int) -> dict:
            """The server's answer to request `id_`, past its own notifications (logs say what went wrong)."""
            while (message := await read_frame(process.stdout)).get("id") != id_ or "method" in message:
                pass
            return message

        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
        try:
            initialized = await asyncio.wait_for(answer(1), WAIT)
        except asyncio.TimeoutError:
            pytest.fail("initialize, sent with a Content-Type header, was never answered (the server's log is below)")
        assert initialized["result"]["serverInfo"]["name"] == "plainlint"
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        assert (await asyncio.wait_for(answer(2), WAIT)).get("result", "missing") is None
        send({"jsonrpc": "2.0", "method": "exit"})
        assert await asyncio.wait_for(process.wait(), WAIT) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
