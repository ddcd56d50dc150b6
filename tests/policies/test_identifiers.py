"""The "Hey look, that's me!" check and the recognisers it is built from."""

from __future__ import annotations

import time

import pytest

from policies.checks import identifiers
from policies.checks.base import AccountContext, CheckContext, Severity
from policies.recognisers import find_identifiers
from policies.recognisers.gazetteers import warm_up


def spans_of(text: str) -> dict[str, str]:
    """{span text: kind} for everything the recognisers find."""
    return {text[s.start : s.end]: s.kind for s in find_identifiers(text)}


def run(text: str, org_kind: str = "", **settings: object) -> list:
    ctx = CheckContext(text=text, original=text, org_kind=org_kind, settings=dict(settings))
    return identifiers.run(ctx)


def top(text: str, org_kind: str = "", **settings: object) -> Severity:
    return max((f.severity for f in run(text, org_kind, **settings)), default=Severity.INFO)


# --- recognisers: each kind of identifier ------------------------------------------


def test_title_and_surname_is_a_name() -> None:
    assert spans_of("We met Mrs Patel yesterday.")["Mrs Patel"] == "name"


def test_name_at_start_of_sentence_is_found() -> None:
    assert spans_of("Priya came to see us about her flat.")["Priya"] == "name"


@pytest.mark.parametrize(
    "name",
    ["Oluwaseun Okafor", "Siobhan Kelly", "Gwenllian Rhys", "Małgorzata Nowak", "Sandeep Dhillon", "Aoife Byrne"],
)
def test_non_us_names_are_found(name: str) -> None:
    assert spans_of(f"Thanks to {name} for the flowers.")[name] == "name"


def test_ordinary_word_opening_a_sentence_is_not_a_name() -> None:
    found = spans_of("Will you come along? Reading is good for you.")
    assert "Will" not in found and "Reading" not in found


def test_bare_age_between_commas_is_an_age() -> None:
    assert spans_of("Jo Bloggs, 62, from Leeds was there.")["62"] == "age"


@pytest.mark.parametrize("age", ["47-year-old", "aged 81", "in her 80s", "14 months old"])
def test_written_ages_are_ages(age: str) -> None:
    assert spans_of(f"We helped a {age} this week.")[age] == "age"


def test_age_range_for_a_service_is_an_age_group_not_a_person() -> None:
    [span] = [s for s in find_identifiers("Support for young people aged 11-25.") if s.kind == "age"]
    assert span.label == "age group"


def test_street_address_with_house_number() -> None:
    assert spans_of("She lives at 14 Lansdown Road now.")["14 Lansdown Road"] == "address"


def test_street_without_number_is_a_place() -> None:
    assert spans_of("The road is Esperidon Street in town.")["Esperidon Street"] == "place"


def test_uk_postcode() -> None:
    assert spans_of("Send it to GL5 1AB please.")["GL5 1AB"] == "postcode"


def test_county_is_a_place() -> None:
    assert spans_of("A farmer from Gloucestershire called.")["Gloucestershire"] == "place"


def test_in_march_is_a_month() -> None:
    assert spans_of("We started the scheme in March.")["March"] == "date"


def test_march_the_town_is_a_place() -> None:
    assert spans_of("She lives in March, Cambridgeshire.")["March"] == "place"


def test_acronym_of_a_public_body_is_an_organisation() -> None:
    assert spans_of("The DWP wrote to him.")["DWP"] == "org"


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Call me on 07700 900123 tonight", "07700 900123", "phone"),
        ("Email jo.bloggs@gmail.com today", "jo.bloggs@gmail.com", "email"),
        ("Thanks @jo_b for the tip", "@jo_b", "handle"),
        ("Her case ref GL/2024/00871 is listed", "GL/2024/00871", "code"),
        ("Patient NHS number 485 777 3456 is due", "485 777 3456", "code"),
        ("Order #ST-778201 shipped", "ST-778201", "code"),
        ("It cost £4,200 in the end", "£4,200", "money"),
        ("See you at 3pm on Tuesday", "3pm", "time"),
        ("See you at 3pm on Tuesday", "Tuesday", "weekday"),
        ("It happened this morning", "this morning", "time"),
        ("Born on 31 May 1991 in Leeds", "31 May 1991", "date"),
        ("She is a single mum now", "single mum", "family"),
        ("He works as a lorry driver", "lorry driver", "occupation"),
        ("Recently diagnosed with dementia", "dementia", "health"),
        ("He was jailed last year", "jailed", "legal"),
        ("Three months in arrears", "in arrears", "financial"),
        ("Living in temporary accommodation", "temporary accommodation", "housing"),
        ("Patient in bed 12 on Ward 4b", "bed 12", "place"),
        ("She is the only Polish-speaking firefighter", "the only", "unique"),
    ],
)
def test_each_kind_of_identifier_is_recognised(text: str, expected: str, kind: str) -> None:
    assert spans_of(text).get(expected) == kind


