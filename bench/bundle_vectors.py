"""Write the second dense model's vectors of the bundled documents to corpus/vectors/ (see chunk_vectors.py).

    python bench/bundle_vectors.py        # after a chunker change, so fresh installs need not embed them

Indexes the bundled corpus with the default settings (the data folder's cache is reused) and keeps exactly the
rows of its chunks, in chunk order.
"""
from __future__ import annotations

import logging
import numpy as np

from assistant import Assistant
from indexing.chunk_vectors import bundled_path, chunk_key, chunk_vectors
from indexing.config import Settings


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    settings = Settings()
    model = settings.retrieval.second_dense_model
    if not model:
        raise SystemExit("no second dense model is set")
    assistant = Assistant(settings)
    assistant.index(show_progress=True)
    chunks = [c for c in assistant.retriever.chunks if (settings.corpus_dir / c.file_name).exists()]
    matrix = chunk_vectors(settings, model, chunks)
    out = bundled_path(model)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, keys=np.array([chunk_key(c) for c in chunks]), vectors=matrix)
    print(f"{out}: {len(chunks)} rows, {out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
