"""What a stack's totals mean, in sentences both faces show: what was stacked, how much of it
counted, what is not yet proven, what was counted once and what was left out."""

from __future__ import annotations

from wallet.app.stacks import (
    CountedCredential,
    LeftOut,
    LeftOutReason,
    StackScope,
    StackSelection,
    StackTotals,
    Standing,
)
from wallet.translation import Sentence, current_language, grouped, tr, tr_n


def amount_text(value: float) -> str:
    """Credits or hours the reader's way: ``2,5`` and ``1 200`` in Czech, ``2.5`` and
    ``1,200`` in English; ``4``, not ``4.0``."""
    whole, _, fraction = f"{round(value, 2):.12g}".partition(".")
    sign = "," if current_language() == "cs" else "."
    return grouped(int(whole)) + (sign + fraction if fraction else "")


def level_label(level: int | None) -> str:
    return tr("EQF {level}", level=level) if level is not None else tr("no EQF level stated")


def name_label(name: str | None) -> str:
    return name if name is not None else tr("not stated")


def scope_sentence(selection: StackSelection, selected: int) -> Sentence:
    """What was stacked and how many stored credentials that is."""
    if selection.scope is StackScope.COLLECTION:
        return tr_n("Stacked: the collection “{name}”, {n} credential.",
                    "Stacked: the collection “{name}”, {n} credentials.", selected,
                    name=selection.name)
    if selection.scope is StackScope.TAG:
        return tr_n("Stacked: the credentials tagged “{name}”, {n} credential.",
                    "Stacked: the credentials tagged “{name}”, {n} credentials.", selected,
                    name=selection.name)
    if selection.scope is StackScope.CHOSEN:
        return tr_n("Stacked: the {n} chosen credential.", "Stacked: the {n} chosen credentials.",
                    selected)
    return tr_n("Stacked: the whole wallet, {n} credential.",
                "Stacked: the whole wallet, {n} credentials.", selected)


def summary_sentences(totals: StackTotals) -> list[Sentence]:
    """How much counted, and which part of it is not proven yet."""
    total = totals.total
    lines = [tr_n("{n} credential counted: {ects} ECTS, {hours} hours of workload.",
                  "{n} credentials counted: {ects} ECTS, {hours} hours of workload.",
                  total.credentials, ects=amount_text(total.ects),
                  hours=amount_text(total.workload_hours))]
    unchecked = totals.standing(Standing.NOT_CHECKED)
    if unchecked.credentials:
        lines.append(tr_n("{n} counted credential is not yet verified: {ects} ECTS of the total.",
                          "{n} counted credentials are not yet verified: {ects} ECTS of the total.",
                          unchecked.credentials, ects=amount_text(unchecked.ects)))
    unproven = totals.standing(Standing.INDETERMINATE)
    if unproven.credentials:
        lines.append(tr_n("{n} counted credential could not be checked: {ects} ECTS of the total.",
                          "{n} counted credentials could not be checked: {ects} ECTS of the total.",
                          unproven.credentials, ects=amount_text(unproven.ects)))
    if total.without_ects:
        lines.append(tr_n("{n} counted credential states no ECTS credits.",
                          "{n} counted credentials state no ECTS credits.", total.without_ects))
    left_out = totals.left_out_figures
    if left_out.credentials:
        lines.append(tr_n("{n} credential left out: {ects} ECTS not counted.",
                          "{n} credentials left out: {ects} ECTS not counted.",
                          left_out.credentials, ects=amount_text(left_out.ects)))
    return lines


def merged_sentence(credential: CountedCredential) -> Sentence:
    return tr_n("Counted once: {n} copy of “{title}”.", "Counted once: {n} copies of “{title}”.",
                len(credential.copies), title=credential.entry.title)


def left_out_sentence(item: LeftOut) -> Sentence:
    why = _reason(item.reason)
    if item.counted_instead is not None:
        return tr("Not used: a copy of “{title}”: {why} Another copy of it is counted.",
                  title=item.entry.title, why=why)
    return tr("Left out: “{title}”: {why}", title=item.entry.title, why=why)


def _reason(reason: LeftOutReason) -> Sentence:
    if reason is LeftOutReason.EXPIRED:
        return tr("it has expired.")
    if reason is LeftOutReason.REVOKED:
        return tr("it was revoked.")
    if reason is LeftOutReason.UNREADABLE:
        return tr("it can no longer be read.")
    return tr("its verification failed.")


def stack_notes(totals: StackTotals) -> list[Sentence]:
    """Every sentence about a stack, in the order a reader wants them."""
    return [scope_sentence(totals.selection, totals.selected), *summary_sentences(totals),
            *(merged_sentence(c) for c in totals.merged),
            *(left_out_sentence(item) for item in totals.left_out)]