def test_fictional_looking_service_number_is_marked_as_service() -> None:
    [phone] = [s for s in find_identifiers("Call 0300 123 4567") if s.kind == "phone"]
    assert phone.weak


# --- the check: harmless posts stay low --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Join us Saturday 10am at Stroud library for our family history drop-in - all welcome!",
        "Bin collections move a day later next week: Monday 26 August becomes Tuesday 27th.",
        "Our Stroud branch at 31 High Street opens 9:30am-4pm Mon-Fri from 7 April.",
        "Over-65s can get a free flu jab at pharmacies across the district this winter.",
        "Our Head of Housing, Simon Okafor, said the award belongs to our 26 tenant volunteers.",
        "Meet Tom, our new practice manager! He joins us from Cotswold Care Hospice.",
        "Roadworks: Lansdown Road closed from 9pm Mon 14 Oct to 6am Fri 18 Oct.",
        "If your account is in arrears, talk to us early: call 0800 123 4567.",
    ],
)
def test_harmless_notices_full_of_dates_and_places_are_auto_approved(text: str) -> None:
    assert top(text, "council") <= Severity.LOW


def test_details_in_a_harmless_post_are_info_only() -> None:
    findings = run("Join us on 12 March at Stroud Library, 10am to 2pm. All welcome!")
    assert findings and all(f.severity == Severity.INFO for f in findings)


def test_lone_private_name_is_low() -> None:
    assert top("Thanks Dawn, lovely to hear from you!") == Severity.LOW


# --- the check: risk from a particular person --------------------------------------


def test_client_cue_with_one_detail_is_medium() -> None:
    assert top("Lovely moment in session this afternoon with a client.", "therapy") == Severity.MEDIUM


def test_particular_person_with_several_details_is_high() -> None:
    text = "Our benefits team helped a woman in her 80s from Dursley claim £3,900 a year."
    assert top(text, "council") == Severity.HIGH


def test_combination_finding_names_what_combines_and_escalates() -> None:
    text = "My 3pm Tuesday client brought me flowers for helping her through her divorce."
    findings = run(text, "therapy")
    [combo] = [f for f in findings if f.code == "combination"]
    assert combo.severity >= Severity.HIGH
    assert "date or time" in combo.message and "legal matter" in combo.message
    assert all(f.severity <= Severity.LOW for f in findings if f.code != "combination")


def test_name_with_client_cue_and_health_detail_is_blocked() -> None:
    text = "So proud of Priya, who after 18 months of sessions with us has beaten her panic attacks."
    assert top(text, "therapy") == Severity.BLOCK


def test_named_private_person_with_address_is_high_even_without_cue() -> None:
    assert top("Jade Morris (Flat 2, 31 Rowcroft Road, GL5 3BE) has been served notice.") >= Severity.HIGH


def test_private_mobile_number_is_high() -> None:
    assert top("Siobhan, please call us back on 07700 900123.") >= Severity.HIGH


def test_role_with_article_describes_a_person() -> None:
    text = "Finally sorted the council tax mix-up for the retired teacher from Thursday's drop-in at Dursley library."
    assert top(text, "council") >= Severity.MEDIUM


def test_hiring_for_a_role_is_not_a_person() -> None:
    text = "We're recruiting a counsellor, 2 days a week in Cheltenham, £40 per client hour."
    assert top(text, "therapy") <= Severity.LOW


