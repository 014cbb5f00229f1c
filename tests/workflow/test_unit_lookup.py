"""One unit lookup (models.Unit.find / unknown_codes / matching) for the dialog, intake,
notices and questionnaires: codes match as people type them, in any case with spaces."""
import sqlalchemy as sa

from models import Unit


def test_a_unit_is_found_as_people_type_its_code(session, make):
    site = make.site()
    other = make.site(slug="gongshe", name="公社物业服务中心", prefix="GS")
    session.add_all([Unit(site=site, code="L2-015"), Unit(site=other, code="L3-008")])
    session.commit()
    assert Unit.find(session, site.id, " l2-015 ").code == "L2-015"
    assert Unit.find(session, site.id, "L3-008") is None  # another site's unit
    assert Unit.find(session, site.id, "") is None and Unit.find(session, site.id, None) is None
    assert Unit.unknown_codes(session, site.id, ["l2-015", " L9-999", "L9-999", ""]) == ["L9-999"]
    found = session.scalars(sa.select(Unit.code).where(Unit.site_id == site.id, Unit.matching(["l2-015 "]))).all()
    assert found == ["L2-015"]
