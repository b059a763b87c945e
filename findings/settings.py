"""Settings shared by the CLI, the app and the benchmarks (environment prefix `FINDINGS_`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from findings.errors import ConfigError
from findings.sources import ENV_FILE, ENV_PREFIX
from findings.sources import cache_dir as cache_dir  # re-exported: its home was here

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"
BUNDLED_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# FINDINGS_LLM's providers: LangChain's standard chat-model integrations (retrieval/llm.py)
LLM_PROVIDERS = ("openai", "ollama")


def offline_environment() -> None:
    """Make sure nothing we load reaches for the internet (model hubs, Chroma telemetry)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Settings(BaseSettings):
    """Every knob, each settable as FINDINGS_<NAME> or in a `.env` file."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=ENV_FILE, extra="ignore")

    store: Path = Field(Path(".findings/store"), description="Embedded Chroma store folder.")
    chroma_url: str | None = Field(None, description="Chroma server URL; overrides `store`.")
    chroma_headers: dict[str, str] = Field(
        default_factory=dict,
        description="HTTP headers for every request to the Chroma server, as JSON "
        '(`{"Authorization": "Bearer ..."}`), for a server behind an authenticating proxy.',
    )
    admins: str = Field(
        "",
        description="With login on: comma-separated e-mail addresses of the users who may "
        "upload reports and see the store's location.",
    )
    embedding_model: str = Field(
        BUNDLED_MODEL, description="Sentence-transformers model name or path; default bundled."
    )
    query_adapter: bool = Field(
        True,
        description="Move each question's embedding by the small map fitted on tuning questions "
        "(retrieval/adapter.py) before dense search; bundled model only.",
    )
    device: str = Field("auto", description="auto (CUDA when present), cpu, cuda, mps.")
    batch_size: int = Field(64, ge=1, le=4096, description="Embedding batch size.")
    ingest_group: int = Field(
        512, ge=1, description="Paragraphs embedded and committed together when ingesting."
    )
    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are refused.")
    max_upload_files: int = Field(
        50, ge=1, description="Files taken per upload in the app (the rest are refused)."
    )
    pdf_timeout_s: float = Field(60.0, gt=0, description="Time limit for reading one PDF.")
    parse_timeout_s: float = Field(
        60.0,
        gt=0,
        description="Time limit for reading and parsing one file of any format (a PDF gets "
        "pdf_timeout_s on top, for its text extraction).",
    )
    lock_timeout_s: float = Field(5.0, ge=0, description="How long a writer waits for the lock.")
    cache_dir: Path | None = Field(
        None,
        description="Cache folder (ONNX query encoder, corpus index); default ~/.cache/findings.",
    )
    top_k: int = Field(8, ge=1, le=100, description="Paragraphs retrieved per question.")
    area: str | None = Field(
        None,
        description='Your own area: a question that names no area ("What did they say about our '
        'planning?") is asked of its reports. A question naming an area, or an area or report '
        "filter, is asked as it is.",
    )
    llm: str | None = Field(
        None,
        description="The LLM answer mode's chat model: `openai:<model>` (any OpenAI-compatible "
        "endpoint: OPENAI_BASE_URL, OPENAI_API_KEY) or `ollama:<model>` (OLLAMA_HOST); unset: "
        "the offline extractive mode.",
    )
    llm_timeout_s: float = Field(
        60.0, gt=0, description="Time limit for one LLM reply; then the extractive answer."
    )
    prompts_dir: Path | None = Field(
        None, description="Folder of the LLM mode's prompt files; default the project's prompts/."
    )

    @field_validator("llm")
    @classmethod
    def _llm_spec(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        provider, sep, model = value.strip().partition(":")
        if not sep or provider not in LLM_PROVIDERS or not model.strip():
            raise ValueError(
                f"{value!r} is not `openai:<model>` (an OpenAI-compatible endpoint) or "
                "`ollama:<model>`, e.g. `openai:gpt-4o-mini` or `ollama:gemma3:270m`"
            )
        return value.strip()

    @property
    def admin_emails(self) -> frozenset[str]:
        return frozenset(e.strip().lower() for e in self.admins.split(",") if e.strip())

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def get_settings(**overrides) -> Settings:
    """Read settings from the environment now (cheap), with explicit overrides on top.
    Raises ConfigError naming the first setting whose value cannot be used."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "FINDINGS_" + str(err["loc"][0]).upper() if err["loc"] else "FINDINGS_*"
        raise ConfigError(f"{name}: {err['msg']}. Fix or unset it.") from None
