"""Gold questions: dependency questions written from the article's text alone.

Each question has its expected answer and a comment quoting the words of the
text that give it; they are checked through the API. Positive questions say
what a conclusion rests on, which reasons answer which question heading and
which causal chain leads from A to B; negative ones say what must not be
reached (restatements, presuppositions, the closing paragraph, Trump's quoted
statements outside their section).
"""

from __future__ import annotations

from typing import Any

from tests.api.openapi_check import CheckedClient

API = "/api/v1"


def rests_on(client: CheckedClient, claim_id: str, query: str = "") -> set[str]:
    body = client.get(f"{API}/claims/{claim_id}/dependencies{query}").get_json()
    return {claim["claim_id"] for claim in body["claims"]}


def rest_on_it(client: CheckedClient, claim_id: str, query: str = "") -> set[str]:
    body = client.get(f"{API}/claims/{claim_id}/dependents{query}").get_json()
    return {claim["claim_id"] for claim in body["claims"]}


def chains(client: CheckedClient, from_id: str, to_id: str, query: str = "") -> list[list[str]]:
    body: dict[str, Any] = client.get(
        f"{API}/causal-chains?from={from_id}&to={to_id}{query}"
    ).get_json()
    return [[link["id"] for link in chain["links"]] for chain in body["chains"]]


def test_the_cost_to_israel_rests_on_the_two_phases_and_nothing_else(
    client: CheckedClient,
) -> None:
    # "it stopped immediately, simply because it was the only part of the plan that would
    # impose a political and military cost on Israel" / "The first phase ... was comfortable
    # for Israel: ..." / "The second phase, however, would for the first time require ..."
    assert rests_on(client, "c-second-phase-stopped-because-cost-to-israel") == {
        "c-second-phase-would-impose-cost-on-israel",
        "c-first-phase-comfortable-for-israel",
        "c-first-phase-terms",
        "c-second-phase-provisions",
    }


def test_the_reasons_the_text_gives_for_the_halt(client: CheckedClient) -> None:
    # "Why did the second phase stop in the first place?" answered by "Because it is the first
    # time Israel would have to pay a price.", "Because Netanyahu survives on a war that never
    # ends.", "Because two fundamentally opposing projects collided.", and the closing's "It
    # stopped because the war has not ended in the minds of Netanyahu and Trump."
    assert rests_on(client, "c-second-phase-stopped", "?depth=1&basis=connective,structure") == {
        "c-second-phase-would-impose-cost-on-israel",
        "c-netanyahu-survives-on-endless-war",
        "c-agreement-clash-of-opposing-projects",
        "c-war-not-ended-in-minds-of-netanyahu-and-trump",
    }


def test_each_us_reason_answers_both_halves_of_its_question(client: CheckedClient) -> None:
    # "Why is the United States unable to impose the second phase or stop the killings?"
    # answered by "Because it is not a mediator but an active party.", "Because politically
    # weakening Israel costs Washington more ...", "Because the Trump-Netanyahu plan is built
    # on “post-genocide peace”." - each "Because" answers both halves.
    answers = {
        "c-us-active-party",
        "c-weakening-israel-costs-washington-more",
        "c-trump-netanyahu-plan-post-genocide-peace",
    }
    for half in ("c-us-unable-to-impose-second-phase", "c-us-unable-to-stop-killings"):
        assert rests_on(client, half, "?depth=1&basis=connective") == answers, half


def test_the_reasons_israel_continues_the_killing(client: CheckedClient) -> None:
    # "Why does Israel continue daily killings despite the presence of a truce?" answered by
    # "Because killing is part of the doctrine of “total victory”.", "Because the occupation
    # project requires constant pressure.", "Because the “day after” terrifies Israel."
    assert rests_on(
        client, "c-israel-continues-daily-killings-during-truce", "?depth=1&basis=connective"
    ) == {
        "c-killing-part-of-total-victory-doctrine",
        "c-occupation-project-requires-constant-pressure",
        "c-day-after-terrifies-israel",
    }


