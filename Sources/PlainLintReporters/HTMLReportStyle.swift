extension HTMLReportWriter {
  /// The page's styles. Every colour pair has a contrast of at least 4.5:1 (checked by the accessibility test);
  /// marks and reading ages are told apart by lines, symbols and words as well as colour. Notes open on hover and
  /// on focus (a tap focuses a mark), stay open while the pointer moves onto them (the `::before` bridge over the
  /// gap), and are printed as footnotes under each paragraph.
  static let styles = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; \
    font-size: 1.0625rem; line-height: 1.6; color: #1b1b1b; background: #ffffff; }
    header, nav, main { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
    header { padding-top: 1rem; border-bottom: 1px solid #6b6b6b; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: .5rem 0; }
    h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 .75rem; }
    h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
    h4, h5, h6 { font-size: 1.1rem; margin: 0; }
    a { color: #1a4fa0; background: #ffffff; }
    a:focus, mark.f:focus { outline: 3px solid #1a4fa0; outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; top: 0; }
    .skip:focus { left: 1rem; top: 1rem; padding: .5rem .75rem; color: #1a4fa0; background: #ffffff; }
    .intro, .size { color: #3d3d3d; background: #ffffff; }
    article { border-top: 3px solid #1b1b1b; margin-top: 2.5rem; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
    caption { text-align: left; font-weight: 700; padding: .25rem 0; }
    th, td { border: 1px solid #6b6b6b; padding: .4rem .5rem; text-align: left; vertical-align: top; \
    overflow-wrap: break-word; }
    .glossary td:nth-child(2) { width: 40%; }
    thead th { color: #1b1b1b; background: #e8e8e8; }
    .overall { font-size: 1.15rem; padding: .6rem .8rem; border-left: .4rem solid; }
    .age { margin: 0; padding: .25rem .5rem; border-left: .35rem solid; font-size: .9375rem; line-height: 1.4; }
    .age .verdict { display: block; }
    .above { color: #8b1a1a; background: #fdecea; border-left-color: #8b1a1a; }
    .within { color: #14532d; background: #e7f5ec; border-left-color: #14532d; }
    .none { color: #3d3d3d; background: #f1f1f1; border-left-color: #3d3d3d; }
    td.above, td.within, td.none, .hardest span { border-left: 0; padding: .4rem .5rem; }
    .hardest span { padding: 0 .3rem; white-space: nowrap; }
    .hardest li { margin-bottom: .6rem; }
    .doc-text { margin-top: 1rem; }
    .block { display: grid; grid-template-columns: minmax(0, 1fr) 12rem; column-gap: 1.25rem; \
    align-items: start; margin: 0 0 1.1rem; }
    .block > .text { grid-column: 1; grid-row: 1; margin: 0; }
    .block > .age { grid-column: 2; grid-row: 1; }
    .block > .notes, .block > .footnotes { grid-column: 1 / -1; }
    .text { position: relative; }
    .keep-lines .text { white-space: pre-line; }
    ul.items, ul.cells { margin: 0 0 1.1rem; padding-left: 1.5rem; }
    ul.items > li, ul.cells > li { position: relative; margin-bottom: .3rem; }
    ul.cells > li { list-style: square; }
    .meta-label { font-weight: 700; }
    mark.f { color: #1b1b1b; background: #fff1a8; border-bottom: 2px solid #6b4800; padding: 0 .1em; \
    cursor: help; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    mark.f-acronym { color: #1b1b1b; background: #dbeafe; border-bottom: 2px dashed #1e3a8a; }
    mark.f-person { color: #1b1b1b; background: #fce7f3; border-bottom: 2px dotted #831843; }
    mark.f sup { font-size: .7em; font-weight: 700; margin-left: .1em; line-height: 0; }
    .tip { display: none; position: absolute; left: 0; right: 0; z-index: 10; margin-top: .35rem; \
    padding: .6rem .8rem; color: #1b1b1b; background: #ffffff; border: 2px solid #1b1b1b; border-radius: .4rem; \
    box-shadow: 0 .3rem 1rem rgba(0, 0, 0, .25); white-space: normal; font-size: .9375rem; font-weight: 400; \
    line-height: 1.45; }
    mark.f:hover + .tip, mark.f:focus + .tip, .tip:hover { display: block; }
    .tip::before { content: ""; position: absolute; left: 0; right: 0; top: -1rem; height: 1rem; }
    .tip-item { display: block; }
    .tip-item + .tip-item { margin-top: .4rem; padding-top: .4rem; border-top: 1px solid #6b6b6b; }
    .tip-label { font-weight: 700; }
    .tip-alt { display: block; margin-top: .25rem; }
    .notes { margin: .4rem 0 0; padding: .4rem .75rem .4rem 1.75rem; color: #1b1b1b; background: #f4f4f4; \
    border-left: .35rem solid #4a4a4a; font-size: .9375rem; }
    .footnotes { display: none; }
    .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); \
    clip-path: inset(50%); white-space: nowrap; }
    @media (max-width: 40rem) {
      body { font-size: 1rem; }
      .block { grid-template-columns: minmax(0, 1fr); }
      .block > .age { grid-column: 1; grid-row: 2; margin-top: .3rem; }
      th, td { padding: .3rem; font-size: .9375rem; }
    }
    @media print {
      body { font-size: 11pt; }
      .skip, nav, script { display: none; }
      header, main { max-width: none; padding: 0; }
      .tip { display: none !important; }
      .footnotes { display: block; margin: .3rem 0 0; padding-left: 1.75rem; font-size: 9.5pt; }
      .block, tr, .notes li, .footnotes li { break-inside: avoid; }
      article { break-before: page; }
      a { color: #1b1b1b; }
    }

    """

  /// The page's only script, optional: Escape closes the note of the mark that has focus (WCAG's dismissible
  /// content on hover or focus). The page works without it.
  static let script = """
    document.addEventListener("keydown", function (event) { var mark = document.activeElement; \
    if (event.key === "Escape" && mark && mark.classList.contains("f")) { mark.blur(); } });
    """
}