def test_handle_is_only_a_private_persons_in_a_client_context() -> None:
    assert top("Thanks @GlosFire for your help at the fair this weekend.") <= Severity.LOW
    assert top("Our client @jo_b came in this morning about her eviction.", "law_firm") >= Severity.HIGH


# --- settings ----------------------------------------------------------------------


def test_extra_client_cue_from_settings_raises_risk() -> None:
    text = "Lovely chat with a mentee this morning in Stroud."
    # The rules' own reading: the learned net (which does read this as personal) is off.
    assert top(text, risk_model=False) <= Severity.LOW
    assert top(text, risk_model=False, extra_client_cues=["a mentee"]) >= Severity.MEDIUM


def test_ignore_words_from_settings_are_not_reported() -> None:
    findings = run("Our client from Stroud came in today.", ignore_words=["Stroud"])
    assert not any(f.kind == "place" for f in findings)


def test_high_threshold_comes_from_settings() -> None:
    text = "A client came in this morning from Stroud."
    assert top(text) == Severity.HIGH
    assert top(text, high_with_person=5) == Severity.MEDIUM


def test_own_account_handle_is_not_reported() -> None:
    text = "Our client @stroudcouncil thanks you"
    ctx = CheckContext(text=text, original=text, account=AccountContext(network="x", handle="@stroudcouncil"))
    assert not any(f.kind == "handle" for f in identifiers.run(ctx))


# --- robustness and speed ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀" * 500,
        "مرحبا بكم في المكتبة يوم الثلاثاء الساعة 3 مساءً",
        "zero\u200bwidth\u200djoiner\ufeff Mrs\u200b Patel",
        "İstanbul İzmir ǅemal ß ﬁ Ⅻ",
        "a" * 100_000,
        ("Mr Smith " * 5000),
        ("1" * 50_000) + " " + ("/" * 10_000),
        "\x00\x01\x02 Mrs Patel \udcff",
        ("@handle " * 2000) + ("£" * 3000),
    ],
)
def test_any_text_is_handled_without_crashing(text: str) -> None:
    started = time.perf_counter()
    findings = run(text, "council")
    assert time.perf_counter() - started < 5
    assert all(0 <= f.start <= f.end <= len(text) for f in findings)


def test_280_character_draft_is_checked_in_a_few_milliseconds() -> None:
    warm_up()
    text = (
        "Great result in court this morning: our client, a 34-year-old Gloucester nurse, keeps "
        "custody of her two children after a four-day hearing. Call 07700 900123 or see us at "
        "14 Lansdown Road, GL5 1AB on Tuesday 3pm. Thanks @jo_b and Mrs Patel for £4,200!"
    )[:280]
    run(text, "law_firm")
    times = []
    for _ in range(50):
        started = time.perf_counter()
        run(text, "law_firm")
        times.append(time.perf_counter() - started)
    times.sort()
    assert times[len(times) // 2] < 0.01  # generous for slow CI; measured ~1 ms


def test_named_patient_on_a_numbered_ward_is_flagged() -> None:
    text = "Congratulations to Jenny on Ward 9 who finally went home after 3 months with us!"
    assert top(text, "nhs") >= Severity.HIGH


def test_colleague_introduced_with_age_is_not_a_client() -> None:
    assert top("Meet PC Sam Hughes, 34, our newest neighbourhood officer in Stroud.", "police") <= Severity.LOW


def test_police_appeal_incident_number_is_public() -> None:
    text = "Witnesses to a collision on the A38 on Tuesday evening: call 101 quoting incident 412 of 3 June."
    # The rules read the incident number as public. The safety net trained with train7
    # (many police appeals held for a person to check) scored this one 0.58 against 0.51
    # and held it at medium, an accepted cost; retrained in round 13 (holdout11, holdout12
    # and train13 joined) it scores 0.45, so it is approved. Recorded so a change either
    # way is noticed.
    assert max(f.severity for f in run(text, "police")) == Severity.INFO


# --- who the post is about: one person without a client word, or many ------------


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        ("Tough visit this afternoon to a bedsit in Gorton. No one should live with that damp.", "council"),
        ("Long morning at the County Court in Truro today. Some cases follow you home.", "law_firm"),
        ("Someone at our Alnwick branch paid in £3,400 in coins this morning. Quite the piggy bank!", "bank"),
        ("Two different patients this week mentioned the closure of the Corby steelworks.", "therapy"),
        ("Probate this month: married 40 years, she nursed him to the end and now the house in Ludlow is hers.", "law_firm"),
        ("Well done to the crew who helped a premature birth in a car park in Bude at 3am. Mum and baby are doing well.", "nhs"),
        ("Good news for Mrs Obi at Leeds Magistrates today: case dismissed.", "law_firm"),
        ("Congratulations to our prize draw winner, Tom Baxter from Settle!", "retail"),
    ],
)
def test_one_particular_person_without_a_client_word_is_above_low(text: str, org_kind: str) -> None:
    assert top(text, org_kind) >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        ("Our impact report is out: we helped 4,310 people, and 71% said their debts felt manageable.", "charity"),
        ("Last summer we arrested 145 drivers for drink driving across the county. Don't be next.", "police"),
        ("Many of the people who come to us after a redundancy worry about their pension. Usually there's time.", "law_firm"),
        ("Meet Priti, who has run our Leicester store for 12 years and this week won Manager of the Year!", "retail"),
        ("Congratulations to our trainee Sam Okoro on qualifying as a solicitor today.", "law_firm"),
        ("@kez_b So sorry about your long wait at the clinic on Monday, Kez. Please ring our PALS team.", "nhs"),
        ("Workshop for landlords: Thursday 3 April, 6.30pm at the Guildhall, Carlisle. Book on our website.", "council"),
        ("Our Managing Partner, Helen Ruiz, has responded to the consultation on court fees.", "law_firm"),
    ],
)
def test_aggregates_colleagues_and_notices_stay_low(text: str, org_kind: str) -> None:
    # The rules' reading of aggregates; the learned net is a separate second opinion
    # (the net retrained with holdout3 scores "Many of the people who come to us ...
    # worry about their pension" 0.52, just over its cross-validated threshold).
    assert top(text, org_kind, risk_model=False) <= Severity.LOW


