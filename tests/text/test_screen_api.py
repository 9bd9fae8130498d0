"""The public screening API: shapes, rule ids per pack, addressee, PII, modes, transcripts, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pydantic
import pytest
from typer.testing import CliRunner

from collectguard.cli.main import app
from collectguard.errors import DataFileError, UnknownRulePackError, ValidationError
from collectguard.text.lexicon import LexiconFile, _read, check_terms
from collectguard.text.lexicon_schema import ComboSpec
from collectguard.text.screen import Screener, screen
from collectguard.text.transcript import screen_transcript

CONTRACT_KEYS = ["category", "start", "end", "severity", "rule", "citation", "suggestion"]


def test_finding_dict_starts_with_the_contract_keys() -> None:
    result = screen("再不还钱就派人去你家")
    assert result.verdict == "block"
    d = result.to_dict()
    assert list(d["findings"][0])[:7] == CONTRACT_KEYS
    assert d["findings"][0]["rule"] == "cn.content.threat"
    assert d["rewrite"]


def test_each_pack_names_its_own_rule() -> None:
    result = Screener.load(("cn", "us-regf"), mode="rules").screen("再不还钱就派人去你家")
    rules = {f.rule for f in result.findings if f.category == "threat"}
    assert rules == {"cn.content.threat", "us.regf.violence"}
    us_only = screen("You'll go to jail", packs=("us-regf",))
    assert {f.rule for f in us_only.findings} >= {"us.regf.arrest_threat"}


def test_compliant_message_passes_with_no_rewrite() -> None:
    result = screen("您好，我是安信消费金融的李明，您的账单已逾期，可以为您申请分期还款。")
    assert result.verdict == "pass" and result.findings == () and "rewrite" not in result.to_dict()


def test_warn_only_categories_give_warn() -> None:
    assert screen("你这个老赖").verdict == "warn"


@pytest.mark.parametrize(
    ("to", "verdict"),
    [
        ("borrower", "pass"),
        ("guarantor", "pass"),
        ("emergency_contact", "block"),
        ("third_party", "block"),
        ("staff", "pass"),
    ],
)
def test_addressee_decides_whether_the_debt_may_be_mentioned(to: str, verdict: str) -> None:
    assert screen("您的借款已逾期30天，请尽快处理。", to=to).verdict == verdict


def test_a_memo_to_a_colleague_names_the_debt_but_may_not_order_a_violation() -> None:
    """A QA desk screens its own memos: naming the debt to a colleague discloses nothing, but an
    instruction to tell the borrower's employer, or a full ID number, is still a finding."""
    memo = "本周跟进：张伟账户逾期45天，欠款两万，请按话术提醒，勿在晚上九点后外呼。"
    assert screen(memo, to="staff").verdict == "pass"
    assert screen(memo, to="third_party").verdict == "block"
    order = {f.category for f in screen("给张伟单位打个电话，告诉他们领导他欠钱不还。", to="staff").findings}
    assert "third_party_disclosure" in order or "contact_third_party" in order
    id_number = {f.category for f in screen("张伟身份证110101199003071233，请核对", to="staff").findings}
    assert id_number == {"privacy_exposure"}
    # lines a colleague is to say to a relative are screened as said to the relative
    script = screen("联系王强的妻子，告诉她王强欠我们五万，让她帮忙还。", to="staff")
    assert script.verdict == "block" and "third_party_disclosure" in {f.category for f in script.findings}


def test_a_call_transcript_is_never_with_staff() -> None:
    with pytest.raises(ValidationError, match="not staff"):
        screen_transcript(Screener.load(mode="rules"), [{"speaker": "collector", "text": "你好"}], to="staff")


def test_borrower_pii_to_someone_else_is_privacy_exposure() -> None:
    text = "张三的身份证号110101199003071233，手机13812345678"
    third = screen(text, to="emergency_contact")
    spans = {(f.evidence, f.source) for f in third.findings if f.category == "privacy_exposure"}
    assert ("110101199003071233", "pii") in spans and ("13812345678", "pii") in spans
    # to the borrower the phone number is theirs to read, but an ID number in full is more than
    # any message needs (cn.content.privacy: "any PII beyond what the message needs")
    own = {f.evidence for f in screen(text).findings if f.category == "privacy_exposure"}
    assert own == {"110101199003071233"}


