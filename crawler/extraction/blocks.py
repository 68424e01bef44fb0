"""Turn trafilatura's XML body into text lines that remember their element kind and links."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from trafilatura.xml import xmltotxt

from .textnorm import word_weight

# trafilatura's output elements that hold running text; anything else counts as "other".
_TEXT_KINDS = {"p", "head", "item", "quote", "table", "code", "list"}


@dataclass
class Line:
    """One output line with what the filter needs to judge it."""

    text: str
    kind: str  # p | head | item | quote | table | code | other
    link_chars: int = 0

    @property
    def link_density(self) -> float:
        """Share of the line's characters that are link text."""
        return self.link_chars / len(self.text) if self.text else 0.0


def lines_weight(lines: list[Line]) -> float:
    """Rough word count of all the lines (see ``textnorm.word_weight``)."""
    return sum(word_weight(line.text) for line in lines)


def _link_texts(elem: etree._Element) -> list[str]:
    texts = []
    for ref in elem.iter("ref"):
        text = " ".join("".join(ref.itertext()).split())
        if text:
            texts.append(text)
    return texts


def _lines_of(elem: etree._Element, kind: str) -> list[Line]:
    links = _link_texts(elem)
    etree.strip_tags(elem, "ref")
    tail, elem.tail = elem.tail, None
    rendered = xmltotxt(elem, False)
    elem.tail = tail
    out = []
    for raw in rendered.split("\n"):
        text = raw.strip()
        if not text:
            continue
        squeezed = " ".join(text.split())
        link_chars = sum(len(t) for t in links if t in squeezed)
        out.append(Line(text, kind, min(link_chars, len(squeezed))))
    return out


_LAYOUT_CELL_CHARS = 200  # a cell this long holds running text
_LAYOUT_MAX_CELLS = 6  # more cells than this make a grid: data


_HEADINGS = {"head"}


def _is_layout_table(table: etree._Element) -> bool:
    """Old CMSs lay whole pages out in tables; trafilatura keeps them as tables (rows of "| a | b |").

    A table with a heading inside a cell, or a handful of cells one of which holds a whole story, lays
    out a page. A grid of many cells is data, however long some of its cells are (Wikipedia lists).
    """
    cells = list(table.iter("cell"))
    if any(child.tag in _HEADINGS for cell in cells for child in cell):
        return True
    return len(cells) <= _LAYOUT_MAX_CELLS and any(
        len(" ".join("".join(cell.itertext()).split())) > _LAYOUT_CELL_CHARS for cell in cells)


def body_lines(body: etree._Element) -> list[Line]:
    """Lines of the extracted body in reading order; list items become lines of kind "item"."""
    lines: list[Line] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            for item in child:
                lines.extend(_lines_of(item, "item"))
            if child.tail and child.tail.strip():
                lines.append(Line(child.tail.strip(), "p"))
        elif tag == "table" and _is_layout_table(child):
            for cell in list(child.iter("cell")):  # each cell is read like a page body of its own
                lines.extend(body_lines(cell))
            if child.tail and child.tail.strip():
                lines.append(Line(child.tail.strip(), "p"))
        else:
            lines.extend(_lines_of(child, tag if tag in _TEXT_KINDS else "other"))
            if child.tail and child.tail.strip():
                lines.append(Line(child.tail.strip(), "p"))
    if body.text and body.text.strip():
        lines.insert(0, Line(body.text.strip(), "p"))
    return lines