def test_a_bay_number_swallowed_into_a_name_still_counts() -> None:
    assert top("Thinking of Dilys Price in Bay 2, who fell on the stairs at home on Sunday.", "nhs") >= Severity.HIGH


# --- classes found in the second held-out set (fresh wording) ---------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1/2 A client told me today she'd lost her flat after 12 years.", "law_firm"),
        ("Just finished a 7am with someone who's been coming to us since the mill closed.", "therapy"),
        ("Thank you to the lady who left a box of scones at the eye clinic this morning.", "nhs"),
        ("Our little fighter goes home today after 96 days. Born at 25 weeks weighing 1lb 12oz.", "nhs"),
        ("busy night at the hostel tonight. one new face, only 17.", "charity"),
        ("long drive home from the ward tonight. some shifts you carry with you.", "nhs"),
    ],
)
def test_one_particular_person_without_a_client_word_is_at_least_medium(text: str, kind: str) -> None:
    assert top(text, kind) >= Severity.MEDIUM


def test_a_clients_consent_does_not_make_her_a_colleague() -> None:
    text = "Huge thanks to Carys, who said we could share that she's a year sober after our work together."
    assert top(text, "therapy") >= Severity.HIGH


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A tenant asked us this week: 'Who fixes a dripping tap?' 🔧 We do! Report it online.", "council"),
        ("1/3 Five things we wish everyone knew about wills. 2/3 You can change it any time. 3/3 Book a free call.", "law_firm"),
        ("Our community hub turns 5 this month! Thanks to everyone who made it happen.", "charity"),
        ("Meet Owen Price, community support worker on our Penarth team, who starts on Monday.", "council"),
        ("NEVER share your PIN. Questions? Pop us a DM.", "bank"),
        ("Questions about your order? Our customer team is on 0113 496 0000, 9am-5pm.", "retail"),
    ],
)
def test_general_posts_with_look_alike_details_stay_low(text: str, kind: str) -> None:
    assert top(text, kind) <= Severity.LOW