def test_a_card_to_pay_into_is_not_the_borrowers_data() -> None:
    found = {f.category for f in screen("请转到以下账户：户名张伟，卡号6222021203014567894。").findings}
    assert "improper_payment_channel" in found and "privacy_exposure" not in found


def test_service_numbers_are_not_personal() -> None:
    result = screen("请让他回电400-820-1234", to="emergency_contact")
    assert not any(f.source == "pii" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "你好，你是胡斌的同事吧？麻烦你让他给我回个电话。",
        "村长您好，帮忙找一下刘家老三，让他跟我们公司联系。",
        "Hi Mrs Duffy, could you ask Patrick to call me back today?",
    ],
)
def test_a_relay_request_to_an_undesignated_person_is_a_contact_under_cn(text: str) -> None:
    """cn forbids any contact with a person the borrower never designated; Regulation F allows a location call."""
    third = screen(text, to="third_party")
    relay = [f for f in third.findings if f.source == "relay"]
    assert relay and {f.rule for f in relay} == {"cn.third_party.unrelated"}
    assert all(f.category == "contact_third_party" for f in relay)
    assert "不要发送" in relay[0].suggestion or "Do not send" in relay[0].suggestion
    assert not any(f.source == "relay" for f in screen(text, to="emergency_contact").findings)
    assert not any(f.source == "relay" for f in screen(text, to="third_party", packs=("us-regf",)).findings)


@pytest.mark.parametrize(
    "text",
    ["您好，请问是刘先生本人吗？如果不是，打扰了。", "不好意思打错了，我们不会再联系他，也不会再打扰您。"],
)
def test_a_wrong_number_apology_to_a_third_party_passes(text: str) -> None:
    assert screen(text, to="third_party").verdict == "pass"


def test_rules_mode_and_bad_arguments() -> None:
    with pytest.raises(ValidationError):
        Screener.load(("cn",), mode="magic")
    with pytest.raises(UnknownRulePackError):
        Screener.load(("nope",))
    with pytest.raises(ValidationError):
        screen("你好", to="boss")
    with pytest.raises(ValidationError, match="is not one of"):
        screen("你好", to=["borrower"])  # type: ignore[arg-type]


def test_broken_lexicon_file_names_file_and_field() -> None:
    path = Path(__file__).parent / "data" / "screen_broken" / "threat.yaml"
    with pytest.raises(DataFileError, match=r"threat.yaml.*severity"):
        _read(path, LexiconFile)


def test_a_lexicon_file_listing_a_term_twice_is_refused() -> None:
    spec = LexiconFile.model_validate(
        {
            "category": "threat",
            "lang": "zh",
            "severity": "block",
            "citation": "x",
            "terms": ["上门", "給你們", "给你们"],
        }
    )
    with pytest.raises(DataFileError, match=r"zh/threat.yaml: field terms: '给你们' repeats '給你們'"):
        check_terms(spec, "zh/threat.yaml")
    # an English word with its boundary lifted is another term (bitch+ also matches bitches)
    check_terms(spec.model_copy(update={"lang": "en", "terms": ("bitch", "bitch+")}), "en/insult.yaml")


