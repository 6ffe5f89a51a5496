"""Renderers of an `Answer`: one module per output (chat HTML, Markdown, Word, CLI text, JSON), all reading
the same structure, and `references` for how each language writes where a quote stands."""