def test_the_yes_on_trump_rests_on_its_three_bullets_not_on_the_question(
    client: CheckedClient,
) -> None:
    # "Is Trump truly convinced of Netanyahu’s plan? - Yes. Trump views the solution as
    # primarily military." / "He calls for temporary pauses not out of mercy but tactical
    # manoeuvring." / "Trump and Netanyahu share one worldview."
    assert rests_on(client, "c-trump-convinced-of-netanyahu-plan", "?depth=1&basis=structure") == {
        "c-trump-views-solution-as-military",
        "c-trump-pauses-tactical",
        "c-trump-netanyahu-share-worldview",
    }
    # "Netanyahu’s plan" is what the question takes for granted, not a reason for the answer.
    assert "c-netanyahu-has-plan-for-gaza" not in rests_on(
        client, "c-trump-convinced-of-netanyahu-plan"
    )


def test_the_connective_chain_from_the_second_phase_to_the_freeze(client: CheckedClient) -> None:
    # "If the second phase begins, investigative committees will start their work" /
    # "Netanyahu rejects this because it would ... trigger investigations into the failure of
    # 7 October" / "For this reason he froze the second phase entirely."
    assert chains(
        client, "c-second-phase-provisions", "c-netanyahu-froze-second-phase", "&basis=connective"
    ) == [
        [
            "cl-second-phase-triggers-investigations",
            "cl-investigations-prompt-rejection",
            "cl-rejection-leads-to-freeze",
        ]
    ]


def test_the_end_of_the_war_does_not_trigger_the_investigations(client: CheckedClient) -> None:
    # "it would signal the end of the “war” he uses to stay in power, trigger investigations
    # into the failure of 7 October, and open a serious discussion": "it" (the second phase)
    # does each; the end of the war is a sibling effect, not a cause of the others.
    assert chains(client, "c-second-phase-would-end-war", "c-investigations-would-open") == []
    assert chains(client, "c-second-phase-provisions", "c-investigations-would-open") == [
        ["cl-second-phase-triggers-investigations"]
    ]


def test_trumps_quoted_statements_stay_in_the_trump_section(client: CheckedClient) -> None:
    # "He has openly stated that “Israel must finish the problem in Gaza”" is offered as
    # evidence that "Trump views the solution as primarily military"; no conclusion bullet
    # takes up the Trump section, so the statement does not reach the Ummah's duty. The
    # introduction's "why Trump appears convinced that the ongoing massacre is “the path”" is
    # answered by that section (the article's first revision, sup-102).
    assert rest_on_it(client, "c-trump-said-israel-must-finish") == {
        "c-trump-appears-convinced-massacre-is-path",
        "c-trump-views-solution-as-military",
        "c-trump-language-supports-war",
        "c-trump-convinced-of-netanyahu-plan",
    }


def test_the_closing_paragraph_gives_no_premises(client: CheckedClient) -> None:
    # "What is happening now is not a “peace setback” but an attempt to impose a peace built
    # upon graves." and "the war has not ended in the minds of Netanyahu and Trump" are
    # asserted without any reason given for them.
    assert rests_on(client, "c-peace-built-upon-graves") == set()
    assert rests_on(client, "c-war-not-ended-in-minds-of-netanyahu-and-trump") == set()


def test_a_causal_restatement_rests_on_its_cause_only(client: CheckedClient) -> None:
    # "It stopped because the war has not ended in the minds of Netanyahu and Trump.": the
    # claim rests on its cause, not on the bare fact "it stopped" that it restates.
    assert rests_on(client, "c-second-phase-stopped-because-war-not-ended") == {
        "c-war-not-ended-in-minds-of-netanyahu-and-trump"
    }
    assert "c-second-phase-stopped-because-war-not-ended" not in rest_on_it(
        client, "c-second-phase-stopped"
    )


def test_the_first_conclusion_rests_on_what_the_text_gives(client: CheckedClient) -> None:
    # "The second phase is not stalled but deliberately stopped because it is the moment that
    # would impose responsibility on Israel, something Netanyahu refuses." and, by structure,
    # the first section's answer "Because Netanyahu survives ...". "Because two fundamentally
    # opposing projects collided." explains the halt, not that it was deliberate (the
    # article's first revision retired sup-029).
    assert rests_on(
        client, "c-second-phase-deliberately-stopped", "?depth=1&basis=connective,structure"
    ) == {
        "c-second-phase-would-impose-cost-on-israel",
        "c-netanyahu-rejects-second-phase",
        "c-netanyahu-survives-on-endless-war",
    }