@pytest.mark.parametrize(
    ("combo", "message"),
    [
        ({"groups": [["a"], ["b"], ["c"]], "window": 9, "need": 2}, "names its gate"),
        ({"groups": [["a"], ["b"]], "window": 9, "need": 3, "gate": 0}, "need 3 but only 2 groups"),
        ({"groups": [["a"], ["b"]], "window": 9, "need": 2, "unless": ["b c"]}, "has no last group"),
    ],
)
def test_a_frame_names_its_gate_and_needs_no_more_groups_than_it_has(combo: dict, message: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        ComboSpec(**combo)


def test_a_frame_matches_its_parts_in_any_order_but_not_one_part_inside_another() -> None:
    """The family, the school gate, "we know" and a veiled warning, in any order and across a full stop."""
    one = screen("我们的人天天在学校门口。你儿子挺好的吧，你懂的。")
    other = screen("你儿子挺好的吧？学校门口我们的人天天都在，好好想想。")
    assert "threat" in {f.category for f in one.findings} and "threat" in {f.category for f in other.findings}
    assert screen("您说别再打电话了，我们已登记，以后只寄书面通知。").verdict == "pass"
    threat = next(f for f in one.findings if f.category == "threat")
    assert (
        threat.source == "frame" and "你儿子" in threat.explanation_zh and "我们的人" in threat.explanation_zh
    )


def test_transcript_screens_collector_turns_only() -> None:
    turns = {
        "turns": [
            {"speaker": "collector", "text": "您好，我是李明。"},
            {"speaker": "borrower", "text": "你再打我就去死，我也要爆你通讯录"},
            {"speaker": "collector", "text": "再不还钱就派人去你家", "at": "2026-11-28T10:00:00+08:00"},
        ]
    }
    result = screen_transcript(Screener.load(mode="rules"), turns)
    assert result.verdict == "block"
    assert [t.turn for t in result.turns] == [2]
    assert result.to_dict()["turns"][0]["at"] == "2026-11-28T10:00:00+08:00"
    with pytest.raises(ValidationError, match=r"turns\[0\]\.text"):
        screen_transcript(Screener.load(mode="rules"), [{"speaker": "collector"}])


def test_cli_jsonl_contract_and_misuse(tmp_path: Path) -> None:
    runner = CliRunner()
    lines = '{"id": "a", "text": "We will not contact your employer."}\n{"id": "b", "text": "Pay or go to jail"}\nnot json\n'
    out = runner.invoke(app, ["screen", "--jsonl"], input=lines)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", None]
    assert rows[0]["verdict"] == "pass" and rows[1]["verdict"] == "block" and "error" in rows[2]
    assert out.exit_code == 1
    assert runner.invoke(app, ["screen"]).exit_code == 2
    assert runner.invoke(app, ["screen", "x", "--to", "boss"]).exit_code == 2
    assert runner.invoke(app, ["screen", "x", "--pack", "nope"]).exit_code == 2
    bad = tmp_path / "t.json"
    bad.write_text('{"turns": [{"speaker": "collector"}]}', encoding="utf-8")
    assert runner.invoke(app, ["screen", "--transcript", str(bad)]).exit_code == 2


def test_cli_renders_findings_and_rewrite() -> None:
    out = CliRunner().invoke(app, ["screen", "再不还钱就派人去你家，你个老赖"])
    assert out.exit_code == 0
    assert "cn.content.threat" in out.stdout and "cn.content.insult" in out.stdout
    assert "suggested rewrite" in out.stdout


def _cn_with(model: Any, mode: str = "rules+model") -> Screener:
    """A cn screener holding ``model`` in place of the shipped ones."""
    from collectguard.policy.pack import load_pack
    from collectguard.text.lexicon import load_lexicon

    return Screener(load_lexicon(), [load_pack("cn")], mode=mode, model=model)


def _latin(
    weights: dict[str, float], categories: dict[str, tuple[float, dict[str, float]]], **options: Any
) -> Any:
    """An English review model as the tests need it: judges messages of 20 Latin letters or more,
    flags a score of 0.5; character 3-5-grams unless ``options`` say otherwise."""
    from collectguard.text.ngram_model import build

    settings: dict[str, Any] = {"sizes": (3, 5), **options}
    return build(weights, threshold=0.5, script="latin", min_chars=20, categories=categories, **settings)


def test_model_findings_name_the_rule_and_the_ngrams_and_rules_mode_turns_them_off() -> None:
    from collectguard.text.ngram_model import build

    model = build(
        {"走夜路": 3.0, "多保重": 2.5, "您好": -4.0},
        threshold=1.0,
        categories={"threat": (0.0, {"夜路": 1.0}), "insult": (0.0, {"保重": -1.0})},
    )
    text = "最近走夜路多保重哦"
    with_model = _cn_with(model).screen(text)
    found = [f for f in with_model.findings if f.source == "model"]
    assert found and found[0].category == "threat" and found[0].rule == "cn.content.threat"
    assert (
        found[0].severity == "warn" and with_model.verdict == "warn"
    )  # a guess asks for review, never blocks
    assert "走夜路" in found[0].explanation_zh and "复核" in found[0].explanation_zh
    assert found[0].evidence in text and "走夜路" in found[0].evidence
    # a lawful greeting weighs against: the same words under 您好 stay below the threshold
    polite = _cn_with(model).screen("您好，最近走夜路多保重")
    assert polite.verdict == "pass"
    rules_only = _cn_with(model, mode="rules").screen(text)
    assert not any(f.source == "model" for f in rules_only.findings)


def test_a_model_phrase_across_a_sentence_end_points_into_its_sentence() -> None:
    from collectguard.text.ngram_model import build

    # 这样 and 样。明 merge into one phrase that starts in one sentence and ends in the next
    model = build({"这样": 5.0, "样。明": 5.0}, threshold=0.5, categories={"threat": (0.0, {})})
    text = "今天先这样。明天再说吧"
    result = _cn_with(model).screen(text)
    found = [f for f in result.findings if f.source == "model"]
    assert found and found[0].evidence and found[0].evidence in text
    assert found[0].start < found[0].end <= len(text)


def test_each_message_is_judged_by_the_model_of_its_script() -> None:
    from collectguard.text.ngram_model import ModelSet, build

    zh = build({"走夜路": 9.0}, threshold=0.5, script="cjk", min_chars=8, categories={"threat": (0.0, {})})
    en = _latin({"dark alley": 9.0}, {"insult": (0.0, {})})
    models = ModelSet((en, zh))
    assert [f[0] for f in models.findings("最近晚上走夜路要小心啊", [])] == ["threat"]
    assert [f[0] for f in models.findings("watch out in that dark alley tonight", [])] == ["insult"]
    assert models.findings("走夜路小心", []) == []  # too short to judge
    assert models.findings("dark alley", []) == []
    # the English model never reads Chinese, whatever English words it holds
    assert models.findings("你在dark alley附近走夜路", []) == []


def test_english_model_findings_show_whole_words() -> None:
    en = _latin({"onda": 9.0}, {"threat": (0.0, {})})
    (finding,) = en.findings("we will see you at home on monday night", [])
    assert finding[4] == "monday"  # the phrase that weighed most, widened to its word


def test_a_word_model_scores_word_ngrams_and_shows_the_words() -> None:
    from collectguard.text.ngram_model import word_ngrams

    assert word_ngrams("we'll see you, at home", (1, 2)) == [
        "we'll", "see", "you", "at", "home", "we'll see", "see you", "you at", "at home",
    ]  # fmt: skip
    en = _latin(
        {"at home": 9.0, "home": -2.0, "monday": 3.0},
        {"threat": (0.0, {"at home": 1.0}), "insult": (0.0, {"monday": 1.0})},
        unit="word",
        sizes=(1, 2),
    )
    text = "we will see you at home on monday night"
    (finding,) = en.findings(text, [])
    assert finding[0] == "threat" and finding[4] == "at home、monday"
    assert text[finding[1] : finding[2]] == "at home on monday"
    # a word is not a part of another: "athome" and "homes" weigh nothing
    assert en.score("we will see you athome on sunday, homes") == 0.0
    assert en.findings("see you soon at the office on friday", []) == []


def test_a_word_model_shows_no_two_letter_words() -> None:
    en = _latin({"it": 9.0, "office": 2.0}, {"threat": (0.0, {})}, unit="word", sizes=(1, 1))
    (finding,) = en.findings("funny how word gets around the office, isn't it", [])
    assert finding[4] == "office"


def test_an_ngram_counts_once_however_often_it_occurs() -> None:
    from collectguard.text.ngram_model import build

    char = build({"走夜路": 1.0}, threshold=0.5, shortest=1, categories={"threat": (0.0, {})})
    once, twice = char.score("走夜路小心"), char.score("走夜路走夜路")
    assert once > 0 and twice < once  # the same n-gram again adds nothing; the longer text scales down
    word = build(
        {"pay": 1.0}, threshold=0.5, unit="word", sizes=(1, 1), shortest=1, categories={"threat": (0.0, {})}
    )
    assert word.score("pay pay pay pay") == word.score("pay now please now") == 0.5


@pytest.mark.parametrize(
    ("to", "verdict"), [("guarantor", "pass"), ("borrower", "warn"), ("emergency_contact", "warn")]
)
def test_the_model_never_names_a_category_the_addressee_cannot_fall_under(to: str, verdict: str) -> None:
    """Asking a guarantor to pay is lawful: the rules drop that finding, and the model may not bring it back."""
    from collectguard.text.ngram_model import build

    model = build({"一部分": 9.0}, threshold=0.5, categories={"demand_from_third_party": (0.0, {})})
    screener = _cn_with(model)
    assert screener.screen("李女士联系不上，麻烦您先准备一部分吧", to=to).verdict == verdict


def test_emoji_and_curly_quotes_do_not_take_an_english_message_from_its_model() -> None:
    from collectguard.text.ngram_model import ModelSet, build
    from collectguard.text.normalize import normalize_text

    en = _latin({"buzz": 9.0}, {"harassment": (0.0, {})})
    zh = build({"走夜路": 9.0}, threshold=0.5, script="cjk", min_chars=8, categories={"threat": (0.0, {})})
    models = ModelSet((en, zh))
    plain = "Hope you sleep well with your phone buzzing all night"
    for text in (plain, plain + " 😘👋📱🌙🌙🌙🌙🌙", plain.replace("you", "you’re") + " — £5"):
        s = normalize_text(text)[0]
        assert [f[0] for f in models.findings(s, [])] == ["harassment"], text


def test_blank_runs_are_not_a_violation() -> None:
    """Runs of spaces (once learnt from spaced-out evasions) weigh nothing in the shipped models."""
    assert screen(" " * 40).verdict == "pass"
    assert screen("Hi," + " " * 60 + "please call us back.", packs=("us-regf",)).verdict == "pass"
    assert screen("您好，" + " " * 60 + "请回电。").verdict == "pass"


def test_the_model_stays_silent_where_the_rules_found_something() -> None:
    from collectguard.text.ngram_model import build

    model = build({"老赖": 9.0}, threshold=1.0, categories={"threat": (0.0, {})})
    result = _cn_with(model).screen("你个老赖")
    assert {f.source for f in result.findings} == {"lexicon"}


def test_a_model_phrase_across_a_sentence_end_still_makes_a_finding() -> None:
    from collectguard.text.ngram_model import build

    model = build({"吧?叫": 9.0}, threshold=1.0, categories={"threat": (0.0, {})})
    result = _cn_with(model).screen("今天方便吧？叫上家里人一起商量")
    assert [f.source for f in result.findings] == ["model"]


def _trainer() -> Any:
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "train_ngram", root / "corpora" / "screening" / "train_ngram.py"
    )
    assert spec and spec.loader
    trainer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = trainer  # its dataclasses look their module up there
    spec.loader.exec_module(trainer)
    return trainer


