import Foundation
import Testing

/// Debian's Chromium, if it is installed (`scripts/install-system-packages` installs it as root).
let chromiumBinary: URL? = {
  for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
  where FileManager.default.isExecutableFile(atPath: path) {
    return URL(fileURLWithPath: path)
  }
  return nil
}()

/// Whether the tests run in CI, where Chromium must be there: the browser test runs, and fails without it.
let runningInCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// What headless Chromium made of a page: its console messages (JavaScript errors among them) and its output.
struct BrowserRun {
  var status: Int32
  /// Every console message the page caused, one per line as Chromium logs them.
  var console: [String]
  /// Standard output (the DOM, with `--dump-dom`).
  var output: String
}

/// Opens a page in headless Chromium, with no network (every host name fails to resolve, so a page that tried to
/// load anything from elsewhere would log an error), and with `arguments` saying what to make: a screenshot or
/// the DOM.
func openInChromium(_ page: URL, _ arguments: [String]) throws -> BrowserRun {
  let chromium = try #require(
    chromiumBinary,
    "Chromium is not installed: run scripts/install-system-packages as root, or apt-get install chromium")
  return try withTemporaryFolder { profile in
    let result = try run(
      URL(fileURLWithPath: "/usr/bin/timeout"),
      [
        "120", chromium.path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--no-default-browser-check", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
        "--host-resolver-rules=MAP * ~NOTFOUND",
      ] + arguments + [page.absoluteString])
    let console = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    return BrowserRun(status: result.status, console: console, output: result.stdout)
  }
}

/// Runs a Python script from `Tests/Python/` with the system's Python (standard library only) and decodes its JSON.
func pythonCheck<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
  let path = packageRoot.appendingPathComponent("Tests/Python/\(script)").path
  let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", path] + arguments)
  #expect(result.status == 0, "\(script) failed: \(result.stderr)")
  return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
}

/// What `check_screenshot.py` says of a PNG.
struct Screenshot: Decodable {
  var width: Int
  var height: Int
  var colours: Int
  var notBackground: Double
  var found: [String: Int]
}

/// What `check_report_page.py` says of a page.
struct PageCheck: Decodable {
  var errors: [String]
  var facts: [String: Int]
}

/// The report of some fixtures, written to a file in `folder`.
func writeReport(_ inputs: [String], named name: String, in folder: URL) throws -> URL {
  let page = folder.appendingPathComponent(name)
  let result = try plainlint(["report"] + inputs + ["-o", page.path])
  #expect(result.status == 0, "\(result.stderr)")
  return page
}

/// The page opened in a real browser: it renders, with no console errors, and the screenshot shows it.
@Suite(
  "plainlint report in headless Chromium", .serialized,
  .enabled(
    if: chromiumBinary != nil || runningInCI,
    "Chromium is not installed: as root, scripts/install-system-packages installs it (apt-get install chromium)"))
struct ReportBrowserTests {
  /// The fixtures of the page tested: several documents, each kind of input, and the injection fixtures.
  static let inputs = ["coproduction", "markdown/leaflet.md", "report/injection.md", "report/injection.txt"]

  @Test func thePageRendersWithNoConsoleErrorsAndTheScreenshotShowsIt() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(Self.inputs, named: "report.html", in: folder)
      let shot = folder.appendingPathComponent("shot.png")
      let browser = try openInChromium(page, ["--window-size=1024,1536", "--screenshot=\(shot.path)"])
      #expect(browser.status == 0)
      #expect(browser.console.isEmpty, "console messages: \(browser.console)")
      // The colours of above and within the target and of the table headings are there: the styles rendered.
      let colours = ["#fdecea", "#e7f5ec", "#e8e8e8"]
      let picture = try pythonCheck("check_screenshot.py", [shot.path] + colours, as: Screenshot.self)
      #expect(picture.width == 1024 && picture.height == 1536)
      #expect(picture.colours > 50)
      #expect(picture.notBackground > 0.05)
      for colour in colours { #expect((picture.found[colour] ?? 0) > 100, "\(colour) is not on the screenshot") }
    }
  }

  @Test func theMarksShowInTheText() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(["markdown/leaflet.md"], named: "report.html", in: folder)
      let shot = folder.appendingPathComponent("marks.png")
      let browser = try openInChromium(page, ["--window-size=1024,2400", "--screenshot=\(shot.path)"])
      #expect(browser.status == 0)
      #expect(browser.console.isEmpty, "console messages: \(browser.console)")
      let picture = try pythonCheck("check_screenshot.py", [shot.path, "#fff1a8"], as: Screenshot.self)
      #expect((picture.found["#fff1a8"] ?? 0) > 100, "no marks on the screenshot")
    }
  }

  @Test func onAPhoneTheScreenshotIsAsWideAsThePhone() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(["markdown/leaflet.md"], named: "report.html", in: folder)
      let shot = folder.appendingPathComponent("phone.png")
      let browser = try openInChromium(page, ["--window-size=390,844", "--screenshot=\(shot.path)"])
      #expect(browser.status == 0)
      #expect(browser.console.isEmpty, "console messages: \(browser.console)")
      let picture = try pythonCheck("check_screenshot.py", [shot.path], as: Screenshot.self)
      #expect(picture.width == 390 && picture.height == 844)
      #expect(picture.notBackground > 0.03)
    }
  }

  /// The check above can fail: a page with a JavaScript error is caught.
  @Test func aBrokenPageIsCaught() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(["markdown/leaflet.md"], named: "report.html", in: folder)
      let broken = try String(contentsOf: page, encoding: .utf8)
        .replacingOccurrences(of: "</body>", with: "<script>thisFunctionDoesNotExist();</script>\n</body>")
      try broken.write(to: page, atomically: true, encoding: .utf8)
      let browser = try openInChromium(page, ["--window-size=800,600", "--screenshot=\(folder.path)/shot.png"])
      #expect(browser.console.contains { $0.contains("Uncaught ReferenceError: thisFunctionDoesNotExist") })
    }
  }

  /// In the DOM the browser built, the documents' `<script>` and `<img>` are text: the only script is
  /// plainlint's, and every mark is there.
  @Test func theDocumentsScriptsAreTextInTheBrowser() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(
        ["report/injection.txt", "report/injection.md", "report/injection.html"], named: "report.html", in: folder)
      let browser = try openInChromium(page, ["--dump-dom"])
      #expect(browser.console.isEmpty, "console messages: \(browser.console)")
      let dom = browser.output
      #expect(dom.components(separatedBy: "<script").count == 2)
      #expect(dom.components(separatedBy: "<img").count == 1)
      #expect(dom.contains("&lt;script&gt;console.error(\"injected script ran\")&lt;/script&gt;"))
      let source = try String(contentsOf: page, encoding: .utf8)
      #expect(dom.components(separatedBy: "<mark ").count == source.components(separatedBy: "<mark ").count)
    }
  }
}

