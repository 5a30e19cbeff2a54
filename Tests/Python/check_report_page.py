"""Checks the structure of a page made by `plainlint report`: that it is accessible and self-contained, for the
end-to-end tests. Uses only Python's standard library (html.parser), so it needs nothing installed.

Usage: check_report_page.py PAGE.html
Prints one JSON object: {"errors": [...], "facts": {...}}. Each error names what is wrong; the facts (counts of
marks, headings, documents, tables) let the test check the check did look at something.

What it checks:
- the page language is en-GB, there is a title, and a viewport for phones;
- exactly one h1, and heading levels never skip (h2 to h4 with no h3 between);
- the landmarks: header, main, and nav when there is more than one document;
- ids are unique, and every in-page link and aria-describedby points at an id that is there;
- every mark is reachable with the keyboard (tabindex 0) and has a note (aria-describedby to a tooltip with
  text) and a text label that screen readers read (not colour alone), and a visible number;
- every reading-age badge says "reading age" in words;
- every table has a caption and every th a scope;
- nothing is loaded from elsewhere: no src, no link element, no url() in the styles, no script with src, links
  only within the page;
- the contrast of every text colour with its background in the styles is at least 4.5:1 (WCAG AA), and of the
  mark underlines with the mark background at least 3:1 (WCAG's non-text contrast).
"""
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.text = []

    def classes(self):
        return self.attrs.get("class", "").split()

    def all_text(self):
        parts = list(self.text)
        for child in self.children:
            parts.append(child.all_text())
        return "".join(parts)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], None)
        self.current = self.root
        self.style = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            self.errors.append(f"an end tag </{tag}> with no start tag")
            return
        self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)
        if self.current.tag == "style":
            self.style.append(data)


