"""Pull diagnostics, for clients that declare `textDocument.diagnostic`."""

from __future__ import annotations

from conftest import Editor
from lsprotocol import types

LEAFLET = "# After your test\n\nYou may notice oedema after the procedure. Contact PALS if you are worried.\n"


async def pull(editor: Editor, document) -> types.RelatedFullDocumentDiagnosticReport:
    report = await editor.request(
        editor.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document.identifier, identifier="plainlint")
        )
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport), f"report is {report!r}"
    return report


async def test_pull_diagnostics(editor: Editor):
    result = await editor.start(pull=True)
    provider = result.capabilities.diagnostic_provider
    assert isinstance(provider, types.DiagnosticOptions), f"diagnosticProvider is {provider!r}"
    assert provider.identifier == "plainlint"
    assert provider.inter_file_dependencies is False
    assert provider.workspace_diagnostics is False

    document = editor.open("leaflet.md", LEAFLET)
    report = await pull(editor, document)
    found = editor.found(document, list(report.items))
    assert ("jargon", "oedema") in found and ("acronym-undefined", "PALS") in found
    assert all(d.source == "plainlint" for d in report.items)

    editor.replace(document, "oedema", "swelling")
    found = editor.found(document, list((await pull(editor, document)).items))
    assert ("jargon", "oedema") not in found and ("acronym-undefined", "PALS") in found

    # A round trip more, so anything pushed would have arrived: nothing is pushed to a client that pulls.
    await editor.hover(document, 0)
    assert [p for p in editor.client.published if p.uri == document.uri] == []
