"""The tone check: be social, not a bully (DESIGN.md)."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from policies.checks import tone
from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.tone_signals import classifier


def check(text: str, **settings) -> list[Finding]:
    return tone.run(CheckContext(text=text, original=text, settings=settings))


def top(text: str, **settings) -> Severity:
    return max((f.severity for f in check(text, **settings)), default=Severity.INFO)


def codes(text: str) -> set[str]:
    return {f.code for f in check(text)}


def flagged(text: str) -> set[str]:
    """The stretches of text the check pointed at."""
    return {text[f.start : f.end] for f in check(text)}


# --- aggressive public challenges -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If you really listen, come on out here and answer",
        "Still waiting for a reply @council — too scared?",
        "If @HallamLettings really believes in fairness, let them come out and explain.",
        "Why won't you answer the question, @MayorOfStroud?",
        "Go on then. We dare you.",
    ],
)
def test_public_challenge_is_high(text):
    assert "challenge" in codes(text)
    assert top(text) >= Severity.HIGH


def test_challenge_message_suggests_offering_help():
    finding = next(f for f in check("If you really cared you'd come out and answer") if f.code == "challenge")
    assert "offers help" in finding.message


def test_customer_service_still_waiting_question_is_not_a_challenge():
    assert "challenge" not in codes("Still waiting for a reply? Send us a DM and we'll chase it for you.")


# --- naming and shaming -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bye @jo, enjoy your unfollow",
        "Thanks to the 12 people who unfollowed us after yesterday's post 🙄",
        "New unfollowers this week: @sam_k, @jo_b. Bye!",
    ],
)
def test_unfollow_shaming_is_high(text):
    assert "unfollow_shaming" in codes(text)
    assert top(text) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "Time to name and shame the landlords who ignore repair notices.",
        "Shame on you @GlosBuilders for leaving that mess.",
        "Interesting to see who unfollowed. Some very familiar local business names on that list 👀",
    ],
)
def test_naming_and_shaming_is_at_least_medium(text):
    assert top(text) >= Severity.MEDIUM
    assert codes(text) & {"name_and_shame", "unfollow_shaming", "sarcasm"}


# --- insults and harassment -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You absolute idiot, read the timetable.",
        "@dave what a prick",
        "To the customer who shouted at our cashier: grow up, you absolute child.",
        "Shut up and stop tagging us.",
    ],
)
def test_insult_aimed_at_someone_is_high(text):
    assert top(text) >= Severity.HIGH
    assert codes(text) & {"insult", "harassment"}


def test_name_calling_aimed_at_nobody_is_medium_not_high():
    assert top("Our staff deserve better than being screamed at by entitled idiots.") == Severity.MEDIUM


def test_harsh_adjective_about_ourselves_stays_low():
    assert top("A stupid mistake on our part: the bin calendar had the wrong dates.") <= Severity.LOW


def test_threat_is_blocked():
    assert top("To the troll who left a review: we know who you are.") == Severity.BLOCK


def test_slur_is_blocked_even_disguised():
    assert top("what a f*ggot") == Severity.BLOCK
    assert "slur" in codes("n1gger")


# --- profanity, including disguised spellings -------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("Absolutely shit service today", "shit"),
        ("What the f*ck happened to the buses", "f*ck"),
        ("sh1t weather for the fun run", "sh1t"),
        ("Don't be an a$$ about parking", "a$$"),
        ("f u c k this queue", "f u c k"),
        ("s.h.i.t. happens", "s.h.i.t"),
        ("FUUUUCK the traffic", "FUUUUCK"),
        ("what a clusterfuck", "clusterfuck"),
        ("Some of you need to get a f***ing life", "f***ing"),
        ("The ass*ole who left that comment", "ass*ole"),
    ],
)
def test_swearing_is_high_in_every_disguise(text, word):
    assert word in flagged(text)
    assert top(text) >= Severity.HIGH


def test_profanity_message_does_not_repeat_the_word():
    finding = next(f for f in check("this is bullshit") if f.code == "profanity")
    assert "bullshit" not in finding.message


def test_mild_swearing_is_medium():
    assert top("Sorry, our website is being a bit crap today.") == Severity.MEDIUM


def test_profanity_severity_comes_from_settings():
    assert top("What the fuck", profanity_severity="block") == Severity.BLOCK
    assert top("What the fuck", profanity_severity="medium") == Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Road closures in Scunthorpe and Penistone this weekend.",
        "Join our yoga class to assess your flexibility.",
        "Cocktail evening at the Hancock Museum, Middlesex and Essex guests welcome.",
        "A blue tit and a great tit on the feeder this morning 🐦",
        "The finger prick test takes a minute and doesn't hurt.",
        "Dick Turpin's grave is in York; Offa's Dyke path reopens on Monday.",
        "Our stroke unit and sexual health clinic are open over Easter.",
        "Police seized heroin and a weapon in Gloucester; two men arrested on suspicion of rape.",
        "Cornish pasty stall by the pharmacy, virgin olive oil on offer",
        "455 people joined the Cotswold 10k.",
        "shiitake mushrooms at the farmers' market",
    ],
)
def test_ordinary_words_containing_or_resembling_rude_ones_are_not_flagged(text):
    assert top(text) <= Severity.LOW, check(text)


# --- sarcasm and brush-offs -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for nothing @jo 🙄",
        "Funny how the people who complain loudest never read the terms.",
        "The roads will be gritted when they're gritted.",
        "Oh great, another complaint about the bins.",
    ],
)
def test_sarcasm_at_a_customer_is_medium(text):
    assert "sarcasm" in codes(text)
    assert top(text) >= Severity.MEDIUM


def test_brush_off_is_medium():
    assert "dismissive" in codes("@Gary that's not our problem, please stop messaging our staff.")


# --- kind replies and warm posts stay LOW (they auto-approve) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sorry to hear that — please DM us and we'll sort it",
        "Sorry to hear your bin was missed, @jo. Please DM us your address and we'll get it collected tomorrow.",
        "We're really sorry about the wait. That isn't good enough; our team will call you back today.",
        "Thank you to everyone who came to the litter pick on Saturday! 💚",
        "Lovely to see so many of you at the fun run. Thank you!",
        "Congratulations to the 46 new constables who passed out today 👮",
        "Enjoy your weekend, and remember the recycling centre is open Sunday.",
        "Feeling stressed? Our free helpline is open 24/7.",
        "thx, can u take a look at this before lunch?",
        "ok",
    ],
)
def test_kind_replies_and_warm_posts_stay_low(text):
    assert top(text) <= Severity.LOW, check(text)


def test_short_informal_private_note_with_a_sneer_is_caught():
    assert top("lol he's such a muppet") >= Severity.MEDIUM


# --- the classifier as a signal ---------------------------------------------------


def test_shipped_model_rates_insult_above_thank_you():
    insult = classifier.offensive_probability("You are a disgusting, worthless liar and everyone hates you")
    thanks = classifier.offensive_probability("Thank you so much for your help, have a lovely day")
    assert insult > 0.5 > thanks


def test_text_with_no_known_ngrams_scores_the_average_of_the_two_models_priors():
    # Nothing in the vocabulary and no lexicon hit: each model says only its bias, and the
    # classifier must average the two probabilities (not their scores).
    weights = classifier.model()
    expected = (1 / (1 + math.exp(-weights.tfidf_bias)) + 1 / (1 + math.exp(-weights.nb_bias))) / 2
    assert classifier.offensive_probability("ЖЖЖЖ") == pytest.approx(expected)


def test_each_model_in_the_average_reads_an_insult_as_offensive():
    weights = classifier.model()
    insult, thanks = "you stupid disgusting liar", "thank you so much, lovely day"
    for only in ("tfidf", "nb"):  # each gram's weights: (idf squared, idf x TF-IDF weight, NB weight)
        muted = dataclasses.replace(
            weights,
            word={g: (w[0], w[1], 0.0) if only == "tfidf" else (w[0], 0.0, w[2]) for g, w in weights.word.items()},
            char={g: (w[0], w[1], 0.0) if only == "tfidf" else (w[0], 0.0, w[2]) for g, w in weights.char.items()},
        )
        assert classifier.probability_with(muted, insult) > classifier.probability_with(muted, thanks), only


def test_shipped_model_file_stays_small():
    assert classifier.MODEL_PATH.stat().st_size < 3_000_000


def test_model_alone_never_raises_above_medium():
    # A hostile draft with no rule firing: the classifier may say MEDIUM, never more.
    text = "You people are disgusting and everyone hates you"
    model_findings = [f for f in check(text, harassment_severity="info") if f.code.endswith("_overall")]
    assert all(f.severity <= Severity.MEDIUM for f in model_findings)


def test_model_thresholds_come_from_settings():
    text = "Honestly the worst service ever, absolute joke of a company"
    assert any(f.code == "hostile_overall" for f in check(text, model_medium_threshold=0.01))
    assert not any(
        f.code.endswith("_overall")
        for f in check(text, model_medium_threshold=1.01, model_low_threshold=1.01, model_boost_threshold=1.01)
    )


# --- findings are well formed ------------------------------------------------------


def test_findings_point_into_the_text_and_teach():
    text = "If you really cared you'd answer. Shit service. Bye @jo, enjoy your unfollow 🙄"
    findings = check(text)
    assert findings
    for f in findings:
        assert f.check == "tone"
        assert 0 <= f.start < f.end <= len(text)
        assert f.message.endswith(".") and len(f.message) > 30


def test_empty_text_has_no_findings():
    assert check("") == []
    assert check("   \n") == []


# --- robustness -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "🙂🙂🙂🎉🎉🎉" * 50,
        "مرحبا بكم في مكتبتنا الجديدة — שלום לכולם",
        "f\u200bu\u200bc\u200bk",
        "\u202eesrever\u202c text with bidi controls",
        "İstanbul İİİ ǅ ß ﬃ",
        "@@@@ $$$ *** !!! ### ...",
        "a\u0301\u0301\u0301" * 100,
    ],
)
def test_unusual_text_does_not_crash(text):
    for f in check(text):
        assert 0 <= f.start < f.end <= len(text)


def test_100kb_text_finishes_without_hanging():
    text = ("Thanks for your message 😊 שלום \u200b if if if really " + "a " * 40 + "f u c k @jo ") * 800
    text = text[:100_000]
    result: list = []
    worker = threading.Thread(target=lambda: result.append(check(text)), daemon=True)
    worker.start()
    worker.join(timeout=30)  # a hang guard, not a timing assertion
    assert result, "the tone check did not finish on 100 KB of text"
    assert any(f.code == "profanity" for f in result[0])


def test_product_does_not_import_training_libraries():
    # In a fresh interpreter: other tests (the embeddings') import numpy in this one.
    code = ("import sys; from policies.checks import tone; from policies.checks.base import CheckContext; "
            "tone.run(CheckContext(text='warm up the check', original='warm up the check', settings={})); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules))")
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("text", ["Thank you, you absolute legend!", "you total star, thanks for covering my shift", "Cheers you little gem"])
def test_warm_teasing_between_colleagues_stays_low(text):
    assert top(text) <= Severity.LOW, check(text)


# --- generalisation: each hostile class in fresh wording, and its sincere look-alikes --


@pytest.mark.parametrize(
    "text",
    [
        "Everyone moaning about the parking charges: the civic centre is open 9 to 5. Come in and say it to us directly.",
        "To the lads vandalising the bus shelter: feel free to tell our wardens to their faces.",
        "If the residents' association thinks the plan is so bad, let's see them show up on Tuesday.",
        "Think our fees are too high? Pop into the office and say that to the partners in person.",
        "If the campaigners are so convinced, they can come to the depot and say it to our manager.",
    ],
)
def test_confrontational_invitation_is_a_challenge(text):
    assert "challenge" in codes(text)
    assert top(text) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "Stunned. Absolutely stunned. People who leave a laptop on the car seat got burgled.",
        "Who could have possibly predicted that ignoring the flood warnings would end badly?",
        "Brilliant idea from the chap who parked across the ambulance bay. Classy.",
        "Love how some people think the bins empty themselves. Obviously.",
        "We're a hospital, not a taxi service. Shocking news, we know.",
        "Nice to see so many of you ignoring the hosepipe ban again. It's not like there's a drought.",
        "To the 'concerned resident' who keeps reporting us: lovely. Hope it's keeping you busy.",
        "Some of you clearly just enjoy arguing in the comments 🙄",
    ],
)
def test_sarcasm_and_mock_praise_at_people_are_caught(text):
    assert top(text) >= Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some of the replies to our consultation are, quite frankly, stupid.",
        "A few of you behaving like spoilt children in the queue this morning.",
        "Armchair detectives in the comments, please leave the investigating to us.",
        "Judging by the comments, half of you have two brain cells between you.",
    ],
)
def test_belittling_the_public_is_caught_without_a_named_target(text):
    assert top(text) >= Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "@DaveR1982 perhaps try reading the letter before you ring, and you wouldn't need to ask. Just saying.",
        "@sallyk maybe stop buying coffee every day and you wouldn't be overdrawn 🙄",
        "Ringing us twenty times a day won't get your repair done any quicker.",
        "@kez_b yelling at the pharmacist won't make your prescription appear faster.",
    ],
)
def test_condescending_advice_to_someone_is_caught(text):
    assert top(text) >= Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Goodbye to everyone who left after our Pride post. We won't miss you.",
        "Noticed we lost a few followers after yesterday. Bye then 👋",
    ],
)
def test_goodbye_digs_shame_people(text):
    assert top(text) >= Severity.HIGH, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "This is the man who stole a charity box from our Leeds shop. Please share.",
        "Recognise him? 👀 Two bottles of whisky on Friday. Share far and wide so he can't hide.",
        "Parking fail of the week goes to the driver of this silver Audi on Station Road 😂",
        "We've got her on camera taking the tips jar. Share so everyone knows.",
    ],
)
def test_naming_and_shaming_suspects_and_customers(text):
    assert top(text) >= Severity.MEDIUM, check(text)
    assert codes(text) & {"name_and_shame", "sarcasm", "undirected_insult"}


@pytest.mark.parametrize(
    "text",
    [
        "Come along and tell us what you think of the new play park plans: Saturday 10am at the library.",
        "Pop in and say hello to our new pharmacist at the Stroud branch this week!",
        "Got a question about your bill? Our team will be right here all week, 9am to 5pm.",
        "Our advisers can talk to you in person at any branch.",
        "Lovely to hear! Thanks so much for letting us know, we'll pass it on to the team 💚",
        "Love it when our volunteers send us photos from the allotment 🌻 Keep them coming!",
        "Amazing how many of you turned out for the beach clean. Thank you!",
        "Good to see so many of you at the open evening again this year. Thank you for coming.",
        "Who knew our bin crews could sing? 😂 Happy Christmas from all of us.",
        "We sometimes hear therapy described as 'just talking'. It's a lot more than that.",
        "Maybe try the park and ride this weekend? It's free on Saturdays.",
        "If you're struggling with rent, talk to us early. Just so you know: advice is free.",
        "Missing: Sarah, 14, last seen in Gloucester on Friday. Please share so we can find her.",
        "We'll miss you, Jan! 35 years on the front desk. Enjoy your retirement 🎉",
        "Our follower count just passed 10,000! Thank you for being here 💙",
        "The tip is closed on Mondays. Please come back Tuesday to Sunday, 8am-4pm.",
        "Our coffee machine has been broken for a week and morale is at an all-time low 😂",
        "Some people don't want to talk about their grief, and that's OK.",
        "Thanks to the gentleman who handed in a lost wallet at our branch today 👏",
        "Over to you: what would you like at next year's festival? Tell us in the comments!",
        "Learn to budget with our free six-week course, starting 4 March at the Hub.",
        "To the lovely client who asked in the comments whether her referral came through: yes!",
        "Lane closures on the A55 and M5 overnight for resurfacing.",
    ],
)
def test_sincere_look_alikes_stay_low(text):
    assert top(text) <= Severity.LOW, check(text)


def test_a_police_cctv_appeal_is_at_most_a_medium_tone_signal():
    # Since train7 (which holds many crowd hunts) the tone net scores this appeal just
    # over its floor. The identifiers check already holds it at high (a day, a place, a
    # reference about one man), and tests/data/README.md labels police appeals for a
    # person to check, so the net's medium changes nothing a reviewer sees. Kept here so
    # that it never reads as an insult (high or block).
    text = ("Do you recognise this man? We'd like to speak to him about a theft in Skipton on Wednesday. "
            "Call 101 quoting 12240310.")
    assert top(text) <= Severity.MEDIUM, check(text)


def test_prefilter_never_skips_a_pattern_that_would_match():
    import json
    from pathlib import Path

    from policies.checks.tone_signals import cues, phrases
    from policies.checks.tone_signals.prefilter import Gate, required_literals

    assert required_literals(r"(?:a|b)?\s+x") is None  # nothing required: always run
    gate = Gate([("brain cells",), None, ("unfollow", "follower")])
    assert gate.candidates("two brain cells") == [0, 1]
    assert gate.candidates("nothing here") == [1]
    # Every pattern, gated or not, finds the same matches across the labelled drafts.
    data = Path(__file__).resolve().parents[1] / "data" / "drafts.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    regexes = [p.regex for p in phrases._compiled()] + [regex for _, regex, _ in cues._compiled()]
    literal_sets = [p.literals for p in phrases._compiled()] + [lits for _, _, lits in cues._compiled()]
    everything = Gate(literal_sets)
    for text in texts:
        lowered = phrases.lower_same_length(text)
        matching = {i for i, regex in enumerate(regexes) if regex.search(lowered)}
        assert matching <= set(everything.candidates(lowered)), text


# --- classes found in the second held-out set (fresh wording) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Apparently our parks are 'always' locked. Odd, the gates have been open since 7am every day. But sure, keep telling us.",
        "Plenty of economists in the comments about how a shop 'ought' to price things. Must be lovely knowing everything from your kitchen.",
        "To everyone who queued outside at 6am for a free tote bag: hope the wait was worth it. Genuinely thrilled for yous.",
        "Love the posts calling our coffee 'overpriced'. Shame the same faces are in every morning. Must be the biscuits.",
    ],
)
def test_sarcasm_without_emoji_or_insult_is_medium(text: str) -> None:
    assert top(text) >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Whoever keeps ringing in hoax calls about the park: catch yourself on. It is an offence.",
        "Queue-jumping at the pharmacy counter again? Wise up, ye eejits.",
    ],
)
def test_ulster_and_scots_telling_off_is_flagged(text: str) -> None:
    assert top(text) >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "We'd welcome the councillor on a bin round any Monday to see for herself, rather than commenting from the town hall.",
        "To the columnist who says small shops can't cope: come to Ludlow and say it on our shop floor.",
    ],
)
def test_dares_that_name_a_place_or_a_third_person_are_challenges(text: str) -> None:
    assert "challenge" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our team will be at Ashby Library on Friday, 10-12. Come and tell us what matters in your street.",
        "Open day on Saturday: come and see for yourself what our apprentices do.",
        "Funny story: the shop cat got into the window display again. Must be the sunshine.",
    ],
)
def test_invitations_and_a_single_light_aside_stay_low(text: str) -> None:
    assert top(text) <= Severity.LOW


@pytest.mark.parametrize(
    "text",
    [
        "@dave_k Sure you did 🙄",
        "@sam_t Thanks for telling us the lift is broken, Sam. We'll get right on that 👍",
        "@jo_r Yes, we received your letters. All 14 of them. Since Tuesday.",
        "@mikeb Thanks for the 3,000-word lecture on bin collections, Mike.",
        "Interesting that some of the people moaning about our opening hours never visit. Just saying.",
        "Always makes us laugh when the folk grumbling about parking on here drive in from next door.",
        "Love it when somebody on Twitter rewrites our whole budget from one headline. Thanks so much for your wisdom.",
        "A reminder for the comments: a forum post is not a diagnosis, and neither, bless you, is your neighbour.",
        "To everyone who told us the quiz was 'too hard': we'll ask the questions to answer themselves next time.",
        "Some of the replies suggest a few people don't understand how interest works. Here's a guide. Take your time 🙂",
        "Great to see so many of you still parking on the zigzags outside school. Really.",
        "funny how everyones an expert on fostering until we ask for carers",
        "whoever emailed at midnight demanding a 'same-day miracle': we're a clinic, not a genie 🙃",
    ],
)
def test_single_jibes_and_put_downs_at_people_are_medium(text: str) -> None:
    assert top(text) == Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "@LeeW Sorry you feel that way, but as you were told twice, we can't reopen a closed claim.",
        "@jan_p You were asked to leave because of how you spoke to our staff, as you well know.",
        "As we keep saying, the car park is for blue badge holders only.",
        "The Transport Secretary says one guard per train is plenty. He's welcome to do a Friday night shift on the last train with us.",
        "The Chief Executive said nobody needs a branch any more. Come and sit in our Truro queue on a Monday then.",
    ],
)
def test_passive_aggressive_reminders_and_dares_to_office_holders_are_flagged(text: str) -> None:
    assert top(text) >= Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Recognise him? Took a charity box from the counter on Friday. Share until someone does.",
        "Someone knows who this is. Let's find her.",
        "To the couple who filled their boot with our plants on Sunday without paying: we've got your reg.",
        "To the man who shouted at our pharmacist on Monday: we have you on CCTV and you won't be welcome back.",
        "lost 30-odd followers after the council tax post. bye then 👋",
    ],
)
def test_crowd_hunts_and_shaming_are_flagged(text: str) -> None:
    assert top(text) >= Severity.MEDIUM, check(text)


@pytest.mark.parametrize(
    "text",
    [
        "@jo Thanks for flagging the broken light, we'll get right on it!",
        "Our volunteer Sue has knitted 300 hats this winter. Absolute legend.",
        "Lovely to see so many of you using the new library this week!",
        "Many people don't understand how APR works, so here's a simple guide.",
        "@jo No rush, take your time 🙂",
        "Thanks for your insight at yesterday's panel, @DrPatel - really useful.",
        "To the lady who handed in a purse at our Hove branch on Tuesday: thank you!",
        "Do you recognise this man? Officers would like to speak to him. Call 101 quoting 1234.",
        "The Mayor says libraries matter. She's welcome to join us for story time any Saturday!",
        "As you know, our offices close at 4pm on Fridays.",
        "Interesting that so many of you asked about pensions - here's a guide.",
        "Thanks for the photos, all 12 of them are lovely!",
        "Someone emailed to ask whether we open on bank holidays. Yes, 10am-4pm.",
        "We'd never have managed the appeal without you. Thank you!",
        "Everyone's an expert at something: tell us yours in the comments!",
        "It always makes us smile when the folk visiting our garden leave thank-you notes.",
        "@sam Sure, you can bring your dog!",
        "Neither the bank nor you are liable for this fraud.",
        "Please share until we find Bella's owner: a brown spaniel found on Park Road.",
    ],
)
def test_look_alikes_of_single_jibes_stay_low(text: str) -> None:
    assert top(text) <= Severity.LOW, check(text)


# --- round 6: reproaches, mock concessions and the eye-roll aimed at the public ---


@pytest.mark.parametrize(
    "text",
    [
        "Reminder that 'can you just waive the fee?' is not a request. It's a wish.",
        "Dog owners: could you at least pick it up on the main path 🙄",
        "If you can't work out a 3-month notice period, honestly, we can't help you. Maybe ask a grown-up.",
        "Yes, the website's slow. Yes, we know. No, emailing us in capitals won't sort it any quicker.",
        "Bins go out the night before, people. It's not hard 🙄",
        "You lot are very inventive with your 'emergencies', we'll give you that.",
        "Some people say our rates are behind the times. Sure it is, mate. Sure it is.",
        "Compare your fees with ours. We'll wait.",
        "Read the review calling us 'cowboys'. Thanks for the feedback 👍 Truly constructive.",
    ],
)
def test_reproaches_and_mock_concessions_are_held(text):
    assert top(text, risk_model=False) >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Talking about money won't make debt happen any sooner. Here are five ways to start.",
        "Not sure how to read a payslip? It's not hard once you know where to look: here's our guide.",
        "Kids: if you can't find your family at the show, just ask a grown-up in a yellow vest.",
        "Monday again 🙃 Our offices open at 9am.",
        "Thanks for your review 👍 We've passed it to the branch team.",
        "Well spotted, Jo, thank you! We've fixed the typo in the opening hours.",
    ],
)
def test_look_alikes_stay_low(text):
    assert top(text, risk_model=False) <= Severity.LOW
