"""Who speaks in the White House's own documents (issue 14): the name a proclamation's "I" gives
itself, a speech printed below a line that introduces it, and rows that are no statement at all.
Short fictional passages, and the shared corpus read at test time (skipped where it is absent)."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import shared_path

from kit.quotes import extract_quotes
from kit.registry import load_registry
from kit.speakers import attribute_statements


def rows(nlp, text: str, title: str = "", published: str = "2025-06-02T12:00Z") -> pd.DataFrame:
    articles = pd.DataFrame([{"article_id": "a1", "text": text, "title": title, "source": "whitehouse.gov",
                              "url": "https://www.whitehouse.gov/x", "published": pd.Timestamp(published)}])
    return attribute_statements(extract_quotes(articles, nlp), articles, load_registry())


def test_a_speech_below_a_line_that_introduces_it_is_the_named_speakers(nlp):
    text = ("Ambassador Nora Kettle opened the harbour conference on Monday with a message of calm. "
            "The conference drew delegates from forty ports.\n\n"
            "Below are the full remarks by Ambassador Nora Kettle, as prepared for delivery:\n\n"
            "Thank you all for coming.\n\n"
            "I believe our harbours will be safer next year than they have ever been.\n\n"
            "I invite each of you to join the new port safety council.\n")
    out = rows(nlp, text, "Ambassador Kettle Opens the Harbour Conference")
    first = out[out["speaker_mention"] == "I"]
    assert len(first) == 2 and set(first["speaker"]) == {"Nora Kettle"}


def test_a_stance_needs_someone_to_hold_it(nlp):
    text = ("The council renewed the harbour levy on Tuesday. The rule ensures no harbour dollars support "
            "private yacht clubs in the bay.\n\n"
            "Most residents oppose the new levy, a survey of the town found.\n")
    out = rows(nlp, text)
    assert "oppose" in set(out["cue"])          # people hold a stance
    assert "support" not in set(out["cue"])     # dollars do not


def test_a_list_of_deeds_and_a_participle_with_nobody_speaking_are_no_statements(nlp):
    text = ("Here is what the harbour board did this year:\n\n"
            "1. Announced new fees on foreign ferries in an effort to boost the town's own shipyard. "
            "2. Designated the Red Gull gang as a criminal group for supporting the smugglers.\n\n"
            "Harbour master Ivo Brandt announced that the port will reopen in May.\n")
    out = rows(nlp, text)
    assert set(out["cue"]) == {"announced"}
    assert list(out["speaker"]) == ["Ivo Brandt"]


def test_with_a_person_saying_is_that_persons_statement(nlp):
    text = ("The harbour vote was close, with council member Ana Petrov saying the levy would drive "
            "ferries away from the bay.\n")
    out = rows(nlp, text)
    assert list(out.loc[out["cue"] == "saying", "speaker"]) == ["Ana Petrov"]


def test_a_heading_before_a_colon_is_not_the_speaker(nlp):
    text = ("CLAIM: The harbour levy will drive ferries away.\n\n"
            "FACT: Harbour master Ivo Brandt declared the claim false and recognized the levy is "
            "“fully funded by yacht owners.”\n")
    out = rows(nlp, text)
    declared = out[out["cue"].isin(["declared", "recognized"])]
    assert len(declared) and set(declared["speaker"]) == {"Ivo Brandt"}


def test_a_scare_quote_nobody_said_is_no_statement(nlp):
    text = ("The board cut $12,000 for “telling the harbour story” in the bay.\n\n"
            "Harbour master Ivo Brandt said the cut was overdue.\n")
    out = rows(nlp, text)
    assert list(out["speaker"]) == ["Ivo Brandt"]


def test_a_chant_from_the_floor_ends_the_turn_but_is_no_statement(nlp):
    text = ("THE PRESIDENT: Thank you very much. We have rebuilt the harbour and the ferries are back.\n\n"
            "AUDIENCE: Ferries! Ferries! Ferries!\n\n"
            "THE PRESIDENT: Thank you. And the yacht clubs will pay their fair share, believe me.\n\n"
            "AUDIENCE MEMBER: Mr. President, will the levy also apply to fishing boats in the bay?\n")
    out = rows(nlp, text, "Remarks by President Bela Sidorova at the Harbour")
    turns = out[out["kind"] == "turn"]
    assert list(turns["speaker_mention"]) == ["THE PRESIDENT", "THE PRESIDENT", "AUDIENCE MEMBER"]
    assert not turns["quote"].str.contains("Ferries!").any()


def test_a_round_up_entry_gives_its_quotation_to_the_one_it_names(nlp):
    text = ("The harbour bill drew praise across the bay.\n\n"
            "BayNews.com: Harbour Bill Delivers for Ferries, Dredging at Last\n\n"
            "*“The harbour bill puts ferries first and gives the bay the dredging it has waited for "
            "since the storm.”*\n\n"
            "------------------------------------------------------------\n\n"
            "Fact Sheet: The Harbour Bill at a Glance\n\n"
            "*“The bill funds dredging, new piers and a ferry terminal.”*\n")
    out = rows(nlp, text)
    said = out[out["quote"].str.contains("puts ferries first")]
    assert list(said["speaker"]) == ["BayNews.com"] and list(said["kind"]) == ["direct"]
    assert not out["quote"].str.contains("funds dredging").any()  # a fact sheet is nobody


def test_it_is_the_organisation_its_sentence_named(nlp):
    text = ("In 2024, the Harbour Broadcasting Corporation ran a feature on ferries, in which it suggested "
            "that the bay needs no dredging at all.\n\n"
            "It also claimed that the levy was illegal.\n")
    out = rows(nlp, text)
    assert list(out.loc[out["cue"] == "suggested", "speaker"]) == ["Harbour Broadcasting Corporation"]
    # an "it" that opens its sentence may be the feature as well as the broadcaster: left as it is
    assert list(out.loc[out["cue"] == "claimed", "speaker"]) == [""]


def test_an_order_to_declare_and_a_duty_to_publish_are_no_statements(nlp):
    text = ("Here is what the harbour board did this year:\n\n"
            "12. Directed the harbour master to declare that the bay will always put ferries first. "
            "13. Secured $25,000 in the town budget to provide support for ferry crews.\n\n"
            "Sec. 3. The harbour master shall develop and publish an update to the ferry timetable.\n")
    out = rows(nlp, text)
    assert out.empty


def test_an_op_ed_under_a_titled_name_is_that_persons(nlp):
    text = ("A harbour is more than its piers. It is the work of every family that lives beside it.\n\n"
            "I believe our ferries will carry this town for another hundred years. We owe it to our "
            "children to keep the bay open, and I will ask the council to fund the dredging.\n\n"
            "I invite you to join me at the pier on Saturday. Our town, our harbour, our future: we "
            "decide it together, and I know we will.\n")
    out = rows(nlp, text, "Mayor Nora Kettle: Our Harbour Is Our Strength")
    first = out[out["speaker_mention"] == "I"]
    assert len(first) >= 2 and set(first["speaker"]) == {"Nora Kettle"}


def test_the_text_an_order_inserts_is_no_statement(nlp):
    text = ("(b) striking subsection 2(c) and inserting, in lieu thereof, the following:\n\n"
            "“(c) Relevant harbour agencies (agencies) shall take the following actions:\n\n"
            "(i) By August 1, 2025, the harbour master shall publish a ferry timetable.\n\n"
            "(ii) By June 1, 2026, the agencies shall dredge the bay.”;\n\n"
            "(c) striking subsection 3(a).\n")
    assert rows(nlp, text).empty


def test_a_share_of_people_in_a_poll_is_that_polls(nlp):
    text = ("A new poll by Bayside Research reveals that most residents back the harbour plan.\n\n"
            "- 72% agree there should be a harbour agency focused on dredging.\n\n"
            "- 54% say the ferry levy is fair.\n")
    out = rows(nlp, text)
    shares = out[out["cue"].isin(["agree", "say"])]
    assert len(shares) == 2 and shares["speaker"].str.endswith("(Bayside Research poll)").all()
    assert list(out.loc[out["cue"] == "reveals", "speaker"]) == ["Bayside Research poll"]


def test_the_network_is_the_organisation_just_named(nlp):
    text = ("In 2024, Bay Radio repeatedly misreported the harbour vote. After being sued, the network "
            "agreed that its reports had been wrong.\n")
    out = rows(nlp, text)
    assert list(out.loc[out["cue"] == "agreed", "speaker"]) == ["Bay Radio"]


def test_a_name_alone_before_a_quotation_in_a_list_is_its_speaker(nlp):
    text = ("The harbour board did a great deal this year:\n\n"
            "- The harbour board found the cost of dredging was lower than feared. "
            "- Economist Maria Lopez “estimates that each ferry saves a family 300 dollars a year.” "
            "- Bayside Ferries CEO Daniel Novak: “The new piers will let us double the timetable.”\n")
    out = rows(nlp, text)
    said = dict(zip(out["quote"].str[:12], out["speaker"]))
    assert said["estimates th"] == "Maria Lopez" and said["The new pier"] == "Daniel Novak"


# -- documents, joint statements of states, titles standing for "he" (issue 14) ----------------
def test_a_document_named_with_its_author_is_the_authors(nlp):
    text = ("- A 2019 report from the Harbour Safety Board cited by Rep. Ivo Brandt revealed that ferry "
            "crews were overworked.\n- The report found that the docks needed repair.\n"
            "- A new study found that ferries are late.\n")
    out = rows(nlp, text).set_index("speaker_mention")
    assert out.loc["A 2019 report", "speaker"] == "the Harbour Safety Board"
    assert out.loc["The report", "speaker"] == "the Harbour Safety Board"   # the report introduced above
    assert out.loc["A new study", "speaker"] == "A new study"               # no author: left as written


def test_a_document_someone_published_is_the_publishers(nlp):
    text = ("- The Ferry Builders Association released a statement applauding “the Mayor for putting "
            "harbour workers first.”\n- In 2024, Bay Radio produced a documentary making the case for a new pier.\n")
    out = rows(nlp, text).set_index("speaker_mention")
    assert out.loc["a statement", "speaker"] == "The Ferry Builders Association"
    assert out.loc["a documentary", "speaker"] == "Bay Radio"


def test_he_after_a_capitalised_bare_title_is_that_office(nlp):
    text = ("The Secretary of Harbours (Secretary) reported on the levy.\n\n"
            "5. The Secretary recommended that I clarify the levy, and he recommended that the levy "
            "apply to yachts.\n")
    out = rows(nlp, text, "Adjusting the Harbour Levy")
    assert set(out.loc[out["cue"] == "recommended", "speaker"]) == {"the Secretary of Harbours"}


def test_the_noun_an_unnamed_person_was_introduced_with_is_that_person(nlp):
    text = ("When a veteran Bay Radio reporter and editor spoke out about the station, they suspended him. "
            "The editor found that the newsroom had no fishermen on staff.\n")
    out = rows(nlp, text)
    assert list(out.loc[out["speaker_mention"] == "The editor", "speaker"]) == ["a veteran Bay Radio reporter and editor"]


def test_a_verb_after_a_closing_quotation_mark_names_its_speaker_after_it(nlp):
    text = ("Ana Petrov reunited another child with her family on Monday.\n\n"
            "“There is nothing more powerful than reuniting a mother with her child. My team and I are "
            "focused on the next reunion.” asserted First Lady Ana Petrov.\n")
    out = rows(nlp, text)
    assert list(out.loc[out["cue"] == "asserted", "speaker"]) == ["Ana Petrov"]


@pytest.mark.parametrize("authority", [
    "",  # the parser hangs the "I" on the capitalised adverb it takes for the subject
    ", including section 301 of title 3, United States Code, section 604 of the Trade Act of 1974, as amended, "
    "and section 232",  # the parser leaves the verb with no subject at all
])
def test_a_proclamations_i_beside_the_presidents_name_in_capitals_is_the_president(nlp, authority):
    text = ("By the President of the United States of America\n\nA Proclamation\n\nThe harbour matters to us all.\n\n"
            "NOW, THEREFORE, I, BELA SIDOROVA, President of the United States of America, by the authority "
            f"vested in me by the Constitution and the laws of the United States of America{authority}, do hereby "
            "proclaim that the harbour levy applies to yachts.\n")
    out = rows(nlp, text, "Adjusting the Harbour Levy")
    proclaim = out[out["cue"] == "proclaim"]
    assert list(proclaim["speaker_mention"]) == ["I"] and list(proclaim["actor"]) == ["Donald Trump"]


def test_the_presidents_of_the_two_countries_are_both_participants(nlp):
    text = ("Ivo Brandt held talks in Lisbon with Prime Minister of Veloria Ana Petrov.\n\n"
            "Following the talks, the presidents of the two countries made statements on the outcome of the talks.\n")
    # ("made statements for the press" alone names statements made elsewhere: no row, see ``audience_nouns``)
    out = rows(nlp, text, "Talks with Prime Minister of Veloria Ana Petrov")
    assert list(out.loc[out["cue"] == "made", "speaker"]) == ["Ivo Brandt; Ana Petrov"]


def test_both_sides_of_talks_between_delegations_are_their_countries(nlp):
    text = ("On 3 May, representatives of Portugal and Brazil met in Lisbon for talks on the harbour treaty.\n\n"
            "Both sides agreed the consultations were highly productive.\n")
    out = rows(nlp, text, "Joint Statement on the Lisbon Meeting")
    agreed = out[out["cue"] == "agreed"]
    assert list(agreed["speaker"]) == ["Portugal; Brazil"] and list(agreed["camp"]) == ["Several camps"]


def test_we_in_a_joint_statement_of_states_is_every_signatory(nlp):
    """The P5 leaders' statement of 3 January 2022 (en.kremlin.ru): its "we" is the five states its
    first sentence lists, one row each with every government, camp Several camps."""
    path = shared_path("corpus", "kremlin_en_2021_2022.jsonl")
    from kit.articles import load_articles
    articles = load_articles(path).articles
    articles = articles[articles["title"].str.startswith("Joint Statement of the Leaders of the Five")]
    out = attribute_statements(extract_quotes(articles, nlp), articles, load_registry())
    we = out[out["speaker_mention"].str.lower().str.startswith("we")]
    assert len(we) >= 5
    assert set(we["actor"]) == {"Government of China; Government of France; Government of Russia; "
                                "Government of the United Kingdom; Government of the United States"}
    assert set(we["camp"]) == {"Several camps"}


def test_a_city_and_its_state_are_one_place_not_a_list_of_countries(nlp):
    text = ("Lisbon, Portugal — The harbour office announced that the pier will reopen in May.\n\n"
            "Portugal and Brazil agreed that ferries will run daily.\n")
    out = rows(nlp, text)
    assert "Lisbon; Portugal" not in set(out["speaker"])
    assert list(out.loc[out["cue"] == "agreed", "speaker"]) == ["Portugal; Brazil"]


def test_talks_that_underscore_something_are_their_sides(nlp):
    text = ("On 3 May, representatives of Portugal and Brazil met in Lisbon for talks on the harbour treaty. "
            "The talks were constructive, underscoring the shared commitment to safe harbours.\n\n"
            "The discussions showed meaningful progress toward a treaty.\n")
    out = rows(nlp, text, "Joint Statement on the Lisbon Meeting")
    assert set(out.loc[out["cue"].isin(["underscoring", "showed"]), "speaker"]) == {"Portugal; Brazil"}


def test_they_after_a_host_and_an_office_holder_the_tagger_missed_are_both(nlp):
    text = ("Peter Walsh had a telephone conversation with Prime Minister of the Republic of Veloria Ana Petrov.\n\n"
            "During the conversation, Peter Walsh and Prime Minister of the Republic of Veloria Ana Petrov discussed "
            "the harbour treaty. They agreed to maintain contact on this issue.\n")
    out = rows(nlp, text, "Telephone conversation with Prime Minister of Veloria Ana Petrov")
    assert list(out.loc[out["cue"] == "agreed", "speaker"]) == ["Peter Walsh; Ana Petrov"]


def test_the_governor_is_the_guest_the_headline_introduces_with_that_office(nlp):
    text = ("Peter Walsh met with the governor of the Lakeland Region.\n\n"
            "Anton Kessler reported on the harbour works. The Governor said that the port had already been built. "
            "The head of the region asked for support in matters of gas supply.\n")
    out = rows(nlp, text, "Meeting with Lakeland Region Governor Anton Kessler")
    assert set(out.loc[out["cue"].isin(["said", "asked"]), "speaker"]) == {"Anton Kessler"}


def test_the_words_an_order_edits_in_another_are_no_statement(nlp):
    text = ("By the President of the United States of America\n\nA Proclamation\n\n"
            "NOW, THEREFORE, I, BELA SIDOROVA, President of the United States of America, do hereby proclaim "
            "that the harbour levy applies to yachts.\n\n"
            "- Clause 2 of Proclamation 9999, as amended, is further amended in the second sentence by deleting "
            "“and” before “(k)”; replacing “11:59 p.m. eastern standard time on December 31, 2025” after (k) with "
            "“12:01 a.m. eastern time on March 12, 2025”; and inserting a new clause.\n")
    out = rows(nlp, text, "Adjusting the Harbour Levy")
    assert list(out["cue"]) == ["proclaim"]


def test_the_i_and_we_of_a_proclamation_are_the_name_it_signs_with(nlp):
    text = ("Each year on Harbour Day, we reaffirm our commitment to the sailors of Dalmor.\n\n"
            "I strongly encourage families to visit the harbour museum this week.\n\n"
            "NOW, THEREFORE, I, BELA K. SIDOROVA, President of the Republic of Dalmor, do hereby proclaim "
            "June 2, 2025, as Harbour Day. I call upon all citizens to observe the day.\n\n"
            "IN WITNESS WHEREOF, I have hereunto set my hand this second day of June.\n\nBELA K. SIDOROVA\n")
    out = rows(nlp, text, "A Proclamation on Harbour Day, 2025")
    said = out[out["cue"].isin(["reaffirm", "encourage", "call"])]
    assert len(said) == 3 and set(said["speaker"]) == {"Bela K. Sidorova"}


def test_a_letter_in_the_first_person_is_the_signers_and_a_closing_line_in_capitals_is_not(nlp):
    letter = ("Dear Madam Speaker:\n\nI have sent to the Gazette for publication the enclosed notice. We urge "
              "the Assembly to act on the harbour levy. I believe that the levy is fair to every port. "
              "I ask that you share this letter with our members. I thank you, and we remain at your "
              "service. My staff and I stand ready to brief you. Our ports depend on it.\n\n"
              "Sincerely,\n\nOLA M. BRENN\n\nTHE WHITE HOUSE,\nJune 2, 2025.\n")
    out = rows(nlp, letter, "Letter to the Speaker on the Harbour Levy")
    assert set(out.loc[out["cue"].isin(["urge", "believe", "ask"]), "speaker"]) == {"Ola M. Brenn"}
    story = ("Port workers in Dalmor said on Monday that the harbour levy would cost jobs. "
             "We told the port authority that we would follow the story.\n\nREAD MORE\n")
    assert "Read More" not in set(rows(nlp, story)["speaker"])


def test_a_short_statement_is_the_author_its_headline_opens_on_and_a_message_its_signer(nlp):
    statement = rows(nlp, "I strongly support Mira Tal for the next director of the harbour authority.",
                     "Statement by Governor Lena Vasko on the Harbour Authority")
    assert list(statement["speaker"]) == ["Governor Lena Vasko"]
    message = rows(nlp, "I recommend that the Assembly give early consideration to the Treaty.\n\n"
                        "BELA K. SIDOROVA\n\nTHE WHITE HOUSE, June 2, 2025.", "A Message to the Assembly on the Treaty")
    assert list(message["speaker"]) == ["Bela K. Sidorova"]
    untitled = rows(nlp, "I strongly support Mira Tal for the next director of the harbour authority.",
                    "Harbour authority picks a director")
    assert list(untitled["speaker"]) == [""]
    # a number ends the author's name: "... Governor Lena Vasko Three Years After the Fire"
    anniversary = rows(nlp, "I strongly support Mira Tal for the next director of the harbour authority.",
                       "Statement by Governor Lena Vasko Three Years After the Harbour Fire")
    assert list(anniversary["speaker"]) == ["Governor Lena Vasko"]


def test_we_is_the_group_a_statement_names_itself_as_it_opens(nlp):
    """"We, the Leaders of the Harbour Group, met today ...": the authors name themselves as the
    text opens; its "we" is that group (camp Several camps), or the countries it lists (FICTIONAL)."""
    group = rows(nlp, "We, the Leaders of the Harbour Group, met today in Lisbon to strengthen our cooperation.\n\n"
                      "We condemn the attacks on the ferries. We call on every port to reopen its piers.\n",
                 "Harbour Group Leaders’ Statement")
    assert set(group["speaker"]) == {"the Leaders of the Harbour Group"}
    assert set(group["camp"]) == {"Several camps"} and len(group) == 2
    listed = rows(nlp, "We, the United States, Portugal, Brazil, and Chile of the Atlantic region, acknowledge "
                       "the strength of our harbours. We believe that safe piers serve every nation.\n",
                  "Statement on the Atlantic Harbour Framework")
    assert set(listed.loc[listed["cue"] == "believe", "speaker"]) == {"the United States; Portugal; Brazil; Chile"}
    titled = rows(nlp, "Recalling our commitment from last year, we are taking further steps. "
                       "We welcome the new harbour treaty.\n", "Harbour Group Leaders’ Statement on Piers")
    assert set(titled.loc[titled["cue"] == "welcome", "speaker"]) == {"Harbour Group Leaders"}


def test_a_slogan_before_a_headlines_colon_is_no_author(nlp):
    """"Building Back Better Together: ..." ends in a word the text writes in lower case ("come
    together"): a slogan, not a name whose owner says "we" (FICTIONAL)."""
    text = ("The harbour towns met today. We will come together to rebuild the piers, and we believe "
            "that ferries will run again by spring. We are grateful to the crews, and we thank them.\n\n"
            "We know the work is hard. Together, we will meet again in May, and we will report on the piers. "
            "Our towns stand together.\n")
    out = rows(nlp, text, "Harbours Rising Together: A Plan for the Coast")
    assert "Harbours Rising Together" not in set(out["speaker"])


def test_a_person_and_i_is_that_person_with_the_author_not_the_person_alone(nlp):
    """"Anna and I are deeply saddened ...": a statement's "I" is its author (the headline's), not
    Anna, and "Anna and I extend ..." is both of them (FICTIONAL)."""
    text = ("Anna and I are deeply saddened by the passing of Tom Reed. He was a patriot and a friend.\n\n"
            "I am forever grateful for his support of my work and for our shared battle for the harbour. I remember "
            "his kindness, and I know we will miss him. We send our prayers to his family, and I hope they find comfort.\n\n"
            "Anna and I extend our warmest wishes to his family. The mayor and I agreed that the pier will be named for him.\n")
    out = rows(nlp, text, "Statement of Governor Lena Vasko on the Passing of Harbour Master Tom Reed")
    said = dict(zip(out["cue"], out["speaker"]))
    assert said["am forever grateful"] == said["hope"] == "Governor Lena Vasko"
    assert said["extend"] == "Anna; Governor Lena Vasko"
    assert said["agreed"] == "The mayor; Governor Lena Vasko"


def test_a_notice_the_writer_sent_speaks_for_the_writer(nlp):
    """"I have sent to the Federal Register for publication the enclosed notice stating that ...": the
    notice is the signer's, not a speaker of its own in camp Other (FICTIONAL)."""
    text = ("Dear Madam Speaker:\n\n"
            "In accordance with this provision, I have sent to the Federal Register for publication the enclosed "
            "notice stating that the national emergency with respect to the harbour of Fairhaven is to continue "
            "in effect beyond October 14, 2021.\n\n"
            "Sincerely,\n\nLENA VASKO\n\nTHE HARBOUR OFFICE,\nOctober 5, 2021.\n")
    out = rows(nlp, text, "Letter to the Speaker on the Continuation of the Harbour Emergency")
    assert list(out.loc[out["cue"] == "stating", "speaker"]) == ["Lena Vasko"]
    # the closing and the name on one line, with no place or date of signing after them
    closing = text[:text.index("Sincerely")] + "Sincerely, LENA VASKO"
    out = rows(nlp, closing, "Letter to the Speaker on the Continuation of the Harbour Emergency")
    assert list(out.loc[out["cue"] == "stating", "speaker"]) == ["Lena Vasko"]


def test_a_person_in_apposition_speaks_not_the_noun_the_parser_made_the_subject(nlp):
    """The Summit for Democracy's summary (whitehouse.gov, December 2021): "In a subsequent panel
    discussion on protecting democratic institutions, including elections, the rule of law, and a
    resilient information space, U.S. Representative to the United Nations, Ambassador Linda
    Thomas-Greenfield, opened by noting that ..." gave "the rule of law" as the speaker; the
    parser hangs the ambassador on it as an apposition."""
    import gzip
    import json

    path = shared_path("corpus", "bench_whitehouse_all_2021_2026.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        doc = next(json.loads(line) for line in lines if "Summit for Democracy Summary of Proceedings" in line)
    text = doc["text"]
    at = text.index("In a subsequent panel discussion on")
    out = rows(nlp, text[at:text.index("\n", at)], doc["title"], doc["published"])
    noting = out[out["cue"] == "noting"]
    assert list(noting["speaker"]) == ["Linda Thomas-Greenfield"]
    assert "the rule of law" not in set(out["speaker"])


def test_what_an_orders_duty_is_for_is_no_statement(nlp):
    """"The Attorney General shall develop guidance and provide technical assistance to encourage
    State agencies to ...": the encouraging is what the duty is for, not anything said (FICTIONAL)."""
    text = ("Sec. 4. The Harbour Commissioner shall develop guidance and provide technical assistance to encourage "
            "local ports to integrate use of the Safety Database into their hiring decisions. The Secretary shall "
            "publish guidance to encourage ports to reopen.\n\nThe mayor urged ports to reopen.\n")
    out = rows(nlp, text, "Executive Order on Harbour Safety")
    assert list(out["cue"]) == ["urged"]


def test_a_body_named_in_full_and_then_by_its_head_word_speaks_under_its_full_name(nlp):
    """A fact sheet names "the Department of Harbours" once, then writes "The Department has
    committed ...": the statement is the department's (and its camp the registry's rule for it),
    not an unknown "The Department" of camp Other; "the committee" that no name holds stays as
    written (FICTIONAL)."""
    out = rows(nlp, "The Department of Homeland Security is taking new steps to protect harbour schools. The "
                    "Department has committed to releasing new resources for civics education. The committee "
                    "said the plan was late.", "FACT SHEET: Harbour Schools")
    assert out[["speaker", "camp"]].values.tolist() == [
        ["Department of Homeland Security", "White House"], ["The committee", "Other"]]
