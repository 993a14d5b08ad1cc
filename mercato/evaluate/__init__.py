"""How well and how fast extraction works: measured against gold, trained on it, timed.

- ``gold.py``: the gold set (annotated articles in the dev-articles schema);
- ``score.py``: extraction scored against the gold annotations (``mercato eval``);
- ``train.py``: the extractor's decisions trained on gold articles and cross-validated by
  outlet (``mercato train``, ``mercato eval --cv``);
- ``bench.py``: extraction speed on one core beside spaCy's, and peak memory (``mercato bench``).

Tools around the extractor, not a stage of the pipeline: nothing in the pipeline imports them.
"""
