"""Who a post is about: general questions, colleagues' profiles and typical beneficiaries
are not a particular client; their look-alikes that tell one client's story still are."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import CheckContext, Severity


def top(text: str, org_kind: str = "") -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=org_kind, settings={"risk_model": False})
    findings = [f for f in identifiers.run(ctx) if f.code != "risk_model"]
    return max((f.severity for f in findings), default=Severity.INFO)


@pytest.mark.parametrize(
    "text",
    [
        "A tenant asked us at Monday's surgery in Hexthorpe whether garden waste bins can take turf. Yes, up to two bags.",
        "Someone asked at our Ludlow branch last week if you can pay a parking fine by phone. You can: ring the number on the notice.",
        "A patient asked at reception this morning why flu jabs run out by December. Here's how supply works.",
        # Where it was asked belongs to the author ("my inbox"), not to the asker.
        "Someone asked in my inbox on Friday whether it's okay to bring a friend to a first session. Yes, always.",
        # An apostrophe inside the quoted question does not end the quotation.
        "Something a customer asked us this week that we hear a lot: 'Can I return it if I've lost the receipt?' Yes, with a card statement.",
    ],
)
def test_a_reported_general_question_does_not_make_the_asker_a_subject(text: str) -> None:
    assert top(text, "council") <= Severity.LOW


@pytest.mark.parametrize(
    "text",
    [
        "A tenant asked us at Monday's surgery in Hexthorpe whether she could still keep her flat after the eviction notice.",
        "A man at our Ludlow drop-in asked last week if he could get help now he's 58 and out of work.",
        "A tenant asked her housing officer at Monday's surgery whether the rent arrears would stop the transfer.",
    ],
)
def test_a_question_about_the_askers_own_life_still_describes_them(text: str) -> None:
    assert top(text, "council") >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Meet Hamid 👋 One of our parks crew. He's 47, grew up in Kabul and has kept Victoria Gardens tidy since 2012. #MeetTheTeam",
        "Meet Rosa 🌻 Rosa is 81 and has volunteered in our Ledbury shop every Thursday since 2004. Retired midwife and nan of five.",
        "Meet Alf 👋 Alf's 68 and has been our Monday and Wednesday kennel helper since 2011. Grandad of four from Hartlepool.",
        "Meet Grace 💙 36, shop manager at our Filey store. Moved from Accra in 2012 and swims in the sea every Sunday.",
        "Meet Maureen 💚 66, who's run our Whitby bookshop since 2003. Born in Scarborough, nan of three.",
        "Meet PC Tom Okafor 👮 Tom, 31, transferred to us from Merseyside last spring. Grew up in Toxteth.",
    ],
)
def test_a_colleague_or_volunteer_profile_is_not_a_client_story(text: str) -> None:
    assert top(text, "charity") <= Severity.LOW


def test_a_client_profile_shaped_like_a_team_one_is_still_held() -> None:
    text = "Meet Alf 👋 Alf's 68 and has been our client since 2011, after losing his flat in Hartlepool."
    assert top(text, "charity") >= Severity.MEDIUM


def test_a_client_introduced_with_meet_is_still_a_client_story() -> None:
    text = "Meet Rosa. Rosa is 81 and lives alone in Ledbury. Last winter she was sleeping in her car after losing her flat."
    assert top(text, "charity") >= Severity.HIGH


def test_a_profile_with_a_private_circumstance_still_escalates() -> None:
    # A colleague's own debts are private too.
    text = "Meet Rosa 🌻 Rosa is 81 and has volunteered in our Ledbury shop since 2004, even through her bankruptcy last year."
    assert top(text, "charity") >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Where does £5 go? £5 buys a hot meal for one child at our holiday club. £40 pays for a winter coat for a dad sleeping rough.",
        "Right now 21 children in Powys are waiting for a family. Could you foster? Info evening Thursday 3 April, 7pm, Llandrindod.",
        "Thanks to everyone who came to our open day in Hereford on Saturday: 210 of you, 6 dogs and one very patient shire horse.",
    ],
)
def test_typical_or_sought_people_are_not_particular(text: str) -> None:
    assert top(text, "charity") <= Severity.LOW


def test_what_a_gift_paid_for_one_family_is_still_particular() -> None:
    text = "Last week £40 paid for a winter coat for a dad of three sleeping rough in Hereford bus station."
    assert top(text, "charity") >= Severity.MEDIUM


def test_a_timetable_line_opening_with_an_abbreviated_weekday_is_not_a_name() -> None:
    text = "Pantry this week:\nTue: Holy Trinity, Bury, 10–12\nThu: Elton Community Centre, 1–3pm"
    assert top(text, "charity") <= Severity.LOW


def test_a_role_named_as_a_kind_of_appointment_is_not_a_person() -> None:
    text = "Earache or a sinus infection? Your pharmacy can now treat these without you needing a GP appointment."
    assert top(text, "nhs") <= Severity.LOW


def test_a_job_advert_with_its_office_pay_and_vacancy_reference_is_not_a_client_story() -> None:
    text = (
        "We're hiring 3 Tenancy Support Officers. £32,100 to £35,400, 37 hours, based at Civic House, "
        "Hull HU1 2AA. You'll work with tenants at risk of losing their homes. Job ref HCC-TSO-118."
    )
    assert top(text, "council") <= Severity.LOW


def test_a_job_advert_that_names_a_private_person_with_an_address_is_still_held() -> None:
    text = (
        "We're hiring a caretaker, £24,000 to £26,000, 37 hours. Mrs Joan Patel at 4 Elm Road, Hull HU5 3QP "
        "will show you round the estate she has lived on since her eviction from Orchard Park."
    )
    assert top(text, "council") >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        ("Found at Derby bus station: a black umbrella with a wooden handle, ref LP-1125-0042. Claim from the travel office with a description.", "police"),
        ("You can check our registration on the HCPC register, number PYL-04417. Always check before you book.", "therapy"),
    ],
)
def test_a_found_items_reference_or_our_own_registration_number_is_not_a_persons_record(text: str, org_kind: str) -> None:
    assert top(text, org_kind) <= Severity.LOW


def test_a_found_item_post_that_publishes_the_owners_name_and_address_is_still_held() -> None:
    text = "Found: a purse belonging to Mrs Janet Whitley of 14 Oak Road, Derby DE22 1AB, ref LP-1125-0043. Claim from the front desk."
    assert top(text, "police") >= Severity.MEDIUM


def test_a_case_reference_in_a_reply_about_a_client_is_still_held() -> None:
    text = "@jo_k Hi Jo, your claim ref CL-2291-0087 was refused because the paperwork was late."
    assert top(text, "law_firm") >= Severity.MEDIUM


def test_an_animals_age_weight_and_pronoun_in_an_adoption_post_describe_the_animal() -> None:
    text = "Meet Pickle! 🐶 4-year-old lurcher, 28kg, loves long walks. He's been with us since March and needs a home with no cats. #AdoptDontShop"
    assert top(text, "charity") <= Severity.LOW


@pytest.mark.parametrize(
    "text",
    [
        "Meet Joan, a 3-year-old girl from Leigh whose mum died in January.",
        "Our client, a 79-year-old dog walker from Leigh, lost £4,000 to a scam in January.",
        "Thanks to the 79-year-old dog walker from Leigh who sat with our customer in the Wigan branch on Tuesday after her fall.",
    ],
)
def test_a_person_near_an_animal_word_is_still_a_person(text: str) -> None:
    assert top(text, "charity") >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        # Warning signs of a situation, told of any child.
        ("Half-term soon. Some signs a child may be being groomed online: new 'friends' they won't talk about, "
         "gifts you can't explain. Worried? Call the NSPCC on 0808 800 5000.", "charity"),
        # What a donation does "at the time a child most needs someone".
        ("Honest answer: £10 = one hour of a trained volunteer on our helpline in Bristol, at the time a child most needs someone.", "charity"),
        # A unit cost, told of a typical beneficiary.
        ("Our family support workers visited 1,137 families in Bristol in 2024. It costs £9 to run a young carers' session for one child.", "charity"),
        # A condition, not an event.
        ("Crews in Norfolk switch off blue lights when the patient is stable. It doesn't mean nobody cares.", "nhs"),
        # "a couple of hours" is an amount of time.
        ("A488 closed at Lydham after a collision. Find another route if you can – delays likely for a couple of hours.", "police"),
    ],
)
def test_a_general_statement_about_a_child_or_patient_describes_no_one(text: str, org_kind: str) -> None:
    assert top(text, org_kind) <= Severity.LOW


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        # The same frames, telling what happened to one person.
        ("When the patient arrived at Cromer on Tuesday at 3am she was 82 and alone.", "nhs"),
        ("A couple from Lydham, both 80, were hurt in the collision on the A488 on Tuesday.", "police"),
        ("We saw the signs in one child at our Knowle West club on Tuesday: aged 9, a new phone and secret 'friends'.", "charity"),
    ],
)
def test_the_same_frames_telling_one_persons_story_are_still_held(text: str, org_kind: str) -> None:
    assert top(text, org_kind) >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        # "they"/"her" in a present-tense question about how things work.
        ("A patient asked at our Barnstaple drop-in on Monday whether they can refer themselves to Talking Therapies. "
         "Yes! Anyone aged 16+ registered with a Devon GP can.", "nhs"),
        ("A customer asked at Saturday's rose talk in Dorking why her roses keep getting black spot. It's a fungus.", "retail"),
        ("A resident emailed to ask why the A484 at Cwmffrwd is shut again. Fair question!", "council"),
        ("A resident in Clun asked what to do if you see someone lamping at night. Don't approach; call 101.", "police"),
    ],
)
def test_a_reported_general_question_with_a_generic_pronoun_is_not_the_askers_story(text: str, org_kind: str) -> None:
    assert top(text, org_kind) <= Severity.LOW


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [
        # Past or conditional: the asker's own story.
        ("A patient asked at our Barnstaple drop-in on Monday whether she could still be seen now she's 84 and housebound.", "nhs"),
        ("A resident in Clun emailed to ask why her bins were missed for the third Monday running at 14 Mill Lane.", "council"),
        ("A woman aged 34 from Dorking asked at Saturday's talk whether her roses were dying because of her divorce.", "retail"),
    ],
)
def test_a_reported_question_about_the_askers_own_life_is_still_held(text: str, org_kind: str) -> None:
    assert top(text, org_kind) >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "Anyone aged 16+ registered with a Norfolk GP can refer themselves to Talking Therapies from Monday.",
        "Free flu jabs at our Cromer clinic on Saturday for women aged 16–64 and everyone over 65.",
    ],
)
def test_an_age_band_for_a_service_is_not_one_persons_age(text: str) -> None:
    assert top(text, "nhs") <= Severity.LOW


def test_one_persons_age_next_to_an_age_band_is_still_held() -> None:
    text = "A man aged 71 was seen at our Cromer clinic on Saturday after a fall; services for anyone aged 65+ are on our site."
    assert top(text, "nhs") >= Severity.MEDIUM


def test_an_explainer_written_to_the_reader_speaks_of_the_readers_family() -> None:
    text = ("Separated and worried about the house? Three things worth knowing before you sign anything in Cardiff: "
            "the family home is treated differently from other property, and mediation is cheaper than court. "
            "Don't move out without advice: it doesn't mean you give up your share. Our first appointment is £150.")
    assert top(text, "law_firm") <= Severity.LOW


def test_an_explainer_that_tells_what_happened_to_one_family_is_still_held() -> None:
    text = ("Separated and worried about the house? Before you sign anything, remember the family we helped in Cardiff: "
            "the mum, 41, nearly lost your kind of home because she moved out. You can avoid that, and so can your kids.")
    assert top(text, "law_firm") >= Severity.MEDIUM
