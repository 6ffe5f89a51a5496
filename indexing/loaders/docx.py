"""Word (.docx, python-docx): body paragraphs and table rows in document order, as one unnumbered page."""
from __future__ import annotations

import io
from pathlib import Path

from ..models import Page
from .errors import LoadError, brief
from .registry import Extracted
from .txt import normalise_newlines


def load_docx(path: Path, data: bytes, *, max_pages: int) -> Extracted:
    """Body paragraphs and table rows in document order; a Title/Heading-styled paragraph is the title."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable DOCX: {brief(exc)}") from exc
    blocks: list[str] = []
    title = ""
    try:
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = item.text.strip()
                if not text:
                    continue
                style = (item.style.name if item.style is not None else "") or ""
                if not title and len(blocks) < 20 and style.startswith(("Title", "Heading")):
                    title = text
                blocks.append(text)
            elif isinstance(item, Table):
                blocks.extend(_table_rows(item))
        core_title = (document.core_properties.title or "").strip()
    except Exception as exc:
        raise LoadError(path, f"corrupt or unreadable DOCX: {brief(exc)}") from exc
    return Extracted((Page(None, normalise_newlines("\n\n".join(blocks))),), core_title or title)


def _table_rows(table) -> list[str]:
    """One line per row, cells joined by ' | '; a merged cell is reported once per row."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # merged cells repeat the same XML element
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(" | ".join(cells))
    return rows
