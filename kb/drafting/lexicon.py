"""The word lists the drafting rules read: verbs of saying, denial, modality, connectives.

Kept apart from the rules so an analyst can see (and a reviewer can extend)
what the drafter recognises; every list is lower case.
"""

from __future__ import annotations

# Verbs of saying (and believing aloud): their speaker is the subject before them.
SAYING_VERBS = frozenset(
    """
    say says said saying tell tells told state states stated declare declares declared
    announce announces announced claim claims claimed argue argues argued insist insists
    insisted warn warns warned add adds added note notes noted assert asserts asserted
    maintain maintains maintained contend contends contended allege alleges alleged
    acknowledge acknowledges acknowledged admit admits admitted report reports reported
    confirm confirms confirmed suggest suggests suggested explain explains explained
    believe believes believed think thinks thought affirm affirms affirmed reaffirm
    reaffirms reaffirmed stress stresses stressed emphasise emphasises emphasised
    emphasize emphasizes emphasized predict predicts predicted
    ask asks asked expect expects expected reiterate reiterates reiterated repeat repeats
    repeated concede concedes conceded caution cautions cautioned reply replies replied
    respond responds responded counter counters countered estimate estimates estimated
    promise promises promised pledge pledges pledged vow vows vowed urge urges urged
    hope hopes hoped fear fears feared recall recalls recalled reveal reveals revealed
    accuse accuses accused blame blames blamed
    """.split()
)

# Verbs by which the speaker rejects what follows.
DENIAL_VERBS = frozenset(
    """
    deny denies denied reject rejects rejected dispute disputes disputed dismiss dismisses
    dismissed refute refutes refuted repudiate repudiates repudiated contest contests
    contested
    """.split()
)

# Head nouns naming a person (or people) in a role: "a US official" is someone speaking,
# not the state whose name is only the modifier ("US"), so it never resolves to that state.
PERSON_NOUNS = frozenset(
    """
    official officials spokesperson spokespeople spokesman spokesmen spokeswoman
    spokeswomen diplomat diplomats minister ministers negotiator negotiators envoy envoys
    ambassador ambassadors adviser advisers advisor advisors aide aides officer officers
    commander commanders mediator mediators delegate delegates representative
    representatives lawmaker lawmakers senator senators source sources worker workers
    coordinator coordinators analyst analysts expert experts lawyer lawyers
    """.split()
)

# "rejected the view that ...": the nouns that may stand between a denial verb and "that".
VIEW_NOUNS = frozenset(
    "view idea claim claims notion suggestion allegation allegations accusation accusations "
    "assertion report reports charge charges argument".split()
)

# Words that make a clause predictive or normative.
PREDICTIVE = frozenset("will would 'll shall going".split())
NORMATIVE = frozenset("must should ought duty obliged obligation need needs".split())
NORMATIVE_PHRASES = ("calls on", "call on", "called on", "urges", "urged", "has to", "have to")

# Words that mark a characterisation, a motive or a meaning rather than a state of the world.
INTERPRETIVE = frozenset(
    """
    seems seem seemed appears appear appeared apparently clearly obviously reality real
    truly truth means meaning aim aims goal goals motive strategy pretext deliberately
    deliberate genuine merely only essentially effectively decisive crucial strain
    holding success successful failure failed isolated convinced intends intended
    purpose designed
    """.split()
)

# Connectives that join a reason or a cause to what follows (docs/curation.md), as
# (marker, kind): `support` links premise to conclusion; `attack` sets one against another.
REASON_BEFORE = ("because", "since", "as a result of")  # "Y because X": X is the reason
REASON_AFTER = ("therefore", "so", "thus", "hence", "for this reason", "this is why", "as a result")
CONTRAST = ("but", "however", "although", "though", "while", "whereas", "yet")
