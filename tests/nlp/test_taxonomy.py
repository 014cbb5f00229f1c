import pytest

from nlp import taxonomy


def test_codes_loaded_from_data():
    assert len(taxonomy.CODES) == 21
    assert taxonomy.CODES["ENG-LIFT"]["name"] == "电梯扶梯"


def test_categories_and_intents():
    assert set(taxonomy.CATEGORIES) == {"ENG", "ENV", "SEC", "SVC", "FEE", "OTHER"}
    assert set(taxonomy.INTENTS) == {"repair", "complaint", "inquiry", "suggestion", "praise", "other"}


@pytest.mark.parametrize(
    ("code", "category", "department"),
    [
        ("ENG-PLUMB", "ENG", "工程部"),
        ("ENV-PEST", "ENV", "保洁部"),
        ("SEC-PARK", "SEC", "安保部"),
        ("SVC-SLOW", "SVC", "客服部"),
        ("FEE-BILL", "FEE", "财务部"),
        ("OTHER", "OTHER", "客服部"),
    ],
)
def test_category_and_department_of(code, category, department):
    assert taxonomy.category_of(code) == category
    assert taxonomy.department_of(code) == department


def test_response_hours_and_urgent_override():
    assert taxonomy.response_hours("ENG-LIFT") == 1
    assert taxonomy.response_hours("ENV-GREEN") == 48
    assert taxonomy.response_hours("ENV-GREEN", urgent=True) == 0.5


def test_unknown_code_falls_back_to_other():
    assert taxonomy.category_of("NOPE") == "OTHER"
    assert taxonomy.response_hours("NOPE") == 24