def test_the_systematic_killing_and_its_unstated_premise(client: CheckedClient) -> None:
    # "Since the resistance has not been defeated, Israel uses systematic killing ..." - a
    # connective; it rests on the goal of the sentence before ("Netanyahu has repeatedly
    # declared that his goal is the elimination of Hamas."), a premise the curator supplies.
    claim = "c-israel-uses-systematic-killing-and-starvation"
    assert rests_on(client, claim, "?depth=1&basis=connective") == {"c-resistance-not-defeated"}
    assert rests_on(client, claim, "?depth=1") == {
        "c-resistance-not-defeated",
        "c-netanyahu-declared-goal-eliminate-hamas",
    }


def test_questions_presuppositions_support_nothing(client: CheckedClient) -> None:
    # "Is Trump truly convinced of Netanyahu’s plan?" and "Why were the hostages not rescued?"
    # take their content for granted; nothing rests on it.
    assert rest_on_it(client, "c-netanyahu-has-plan-for-gaza") == set()
    assert rest_on_it(client, "c-hostages-not-rescued") == set()
    assert rest_on_it(client, "c-israel-continues-daily-killings-during-truce") == set()


def test_why_netanyahu_keeps_the_low_intensity_killing(client: CheckedClient) -> None:
    # "Because Netanyahu survives on a war that never ends. ... he will be questioned ...
    # This is why he keeps the situation in a space between no full-scale war and no real
    # peace, but rather a low-intensity daily killing.": "This" points back to all three
    # consequences of the phase beginning (investigations, the slogan, the questioning).
    assert rests_on(client, "c-netanyahu-keeps-low-intensity-killing", "?depth=1") == {
        "c-netanyahu-survives-on-endless-war",
        "c-investigations-would-open",
        "c-total-victory-slogan-would-collapse",
        "c-netanyahu-would-be-questioned",
    }


def test_refuting_the_cost_undermines_only_what_rests_on_it_alone(client: CheckedClient) -> None:
    # "simply because it was the only part of the plan that would impose a political and
    # military cost on Israel. This is where the obstruction began.": the causal claim has no
    # other reason; the obstruction rests on the halt "This" points back to (the article's
    # first revision, sup-101), and the halt and the first conclusion also rest on the other
    # answers and on "something Netanyahu refuses".
    body = client.get(f"{API}/claims/c-second-phase-would-impose-cost-on-israel/impact").get_json()
    losing = {c["claim_id"] for c in body["loses_all_support"]}
    keeping = {c["claim_id"] for c in body["keeps_other_support"]}
    assert losing == {"c-second-phase-stopped-because-cost-to-israel"}
    assert {"c-second-phase-stopped", "c-second-phase-deliberately-stopped"} <= keeping


def test_connective_only_walks_are_a_subset_and_say_their_basis(client: CheckedClient) -> None:
    # "For this reason he froze the second phase entirely." is a connective link, shown with
    # its marker in every walk step.
    body = client.get(
        f"{API}/claims/c-netanyahu-rejects-second-phase/dependents?basis=connective"
    ).get_json()
    assert body["bases"] == ["connective"]
    steps = [claim["via"] for claim in body["claims"]]
    assert steps and {step["basis"] for step in steps} == {"connective"}
    froze = next(c for c in body["claims"] if c["claim_id"] == "c-netanyahu-froze-second-phase")
    assert froze["via"]["claim_id"] == "c-netanyahu-rejects-second-phase"
    assert froze["via"]["marker"] == "For this reason"
    everything = rest_on_it(client, "c-netanyahu-rejects-second-phase")
    assert {c["claim_id"] for c in body["claims"]} < everything


def test_the_closing_sets_its_reason_against_the_technical_view(client: CheckedClient) -> None:
    # "The second phase did not stop for technical reasons. It stopped because the war has not
    # ended in the minds of Netanyahu and Trump.": the reason given replaces the denied one
    # (att-018); the bare denial no longer attacks the view it negates (att-009 retired).
    body = client.get(f"{API}/claims/c-view-second-phase-stopped-for-technical-reasons").get_json()
    attackers = {link["claim_id"] for link in body["attacked_by"]}
    assert attackers == {"c-second-phase-stopped-because-war-not-ended"}
