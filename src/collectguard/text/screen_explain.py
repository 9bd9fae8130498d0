"""How a finding explains itself, and how overlapping hits of one category become one finding."""

from __future__ import annotations

from collections.abc import Callable, Collection

from collectguard.policy.schema import ContentRule

__all__ = ["merge_spans", "why_en", "why_zh"]


def merge_spans(
    spans: Collection[tuple[str, int, int]],
    strong: Callable[[tuple[str, int, int]], bool] = lambda key: False,
) -> list[tuple[tuple[str, int, int], tuple[str, int, int]]]:
    """Within a category, overlapping spans become one (我是法院 + 法院执行局 → 我是法院执行局).

    Returns (merged span, the original key whose source and detail it keeps): the first, unless a
    later one is ``strong`` and the first is not (a blocking ID number inside a model's warning
    keeps its block).
    """
    ordered = sorted(spans, key=lambda k: (k[0], k[1], -k[2]))
    merged: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = []
    for key in ordered:
        if merged:
            (cat, a, b), first = merged[-1]
            if cat == key[0] and key[1] < b:
                kept = key if strong(key) and not strong(first) else first
                merged[-1] = ((cat, a, max(b, key[2])), kept)
                continue
        merged.append((key, key))
    return merged


def why_zh(evidence: str, source: str, detail: str, rule: ContentRule) -> str:
    if source == "context":
        return f"「{evidence}」：收信人不是借款人本人或担保人。{rule.message_zh}"
    if source == "frame":
        return f"「{detail}」几处合在一起：{rule.message_zh}"
    if source == "repetition":
        if detail.isdigit():
            return f"「{evidence}」：同一句话连发 {detail} 次，是以重复施压。{rule.message_zh}"
        return f"「{evidence}」：向对方数出联系的次数，是以重复施压。{rule.message_zh}"
    if source == "relay":
        return (
            f"「{evidence}」：收信人不是借款人指定的联系人，请他找人、叫人或转告也是联系他。{rule.message_zh}"
        )
    if source == "pii":
        return f"「{evidence}」是个人信息（{detail}），不应发给借款人以外的人。{rule.message_zh}"
    if source == "model":
        return f"「{evidence}」读起来像违规措辞（模型判断，权重最大的片段：{detail}），请人工复核后再发。{rule.message_zh}"
    return f"「{evidence}」：{rule.message_zh}"


def why_en(evidence: str, source: str, detail: str, rule: ContentRule) -> str:
    if source == "context":
        return f'"{evidence}": the recipient is not the borrower or a guarantor. {rule.message_en}'
    if source == "frame":
        return f'"{detail}" together: {rule.message_en}'
    if source == "repetition":
        if detail.isdigit():
            return f'"{evidence}": the same words sent {detail} times press by repetition. {rule.message_en}'
        return (
            f'"{evidence}": counting out the contacts to the reader presses by repetition. {rule.message_en}'
        )
    if source == "relay":
        return f'"{evidence}": the recipient is not a contact the borrower designated; asking them to find or pass on a message contacts them. {rule.message_en}'
    if source == "pii":
        return f'"{evidence}" is personal data ({detail}) sent to someone other than the borrower. {rule.message_en}'
    if source == "model":
        return f'"{evidence}" reads like a violation (a model\'s judgement; weighed most: {detail}); review it before sending. {rule.message_en}'
    return f'"{evidence}": {rule.message_en}'
