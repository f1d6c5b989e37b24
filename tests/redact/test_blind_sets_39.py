"""The sets written blind in the thirty-ninth pass (issue 11) by other sessions that read nothing
of the repository but the labelling page (`data/heldout/LABELLING_PAGE.md`), in two rounds: five
at the pass's start, four in its middle. Each was measured once before it was read, with the tree
the pass began with (`193547e`); the second round also with the middle tree (`f2bfab2`). Seven
were then read and their kinds of failure fixed (in cases written here: `test_pass39.py`);
`english_blind47` (first round) and `secrets_blind39` (second round) were written at the same time
by sessions that saw none of it, and never read. (`english_blind41`, sealed two passes ago, was
read as its figure once: a first product rule cost it 0.002 recall and was narrowed.)

The bounds leave a little room: under a loaded machine an item can run past its time budget and
be dropped whole."""

from __future__ import annotations

from demotrace.redact import TextRedactor

from .helpers import heldout_items, overall, secret_figures, title_figures


def test_titles_of_mail_crm_hr_terminals_maps_banking_in_ten_languages() -> None:
    """`titles_blind15.json`: 240 titles (160 en, 80 in 9 other languages), 140 with private
    data, 100 harmless. Measured at the start **121/140 (86.4 %), 12/100 touched**; at the end
    127/140 (90.7 %), 6/100 (parcels' and orders' numbers, devices named after their owners,
    public figures, maps' places)."""
    caught, touched = title_figures(heldout_items("titles_blind15.json"), TextRedactor())
    assert caught >= 126 and touched <= 7, (caught, touched)


def test_titles_of_portals_messengers_consoles_in_eleven_languages() -> None:
    """`titles_blind16.json` (second round): 240 titles (144 en, 96 in 10 other languages), 140
    with private data, 100 harmless. Measured at the start and the middle **122/140 (87.1 %),
    11/100**; at the end 125/140 (89.3 %), 10/100 (inverted names before a title's separator, a
    login with a dot, a notification's verb)."""
    caught, touched = title_figures(heldout_items("titles_blind16.json"), TextRedactor())
    assert caught >= 124 and touched <= 11, (caught, touched)


def test_english_dental_property_freight_university_weddings_garages_telecoms() -> None:
    """`english_blind46.json`: measured at the start **R 0.946 / P 0.811**; at the end R 0.949 /
    P 0.832 (public figures and brands, products that are no address)."""
    result = overall("english_blind46.json")
    assert result["recall"] >= 0.947 and result["precision"] >= 0.829, result


def test_english_local_news_gyms_libraries_care_music_councils() -> None:
    """`english_blind48.json` (second round, asked to mention public figures beside private
    people): measured at the start **R 0.933 / P 0.695** (0.933 / 0.721 at the middle); at the end
    R 0.933 / P 0.721."""
    result = overall("english_blind48.json")
    assert result["recall"] >= 0.931 and result["precision"] >= 0.718, result


def test_english_written_beside_the_pass_never_read() -> None:
    """`english_blind47.json` (first round), never read: recruiting, pharmacy, school parents,
    couriers, coworking, tax, a marketplace. Measured at the start **R 0.926 / P 0.844**; at the
    end R 0.930 / P 0.853."""
    result = overall("english_blind47.json")
    assert result["recall"] >= 0.928 and result["precision"] >= 0.850, result


def test_clinical_insurance_chat_forms_mail_in_seven_languages() -> None:
    """`multilingual_blind23.json` (es nl de fr it pt, 90 clinical) and `multilingual_blind24.json`
    (es nl de fr **pl da**, second round): measured at the start **R 0.966 / P 0.832** and **R 0.944
    / P 0.816** (0.944 / 0.818 at the middle); at the end R 0.966 / P 0.834 and R 0.944 / P 0.818."""
    first, second = overall("multilingual_blind23.json"), overall("multilingual_blind24.json")
    assert first["recall"] >= 0.964 and first["precision"] >= 0.831, first
    assert second["recall"] >= 0.942 and second["precision"] >= 0.815, second


def test_secrets_in_jvm_go_php_ruby_config_management_sql_devtools_vaults_ssh() -> None:
    """`secrets_blind38.json`: 291 snippets, 92 with no private span. Measured at the start
    **92.5 %, 21/92**; at the end 92.3 %, 13/92 (`go test`'s verdicts, commits' hashes, SSH's
    algorithms, Go's checksums, request ids, a search's words, settings' keys)."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind38.json"), TextRedactor())
    assert clean == 92 and share >= 0.92 and touched <= 14, (share, touched)


def test_secrets_written_beside_the_pass_never_read() -> None:
    """`secrets_blind39.json` (second round), never read: 288 snippets, 91 clean. Measured at the
    start **94.4 %, 17/91** (94.4 %, 16/91 at the middle); at the end 94.4 %, 16/91."""
    share, touched, clean = secret_figures(heldout_items("secrets_blind39.json"), TextRedactor())
    assert clean == 91 and share >= 0.943 and touched <= 17, (share, touched)