def test_the_screener_budget_leaves_the_model_only_what_the_rules_do_not_spend() -> None:
    trainer = _trainer()
    # 100 compliant messages of which the rules flag one: a 3% budget leaves the model two more
    compliant = [("w", False, score / 100, False, False) for score in range(99)]
    compliant.append(("w", False, 0.5, False, True))
    limit = trainer.threshold(compliant, "screener")
    assert limit == 0.97
    assert sum(trainer._flags(x, limit) for x in compliant) == 3  # the rules' one, the model's 0.97 and 0.98
    # the rules alone spend the whole budget: no score the model can reach flags anything more
    spent = [("w", False, score / 100, False, score < 4) for score in range(100)]
    assert not any(trainer._flags(x, trainer.threshold(spent, "screener")) for x in spent if not x[4])
    # the model's own budget ignores the rules: 3 of 100 compliant scores above its threshold
    assert sum(x[2] >= trainer.threshold(spent, "model") for x in spent) == 3


def test_the_shipped_model_was_trained_on_the_development_parts_as_they_are() -> None:
    """A stale model file (a development part changed since training) fails here: retrain it."""
    root = Path(__file__).resolve().parents[2]
    trainer = _trainer()
    for lang in trainer.RECIPES:
        rows = trainer.development_rows(lang)
        assert rows and not {r["split"] for r in rows} & trainer.HELD_OUT
        path = root / "src" / "collectguard" / "data" / "lexicons" / f"ngram_model.{lang}.json"
        shipped = json.loads(path.read_text(encoding="utf-8"))
        assert shipped["digest"] == trainer.digest(rows), f"retrain: train_ngram.py --lang {lang}"