/// The structure of the page, checked by `Tests/Python/check_report_page.py` (Python's own HTML parser): language,
/// headings, landmarks, keyboard access to every mark, text labels, tables, nothing loaded from elsewhere, and the
/// contrast of every colour pair in the styles.
@Suite("plainlint report: accessibility of the page")
struct ReportAccessibilityTests {
  @Test("Each golden page passes", arguments: ReportTests.goldens.map(\.golden))
  func goldenPage(_ name: String) throws {
    let page = fixtures.appendingPathComponent("expected/report/\(name)")
    let check = try pythonCheck("check_report_page.py", [page.path], as: PageCheck.self)
    #expect(check.errors.isEmpty, "\(check.errors)")
    #expect((check.facts["headings"] ?? 0) >= 5)
    #expect((check.facts["colourPairs"] ?? 0) >= 10)
  }

  @Test func severalDocumentsHaveAContentsListAndMarks() throws {
    try withTemporaryFolder { folder in
      let page = try writeReport(ReportBrowserTests.inputs, named: "report.html", in: folder)
      let check = try pythonCheck("check_report_page.py", [page.path], as: PageCheck.self)
      #expect(check.errors.isEmpty, "\(check.errors)")
      #expect(check.facts["documents"] == 7)
      #expect((check.facts["marks"] ?? 0) > 40)
      #expect((check.facts["tables"] ?? 0) == 2)
    }
  }

  /// The check can fail: a page with each kind of fault is caught, fault by fault.
  @Test func aBrokenPageIsCaught() throws {
    try withTemporaryFolder { folder in
      let good = try String(
        contentsOf: writeReport(ReportBrowserTests.inputs, named: "good.html", in: folder),
        encoding: .utf8)
      let faults: [(from: String, to: String, error: String)] = [
        ("<html lang=\"en-GB\">", "<html>", "lang=\"en-GB\""),
        ("<h3>What we found</h3>", "<h4>What we found</h4>", "heading level skips"),
        ("<main id=\"main\">", "<div id=\"main\">", "one <main> landmark"),
        ("tabindex=\"0\"", "tabindex=\"-1\"", "cannot be reached with the keyboard"),
        ("<span class=\"vh\">", "<span class=\"hidden\">", "no text label"),
        ("<th scope=\"col\">", "<th>", "has no scope"),
        ("color: #1b1b1b; background: #fff1a8;", "color: #bbbbbb; background: #fff1a8;", "below 4.5:1"),
        ("</main>", "<img src=\"https://example.org/x.png\" alt=\"\"></main>", "loads"),
        ("<nav aria-labelledby", "<div aria-labelledby", "needs a <nav>"),
      ]
      for fault in faults {
        #expect(good.contains(fault.from), "the page no longer has \(fault.from)")
        let broken = folder.appendingPathComponent("broken.html")
        try good.replacingOccurrences(of: fault.from, with: fault.to).write(
          to: broken, atomically: true, encoding: .utf8)
        let check = try pythonCheck("check_report_page.py", [broken.path], as: PageCheck.self)
        #expect(check.errors.contains { $0.contains(fault.error) }, "\(fault.error) not caught: \(check.errors)")
      }
    }
  }
}