def luminance(hex_colour):
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_styles(css, errors, facts):
    """Each rule that sets a text colour is checked against its own background, else the page's."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    if "url(" in css or "@import" in css:
        errors.append("the styles load something from elsewhere (url() or @import)")
    page_background = "#ffffff"
    pairs = 0
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip()] = value.strip()
        colour = declarations.get("color")
        background = declarations.get("background") or declarations.get("background-color")
        hex_pattern = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"
        if colour and not re.fullmatch(hex_pattern, colour):
            errors.append(f"{selector.strip()}: color {colour} is not a #hex colour the check can measure")
            continue
        if background and not re.fullmatch(hex_pattern, background):
            errors.append(f"{selector.strip()}: background {background} is not a #hex colour the check can measure")
            continue
        if colour:
            pairs += 1
            ratio = contrast(colour, background or page_background)
            if ratio < 4.5:
                errors.append(
                    f"{selector.strip()}: contrast of {colour} on {background or page_background} is "
                    f"{ratio:.2f}:1, below 4.5:1")
        for side in ("border-bottom", "border-left"):
            line = declarations.get(side, "")
            found = re.search(hex_pattern, line)
            if found and background:
                pairs += 1
                ratio = contrast(found.group(0), background)
                if ratio < 3:
                    errors.append(
                        f"{selector.strip()}: {side} {found.group(0)} on {background} is {ratio:.2f}:1, below 3:1")
    facts["colourPairs"] = pairs


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        source = handle.read()
    page = Page()
    page.feed(source)
    page.close()
    errors = list(page.errors)
    facts = {}
    elements = list(page.root.walk())
    by_tag = {}
    for element in elements:
        by_tag.setdefault(element.tag, []).append(element)

    html = by_tag.get("html", [])
    if len(html) != 1 or html[0].attrs.get("lang") != "en-GB":
        errors.append('the page needs <html lang="en-GB">')
    if not source.startswith("<!DOCTYPE html>"):
        errors.append("the page does not start with <!DOCTYPE html>")
    titles = by_tag.get("title", [])
    if len(titles) != 1 or not titles[0].all_text().strip():
        errors.append("the page needs one title with words in it")
    if not any(m.attrs.get("name") == "viewport" for m in by_tag.get("meta", [])):
        errors.append("the page has no viewport meta element for phones")

    # Headings: one h1, levels never skip.
    headings = [e for e in elements if re.fullmatch(r"h[1-6]", e.tag)]
    facts["headings"] = len(headings)
    if len(by_tag.get("h1", [])) != 1:
        errors.append(f"the page has {len(by_tag.get('h1', []))} h1 headings; it needs exactly one")
    previous = 0
    for heading in headings:
        level = int(heading.tag[1])
        if level > previous + 1:
            errors.append(f"heading level skips from h{previous} to h{level}: {heading.all_text().strip()[:40]!r}")
        if not heading.all_text().strip():
            errors.append(f"an empty {heading.tag}")
        previous = level

    # Landmarks.
    articles = by_tag.get("article", [])
    facts["documents"] = len(articles)
    for landmark in ("header", "main"):
        if len(by_tag.get(landmark, [])) != 1:
            errors.append(f"the page needs one <{landmark}> landmark")
    if len(articles) > 1 and len(by_tag.get("nav", [])) != 1:
        errors.append("a page of several documents needs a <nav> contents list")
    for article in articles:
        labelled = article.attrs.get("aria-labelledby")
        if not labelled:
            errors.append("a document's <article> has no aria-labelledby")

    # Ids and references.
    ids = {}
    for element in elements:
        if "id" in element.attrs:
            ident = element.attrs["id"]
            if ident in ids:
                errors.append(f"the id {ident!r} is used twice")
            ids[ident] = element
    for element in elements:
        for name in ("aria-describedby", "aria-labelledby"):
            for ident in element.attrs.get(name, "").split():
                if ident not in ids:
                    errors.append(f"{name}={ident!r} points at no element")
        if element.tag == "a":
            href = element.attrs.get("href", "")
            if not href.startswith("#"):
                errors.append(f"a link goes outside the page: {href!r}")
            elif href[1:] not in ids:
                errors.append(f"a link points at no element: {href!r}")
            if not element.all_text().strip():
                errors.append(f"a link has no text: {href!r}")

    # Marks: keyboard, a note, a text label, a visible number.
    marks = [e for e in by_tag.get("mark", [])]
    facts["marks"] = len(marks)
    for mark in marks:
        name = mark.attrs.get("id", "?")
        if mark.attrs.get("tabindex") != "0":
            errors.append(f"mark {name} cannot be reached with the keyboard (tabindex 0)")
        described = mark.attrs.get("aria-describedby", "")
        note = ids.get(described)
        if note is None or note.attrs.get("role") != "tooltip" or not note.all_text().strip():
            errors.append(f"mark {name} has no note with text (aria-describedby to a tooltip)")
        labels = [c for c in mark.walk() if "vh" in c.classes() and c.all_text().strip()]
        if not labels:
            errors.append(f"mark {name} has no text label for screen readers: colour would be its only signal")
        numbers = [c for c in mark.children if c.tag == "sup" and c.all_text().strip().isdigit()]
        if not numbers:
            errors.append(f"mark {name} has no visible number")

    # Reading-age badges say it in words.
    badges = [e for e in elements if "age" in e.classes()]
    facts["readingAges"] = len(badges)
    for badge in badges:
        text = badge.all_text().lower()
        if "reading age" not in text or not ("target" in text or "measure" in text):
            errors.append(f"a reading-age badge does not say it in words: {badge.all_text()!r}")

    # Tables.
    tables = by_tag.get("table", [])
    facts["tables"] = len(tables)
    for table in tables:
        if not any(c.tag == "caption" and c.all_text().strip() for c in table.children):
            errors.append("a table has no caption")
        for cell in table.walk():
            if cell.tag == "th" and cell.attrs.get("scope") not in ("col", "row"):
                errors.append(f"a table heading has no scope: {cell.all_text().strip()[:40]!r}")

    # Self-contained.
    for element in elements:
        if "src" in element.attrs:
            errors.append(f"<{element.tag}> loads {element.attrs['src']!r}: the page must need nothing else")
        if element.tag in ("link", "iframe", "object", "embed", "img", "video", "audio"):
            errors.append(f"the page has a <{element.tag}> element")
        for name in element.attrs:
            if name.startswith("on"):
                errors.append(f"<{element.tag}> has an event attribute {name}")
    scripts = by_tag.get("script", [])
    facts["scripts"] = len(scripts)
    if len(scripts) > 1:
        errors.append(f"the page has {len(scripts)} scripts; plainlint writes one")

    check_styles("".join(page.style), errors, facts)
    json.dump({"errors": errors, "facts": facts}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
