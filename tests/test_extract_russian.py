"""Reading Russian (extract/ru/): names in their cases, counts, speakers, denials and dates,
and the same records as English so that a Russian report joins the English ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.extract import extract_document
from dossier.extract.aliases import resolve_entities
from dossier.extract.records import EntityType, Extraction, Statement
from dossier.extract.ru import extract_russian
from dossier.pipeline import build, case_evidence
from dossier.store import Case

PUBLISHED = dt.date(2017, 4, 6)  # a Thursday

STORY = (
    "Пресс-секретарь главы Чечни Рамзана Кадырова Алви Каримов назвал публикацию ложью. "
    "По его словам, в республике таких людей нет. "
    "Кадыров руководит Чечнёй с 2007 года. "
    "Как пишет «Новая газета», задержанных держат в бывшей воинской части в Аргуне. "
    "Журналистка Елена Милашина рассказала, что говорила с тремя задержанными."
)


def read(text: str, published: dt.date | None = PUBLISHED) -> Extraction:
    return extract_russian(text, document_id="doc", published=published, outlet=None)


def statement(x: Extraction, start: str) -> Statement:
    return next(s for s in x.statements if s.text.startswith(start))


def name(x: Extraction, index: int | None) -> str | None:
    return None if index is None else x.entities[index].name


def test_names_are_read_in_the_nominative_whatever_their_case() -> None:
    x = read(STORY)
    people = {e.name: e for e in x.entities if e.type is EntityType.PERSON}
    assert set(people) == {"Рамзан Кадыров", "Алви Каримов", "Елена Милашина"}
    # the lone surname later in the text is the same person
    assert set(people["Рамзан Кадыров"].surfaces) == {"Рамзана Кадырова", "Кадыров"}
    places = {e.name: e for e in x.entities if e.type is EntityType.PLACE}
    chechnya = next(e for e in places.values() if "Чечни" in e.surfaces)
    assert "Чечнёй" in chechnya.surfaces  # one place in two cases
    assert any("Аргун" in e.name for e in places.values())
    outlet = next(e for e in x.entities if e.name == "Новая газета")
    assert outlet.media and outlet.type is EntityType.ORGANIZATION


def test_mentions_point_at_the_words_as_written() -> None:
    x = read(STORY)
    for m in x.mentions:
        assert STORY[m.start:m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_a_title_before_a_name_is_its_role() -> None:
    x = read(STORY)
    roles = {(name(x, r.entity), r.role, name(x, r.of)) for r in x.roles}
    assert ("Алви Каримов", "spokesman", "Рамзан Кадыров") in roles
    assert ("Рамзан Кадыров", "head", "Чечня") in roles or \
        any(r[0] == "Рамзан Кадыров" and r[1] == "head" for r in roles)
    assert ("Елена Милашина", "journalist", None) in roles


def test_speakers_pronouns_and_cited_outlets() -> None:
    x = read(STORY)
    denial = statement(x, "Пресс-секретарь")
    assert denial.attribution.denial and name(x, denial.attribution.denied_by) == "Алви Каримов"
    follow = statement(x, "По его словам")
    assert name(x, follow.attribution.speaker) == "Алви Каримов"  # "his words": the last speaker
    assert follow.attribution.denial  # "таких людей нет": they say the people do not exist
    cited = statement(x, "Как пишет")
    assert name(x, cited.attribution.source) == "Новая газета"
    assert cited.attribution.speaker is None  # outlets are sources, never speakers
    assert cited.event_type == "detention"
    told = statement(x, "Журналистка")
    assert name(x, told.attribution.speaker) == "Елена Милашина"


@pytest.mark.parametrize(("sentence", "text", "low", "high", "qualifier"), [
    ("В Чечне задержаны более 100 мужчин.", "более 100", 100, None, "more than"),
    ("Не менее трёх человек погибли.", "Не менее трёх", 3, None, "at least"),
    ("Задержаны около 40 человек.", "около 40", 40, 40, "about"),
    ("Десятки мужчин бежали из республики.", "Десятки", 24, None, "dozens"),
    ("По данным полиции, задержаны 1 500 человек.", "1 500", 1500, 1500, "exactly"),
    ("Полиция задержала до 30 человек.", "до 30", None, 30, "up to"),
])
def test_counts_with_their_qualifier(sentence: str, text: str, low: int | None,
                                     high: int | None, qualifier: str) -> None:
    q = read(sentence).statements[0].quantity
    assert q is not None
    assert (q.text, q.low, q.high, q.qualifier) == (text, low, high, qualifier)
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence", [
    "Кадыров руководит Чечнёй с 2007 года.",  # a year
    "Его приговорили к 10 годам заключения.",  # a duration
    "Задержания начались 1 апреля.",  # a date
])
def test_years_durations_and_dates_are_not_counts(sentence: str) -> None:
    found = read(sentence).statements
    assert found and found[0].quantity is None


def test_dates_against_the_publication_date() -> None:
    x = read("Задержания начались в конце февраля. Об этом 1 апреля сообщила газета. "
             "Песков заявил в понедельник, что информации нет. В 2016 году было тихо.")
    values = [(d.text, d.value, d.precision.value) for s in x.statements for d in s.dates]
    # the text leaves out the preposition, as the English rules do
    assert ("конце февраля", "2017-02", "month") in values
    assert ("1 апреля", "2017-04-01", "day") in values
    assert ("понедельник", "2017-04-03", "day") in values  # the Monday before Thursday 6th
    assert ("2016 году", "2016", "year") in values


def test_without_a_publication_date_a_partial_date_has_no_year() -> None:
    x = read("Задержания начались 1 апреля. Песков заявил в понедельник, что всё спокойно.",
             published=None)
    values = {d.text: d.value for s in x.statements for d in s.dates}
    assert values["1 апреля"] == "--04-01"
    assert values["понедельник"] is None


@pytest.mark.parametrize(("sentence", "denial", "noncommittal"), [
    ("Представитель МВД опроверг эти сообщения.", True, False),
    ("Власти назвали публикацию провокацией.", True, False),
    ("Представитель МВД не отрицает, что задержания были.", False, False),
    ("В Кремле заявили, что не располагают достоверной информацией.", False, True),
    ("Меня ни в чём не обвиняли, просто били каждый день.", False, False),
])
def test_denials_and_their_near_misses(sentence: str, denial: bool, noncommittal: bool) -> None:
    a = read(sentence).statements[0].attribution
    assert (a.denial, a.noncommittal) == (denial, noncommittal)


def test_hedging() -> None:
    s = read("Мужчин якобы держат в секретной тюрьме.").statements[0]
    assert s.attribution.hedged and s.event_type == "detention"


def test_russian_and_english_spellings_are_one_case_entity() -> None:
    russian = read(STORY)
    english = extract_document(
        "Chechen leader Ramzan Kadyrov's spokesman, Alvi Karimov, called the report lies. "
        "Novaya Gazeta said men were held in Argun, in Chechnya.",
        document_id="en", published=PUBLISHED, outlet=None)
    merged = resolve_entities([russian, english])
    for russian_form, english_name in [("Рамзана Кадырова", "Ramzan Kadyrov"),
                                       ("Алви Каримов", "Alvi Karimov"),
                                       ("Новая газета", "Novaya Gazeta"),
                                       ("Аргуне", "Argun")]:
        entity = next(e for e in merged if russian_form in e.aliases)
        assert english_name in entity.aliases, (russian_form, entity.aliases)
    chechnya = next(e for e in merged if "Chechnya" in e.aliases)
    assert {"Чечни", "Чечнёй"} <= set(chechnya.aliases)


def test_the_pipeline_reads_a_russian_document_and_joins_it_to_the_english_report(
        tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(
        "Опубликовано: 6 апреля 2017\n\n"
        "В Чечне задержаны более 100 мужчин, которых подозревают в гомосексуальности. "
        "Об этом 1 апреля сообщила «Новая газета» со ссылкой на свои источники в полиции "
        "и на правозащитников, которые помогают пострадавшим покинуть регион.\n",
        encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "Published: 4 April 2017\n\n"
        "More than 100 men suspected of being gay have been detained in Chechnya, Novaya "
        "Gazeta reported on April 1, citing its own sources in the police and rights "
        "workers who help victims leave the region.\n", encoding="utf-8")
    case = Case.open(tmp_path / "case.db", create=True)
    try:
        build(case, sorted(tmp_path.glob("*.txt")), Settings())
        claims = case.view.claims()
        documents = {row.id: Path(row.path).name for row in case.view.documents()}
        document_of = {e.id: documents[e.document] for e in case_evidence(case)}
    finally:
        case.close()
    joined = [c for c in claims
              if {document_of[m] for m in c.claim.mentions} == {"ru.txt", "en.txt"}]
    assert joined, "the Russian report of the 100 detained joins the English one"
    assert joined[0].claim.independent_sources == 1  # both cite Novaya Gazeta: one origin


@pytest.mark.parametrize(("sentence", "institution"), [
    ("Министерство финансов Тарсовы опровергло эти данные.", "Министерство финансов Тарсовы"),
    ("Об этом сообщила Национальная таможенная служба Каставы.",
     "Национальная таможенная служба Каставы"),
    ("В МИД Тарсовы назвали доклад провокацией.", "МИД Тарсовы"),
    ("Комитет ООН по делам беженцев выразил тревогу.", "Комитет ООН по делам беженцев"),
    ("В МВД по Чеченской Республике это отрицают.", "МВД по Чеченской Республике"),
])
def test_institutions_named_in_full_with_their_country(sentence: str, institution: str) -> None:
    x = read(sentence)
    found = [e for e in x.entities if e.type is EntityType.ORGANIZATION]
    assert institution in {s for e in found for s in e.surfaces}, [e.surfaces for e in found]


def test_a_bare_body_of_a_country_is_not_an_institution_name() -> None:
    x = read("Полиция Тарсовы задержала двух активистов.")
    assert not [e for e in x.entities if e.type is EntityType.ORGANIZATION]


def test_names_after_a_given_name_or_a_title_are_surnames() -> None:
    x = read("Учительница Ирена Волк рассказала о задержании. Его пресс-секретарь Карел Дорн "
             "ничего не сказал. Ответ: Журналист Анна Ревель пропала.")
    people = {e.name for e in x.entities if e.type is EntityType.PERSON}
    assert {"Ирена Волк", "Карел Дорн", "Анна Ревель"} <= people
    assert not [e for e in x.entities if "Журналист" in e.name]  # not a name after "Ответ:"


def test_latin_organisation_names_in_a_russian_text() -> None:
    x = read("Правозащитная организация Human Rights Watch описала задержания.")
    assert any(e.name == "Human Rights Watch" and e.type is EntityType.ORGANIZATION
               for e in x.entities)


def speaker_of(x: Extraction, start: str) -> str | None:
    return name(x, statement(x, start).attribution.speaker)


def test_a_statement_printed_in_full_is_the_issuers_until_someone_else_answers() -> None:
    x = read("Министерство юстиции Тарсовы распространило заявление. Приводим его текст "
             "полностью.\n\nСообщения о пытках в тюрьме не соответствуют действительности. "
             "Все задержанные были отпущены домой.\n\n«Новая газета» в ответ заявила, что "
             "продолжит публикации.")
    ministry = "Министерство юстиции Тарсовы"
    denial = statement(x, "Сообщения о пытках")
    assert name(x, denial.attribution.speaker) == ministry
    assert name(x, denial.attribution.denied_by) == ministry
    assert speaker_of(x, "Все задержанные") == ministry
    answer = statement(x, "«Новая газета» в ответ")
    assert answer.attribution.speaker is None and name(x, answer.attribution.source)


def test_an_interviews_answers_are_the_interviewees() -> None:
    x = read("Мы поговорили с юристом Анной Соколовой.\n\nВопрос: Сколько людей задержано?\n\n"
             "Ответ: По нашим данным, задержаны около 40 человек. Мы передали имена в "
             "Следственный "
             "комитет.\n\nВопрос: Что говорят власти?\n\nОтвет: Пресс-секретарь министра "
             "Олег Трофимов назвал наше сообщение ложью.")
    assert speaker_of(x, "Ответ: По нашим данным") == "Анна Соколова"
    assert speaker_of(x, "Мы передали") == "Анна Соколова"
    # a sentence of an answer that relays someone else's words is theirs
    assert speaker_of(x, "Ответ: Пресс-секретарь") == "Олег Трофимов"


@pytest.mark.parametrize(("text", "start", "speaker"), [
    # the subject after the verb, past a title and its holder
    ("«Мы ни в чём не виноваты», — заявил председатель правления Российской ЛГБТ-сети "
     "Игорь Кочетков.", "«Мы", "Игорь Кочетков"),
    # a name inside the quotation is not the subject
    ("«Олег никогда не болел», — сказала сестра погибшего Анна Соколова.", "«Олег",
     "Анна Соколова"),
    # a title's holder in the genitive is not the subject
    ("Пресс-секретарь Кадырова Алви Каримов назвал публикацию ложью.", "Пресс-секретарь",
     "Алви Каримов"),
    # the institution the verb speaks in
    ("В МИД Тарсовы назвали доклад предвзятым.", "В МИД", "МИД Тарсовы"),
    # a description stands for the organisation named before
    ("Министерство юстиции Тарсовы сообщило о проверке. Ведомство также заявило, что камеры "
     "работают.", "Ведомство", "Министерство юстиции Тарсовы"),
    ("Российская ЛГБТ-сеть открыла линию. По данным сети, обратились 40 человек.",
     "По данным сети", "Российская ЛГБТ-сеть"),
    # "по её словам": the last person named
    ("Адвокат Анна Соколова с этим не согласна. По её словам, на теле были следы побоев.",
     "По её словам", "Анна Соколова"),
])
def test_who_speaks(text: str, start: str, speaker: str) -> None:
    assert speaker_of(read(text), start) == speaker


@pytest.mark.parametrize(("text", "start"), [
    ("Мужчина, которого мы назовём Олегом, провёл в тюрьме две недели.", "Мужчина"),
    ("Тюрьма в Аргуне, о которой он рассказывает, упоминалась в докладе.", "Тюрьма"),
    ("Коллеги видели его у редакции, откуда он, по их словам, поехал на встречу.", "Коллеги"),
])
def test_the_authors_voice_and_relative_clauses_have_no_speaker(text: str, start: str) -> None:
    x = read("Журналист Олег Трофимов пропал в Сельме. " + text)
    assert speaker_of(x, start) is None


def test_a_cited_outlet_beside_the_speaker_and_the_documents_own_outlet() -> None:
    x = extract_russian("Песков заявил агентству «Интерфакс», что информации нет. Официальный "
                        "представитель министерства сказал «Горному курьеру», что тюрем нет.",
                        document_id="doc", published=PUBLISHED, outlet="Горный курьер")
    told = statement(x, "Песков")
    assert name(x, told.attribution.speaker) == "Песков"
    assert name(x, told.attribution.source) == "Интерфакс"
    own = statement(x, "Официальный")
    assert own.attribution.source is None  # the document's own outlet is never cited


@pytest.mark.parametrize(("sentence", "text", "value", "precision"), [
    ("Задержания начались конца марта, сообщил Песков.", "конца марта", "2017-03", "month"),
    ("С конца декабря задержаны 40 человек.", "конца декабря", "2016-12", "month"),
    ("Задержания шли в марте и апреле.", "апреле", "2017-04", "month"),
    ("Только за февраль задержаны 10 человек.", "февраль", "2017-02", "month"),
    ("С начала года задержаны 20 человек.", "начала года", "2017", "year"),
    ("С начала 2016 года задержаны 20 человек.", "начала 2016 года", "2016", "year"),
    ("Весной 2016 года задержаны 20 человек.", "Весной 2016 года", "2016", "year"),
    ("Семья бежала из Чечни прошлой осенью.", "прошлой осенью", "2016", "year"),
    ("Семья бежала из Чечни прошлой зимой.", "прошлой зимой", "2017", "year"),
    ("Песков говорил это два года назад.", "два года назад", "2015", "year"),
    ("За прошлый год задержаны 20 человек.", "прошлый год", "2016", "year"),
    ("С субботы на линию обратились 20 человек.", "субботы", "2017-04-01", "day"),
    ("Задержания начались в минувший вторник.", "минувший вторник", "2017-04-04", "day"),
    ("Акция пройдёт в следующий понедельник, заявил профсоюз.", "следующий понедельник",
     "2017-04-10", "day"),
    ("Его задержали в среду вечером.", "среду", "2017-04-05", "day"),
])
def test_russian_date_expressions(sentence: str, text: str, value: str, precision: str) -> None:
    dates = [(d.text, d.value, d.precision.value) for s in read(sentence).statements
             for d in s.dates]
    assert (text, value, precision) in dates
    assert all(sentence[d.start:d.end] == d.text for s in read(sentence).statements
               for d in s.dates)


def test_words_that_only_look_like_dates() -> None:
    x = read("Средства массовой информации сообщили о задержании Марты Ивановой.")
    assert not [d for s in x.statements for d in s.dates]


REPORTED = "Правозащитники сообщили, что в Тарсове задержаны 30 мужчин. "


@pytest.mark.parametrize("sentence", [
    "Министерство внутренних дел Тарсовы заявило, что все задержанные были отпущены домой.",
    "Министерство внутренних дел Тарсовы заявило, что сотрудники действуют строго в рамках "
    "закона.",
    "Министерство внутренних дел Тарсовы заявило, что в здании располагается обычный отдел "
    "полиции.",
    "«Никаких задержаний не было», — заявил представитель министерства Олег Трофимов.",
    "Уполномоченный по правам человека в Тарсове Олег Трофимов говорил, что жалоб не поступало.",
])
def test_an_officials_counter_account_is_a_denial(sentence: str) -> None:
    s = statement(read(REPORTED + sentence), sentence[:12])
    assert s.attribution.denial and s.attribution.denied_by is not None


@pytest.mark.parametrize("sentence", [
    # the same words from a victim or a monitor are a report
    "Олег Трофимов рассказал, что всех задержанных отпустили домой.",
    # the official's remark that gives no information
    "В МВД Тарсовы заявили, что не располагают информацией о задержаниях.",
    "«У нас нет такой информации», — сказал представитель министерства Олег Трофимов.",
])
def test_counter_account_near_misses(sentence: str) -> None:
    assert not statement(read(REPORTED + sentence), sentence[:12]).attribution.denial


def test_without_a_reported_abuse_an_officials_account_is_news() -> None:
    sentence = "Министерство внутренних дел Тарсовы заявило, что полиция обеспечивала порядок."
    assert not read(sentence).statements[0].attribution.denial


@pytest.mark.parametrize("sentence", [
    "В МИД Тарсовы назвали доклад предвзятым.",
    "Адвокат семьи Анна Соколова с этим не согласна.",
    "Отсутствие жалоб само по себе ничего не доказывает.",
])
def test_russian_denial_words(sentence: str) -> None:
    assert read(sentence).statements[0].attribution.denial


def test_a_title_must_agree_in_case_with_the_name_it_belongs_to() -> None:
    x = read("Жена журналиста Анна Соколова пропала. По словам пресс-секретаря президента "
             "Дмитрия Пескова, информации нет. Пресс-секретарь Кадырова Алви Каримов "
             "назвал это ложью.")
    roles = {(name(x, r.entity), r.role, name(x, r.of)) for r in x.roles}
    assert not any(r[0] == "Анна Соколова" for r in roles)  # kinship, not her role
    assert ("Дмитрий Песков", "spokesman", None) in roles
    assert not any(r[0] and "Кадыров" in r[0] for r in roles)  # the holder, not a spokesman


def test_a_name_in_guillemets_in_any_case_is_one_organisation() -> None:
    x = read("Журналист газеты «Сельмский курьер» пропал. Главный редактор «Сельмского "
             "курьера» Анна Соколова сообщила об этом.")
    outlets = [e for e in x.entities if e.media]
    assert len(outlets) == 1 and outlets[0].name == "Сельмский курьер"