def test_lower_case_street_address_is_found() -> None:
    assert spans_of("parcel for jo at 14 mill lane, left with neighbour")["14 mill lane"] == "address"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mae ein caffi ar agor! Our café in Aberaeron reopens Tuesday 4 March, 9am-3pm. Croeso.", "charity"),
        ("Our grief group meets in Welsh and English at Canolfan Tegfan, Thursday 6 March, 6-7.30pm.", "therapy"),
        ("Feeling rough? Try ringing the GP early, or go straight to a pharmacist for minor illnesses.", "nhs"),
    ],
)
def test_welsh_openers_languages_and_services_used_are_not_people(text: str, kind: str) -> None:
    assert top(text, kind) <= Severity.LOW


# --- staff milestones, public records, job adverts, general explainers (round 6) ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Delighted to welcome Dr Femi Adeyemi to the practice from 3 March. Femi grew up in Leyton, "
         "is dad to twins and will be leading our new group for teenagers.", "therapy"),
        ("30 years at the counter 🎉 Brenda Hollis joined our Keighley branch in 1995, aged 19, and "
         "retires this Friday. A nan of four, she'll be missed. Pop in for cake, 2-4pm.", "bank"),
        ("Meet PCSO Tariq Mahmood 👋 Tariq, 38, has patrolled Moss Side for 9 years. Dad of two and "
         "a keen cyclist; find him at the library on Tuesdays 10-11am.", "police"),
        ("Meet Lorna, 66 🌼 Our Thursday storyteller at the Hartcliffe hub. Retired dinner lady, "
         "grandma of five. Thank you Lorna! #VolunteerWeek", "charity"),
        ("Planning application 25/01234/FUL (8 flats at 41 Mill Lane, Otley) goes to committee on "
         "Tue 4 June, 6pm, Civic Centre.", "council"),
        ("We've moved! From Monday 2 June find us at 2nd Floor, 9 King Street, Leeds LS1 2HL. "
         "Phone stays the same. Registered charity no. 1123456.", "charity"),
        ("Become a Paramedic in Essex. Starting salary £29,970, plus unsocial hours pay. "
         "Applications for the October intake close 30 June.", "nhs"),
        ("A caller asked why we don't attend every minor collision. If nobody is hurt, swap details "
         "and report online; officers review every report within 72 hours.", "police"),
        ("A parent asked why some children are seen before others. A child with a sprain may wait "
         "while a baby with a high fever is seen first.", "nhs"),
        ("If you're worried about a child's safety, call 999. For urgent mental health advice, "
         "call 111.", "therapy"),
    ],
)
def test_staff_milestones_public_records_and_explainers_stay_low(text: str, kind: str) -> None:
    # The rules' reading; the learned net is judged by tools/train_risk.py.
    assert top(text, kind, risk_model=False) <= Severity.LOW


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Joining a client group is not joining the team.
        ("Celebrating 5 years with us 🎉 Dean, 44, joined our Tuesday group in 2020 when he was "
         "sleeping rough in Walker, and is now in his own flat.", "charity"),
        ("Delighted to welcome Jo Price to the team! Jo, 41, was homeless in Walker for three years "
         "before she came to us for help.", "charity"),
        # A planning reference does not excuse a named resident's address.
        ("Planning application 25/01234/FUL: Mrs Carol Dent of 41 Mill Lane, Otley is objecting "
         "because of her son's disability.", "council"),
        # A caller whose own story is told, not a general question.
        ("A caller asked whether she could still get help after her husband left on Tuesday; she is "
         "72 and lives alone in Hucclecote.", "police"),
    ],
)
def test_look_alikes_with_a_client_are_still_held(text: str, kind: str) -> None:
    assert top(text, kind) >= Severity.MEDIUM


@pytest.mark.parametrize(("text", "phrase", "kind"), [
    ("Her new hearing aid works at last.", "hearing aid", "health"),
    ("He is hard of hearing, so we wrote it down.", "hard of hearing", "health"),
    ("Her court hearing is on Tuesday.", "court hearing", "legal"),
    ("His hearing is on Tuesday.", "hearing", "legal"),
])
def test_a_word_inside_a_longer_listed_phrase_means_what_the_phrase_says(text, phrase, kind) -> None:
    found = spans_of(text)
    assert found[phrase] == kind
    if phrase != "hearing":
        assert found.get("hearing") in (None, kind)  # no court hearing inside a hearing aid