def test_rewrite_replaces_only_the_violating_sentence() -> None:
    result = screen(
        "Mr. Smith, your balance is $380. If you don't pay, we will call your boss.", packs=("us-regf",)
    )
    assert {f.category for f in result.findings} == {"contact_third_party", "threat"}
    assert result.rewrite.startswith("Mr. Smith, your balance is $380.")
    assert "boss" not in result.rewrite and "$380" in result.rewrite


def test_screening_core_imports_no_edge_or_infrastructure() -> None:
    import subprocess
    import sys

    code = (
        "import sys, collectguard.text.screen, collectguard.text.transcript;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('sqlalchemy','fastapi','dask')"
        " or m.startswith(('collectguard.cli','collectguard.store','collectguard.api','collectguard.audit'))];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_single_pack_name_is_accepted_as_a_string() -> None:
    assert {f.rule for f in screen("你个老赖", packs="cn").findings} == {"cn.content.insult"}  # type: ignore[arg-type]


def test_every_category_has_a_lexicon_a_rewrite_and_a_cn_rule_in_both_languages() -> None:
    from collectguard.policy.pack import load_pack
    from collectguard.text.lexicon import CATEGORIES, load_lexicon
    from collectguard.text.rewrite import load_rewriter

    entries = load_lexicon().entries
    rewriter = load_rewriter()
    cn = load_pack("cn")
    for category in CATEGORIES:
        for lang in ("zh", "en"):
            assert any(e.category == category and e.lang == lang for e in entries), (category, lang)
            assert rewriter.suggest(category, "x", lang), (category, lang)
        assert cn.content_rule(category) is not None, category


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        ("您欠款3200元，另外结案服务费500元请转我个人微信", "zh", "3200元"),
        ("结案服务费500元请今天转我个人微信", "zh", "欠款"),
        ("Your balance is $380; there is a $75 processing fee.", "en", "$380"),
    ],
)
def test_rewrite_never_takes_a_fee_for_the_debt(text: str, lang: str, amount: str) -> None:
    from collectguard.text.rewrite import load_rewriter

    assert load_rewriter().values(text, lang)["amount"] == amount


def test_a_combo_gate_beyond_its_groups_names_the_entry(tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    path = folder / "threat.yaml"
    path.write_text(
        "category: threat\nlang: zh\nseverity: block\ncitation: x\n"
        "combos:\n  - groups: [[再不还], [上门]]\n    window: 9\n    gate: 2\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"threat.yaml: entry combos\[0\].*gate 2 but only 2 groups"):
        _read(path, LexiconFile)


def test_a_model_file_naming_an_unknown_category_is_refused_with_its_field(tmp_path: Path) -> None:
    import json

    from collectguard.datafile import load_validated
    from collectguard.text.ngram_model import _ModelFile

    model = {
        "version": "1",
        "trained_on": "a test",
        "digest": "0",
        "threshold": 0.5,
        "script": "cjk",
        "sizes": [2, 4],
        "min_chars": 8,
        "shortest": 60,
        "intercept": 0.0,
        "weights": {"走夜路": 1.0},
        "categories": {"thraet": {"intercept": 0.0, "weights": {}}},
    }
    path = tmp_path / "ngram_model.zh.json"
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFileError, match="thraet"):
        load_validated(path, _ModelFile)
